package org.casepulse.localstack;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.casepulse.calendar.BusinessClock;
import org.casepulse.calendar.Periods;
import org.casepulse.publish.CaseEventPublisher;
import org.casepulse.publish.PublisherSettings;
import org.casepulse.reference.ReferenceData;
import org.casepulse.simulation.FaultRates;
import org.casepulse.simulation.LiveFeed;
import org.casepulse.simulation.Simulation;
import org.casepulse.simulation.SimulationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's generator: a simulated history ending today, sent as fast as the broker takes
 * it up to {@code liveDays} ago, then at a demo pace, so the scorecard fills in and then moves.
 * A little of every fault is injected (amendments, retractions, duplicates, late and malformed
 * records), as real case-management systems produce them.
 *
 * @param referralsPerWorkingDay national demand of the simulation
 * @param eventsPerSecond        pace of the last {@code liveDays} days
 */
public record DemoFeed(boolean enabled, long seed, double referralsPerWorkingDay, double eventsPerSecond, int liveDays) {

    private static final Logger LOG = LoggerFactory.getLogger(DemoFeed.class);
    private static final FaultRates DEMO_FAULTS = new FaultRates(0.01, 0.002, 0.005, 0.02, 0.001);

    public static DemoFeed disabled() {
        return new DemoFeed(false, 0, 0, 0, 0);
    }

    /**
     * Starts feeding {@code topic}, unless the topic already holds events (a restart on the same data).
     *
     * @param clock the engine's business clock: with {@code --as-of D} the history ends on D, as the figures do
     */
    LiveFeed start(String bootstrapServers, String schemaRegistryUrl, String topic, ReferenceData reference,
                   BusinessClock clock) {
        if (!enabled) {
            return null;
        }
        long held = eventsIn(bootstrapServers, topic);
        if (held > 0) {
            LOG.info("Generator not started: {} already holds {} events from an earlier run", topic, held);
            return null;
        }
        LocalDate today = clock.today();
        SimulationSettings settings = SimulationSettings.defaults(today).withPeriod(historyStart(today), today)
                .withSeed(seed).withReferralsPerWorkingDay(referralsPerWorkingDay).withFaults(DEMO_FAULTS);
        Simulation simulation = new Simulation(settings, reference.areas(), reference.calendar());
        CaseEventPublisher publisher = CaseEventPublisher.connect(
                PublisherSettings.of(bootstrapServers, schemaRegistryUrl).withTopic(topic));
        Instant liveFrom = BusinessClock.startOf(today.minusDays(liveDays));
        LOG.info("Generator: {} to {}, {} referrals a working day; history up to {} at full speed, then {} events/s",
                settings.from(), settings.to(), referralsPerWorkingDay, liveFrom, eventsPerSecond);
        return LiveFeed.start(simulation.start(), eventsPerSecond, liveFrom, publisher::send);
    }

    /**
     * Publishes the simulated workforce of every area over the demo's history (issue 15), unless the
     * workforce topic already holds facts; only facts already recorded by now are sent.
     */
    void publishWorkforce(String bootstrapServers, String schemaRegistryUrl, String topic, ReferenceData reference,
                          BusinessClock clock) {
        if (!enabled || eventsIn(bootstrapServers, topic) > 0) {
            return;
        }
        LocalDate today = clock.today();
        java.util.List<String> areas = reference.areas().lowest().stream().map(org.casepulse.reference.Area::code).toList();
        // sized to the cases the generator sends (COUNTING.md 14.8's caseloads per FTE)
        java.util.Map<String, Double> referrals = org.casepulse.simulation.WorkforceSimulation.referralsByArea(
                reference.areas().lowest(), reference.areas().population(reference.areas().national().code()),
                referralsPerWorkingDay);
        java.util.List<org.casepulse.workforce.WorkforceEvent> facts = org.casepulse.simulation.WorkforceSimulation.generate(
                seed, referrals, historyStart(today), today, reference.calendar());
        Instant now = Instant.now();
        long sent = 0;
        try (org.casepulse.publish.WorkforcePublisher publisher = org.casepulse.publish.WorkforcePublisher.connect(
                PublisherSettings.of(bootstrapServers, schemaRegistryUrl).withTopic(topic))) {
            for (org.casepulse.workforce.WorkforceEvent fact : facts) {
                if (!fact.getRecordedAt().isAfter(now)) {
                    publisher.send(fact);
                    sent++;
                }
            }
            publisher.flush();
        }
        LOG.info("Workforce: {} facts of {} areas published to {}", sent, areas.size(), topic);
    }

    /**
     * The generator's default 18 months, or from 1 April of the previous financial year when that is
     * earlier: the year-to-date demand rows then compare this year with whole months of the last.
     */
    static LocalDate historyStart(LocalDate today) {
        LocalDate defaultStart = SimulationSettings.defaults(today).from();
        LocalDate lastYearsApril = Periods.financialYearStart(YearMonth.from(today)).minusYears(1);
        return lastYearsApril.isBefore(defaultStart) ? lastYearsApril : defaultStart;
    }

    private static long eventsIn(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            var partitions = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + topic, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of " + topic + " at " + bootstrapServers, e.getCause());
        }
    }
}
