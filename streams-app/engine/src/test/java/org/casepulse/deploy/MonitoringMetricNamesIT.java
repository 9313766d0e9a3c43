package org.casepulse.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.casepulse.testing.CaseEvents;
import org.casepulse.testing.RealKafka;
import org.casepulse.testing.RunningCasepulse;
import org.casepulse.testing.WithRealKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric that the Grafana dashboards and the Prometheus alert rules query exists in a real
 * {@code /metrics} scrape of the whole topology running on a real broker, fed good events, a bad
 * record and an anomaly, so that a renamed metric fails the build instead of blanking a panel or
 * silencing an alert.
 */
@WithRealKafka
class MonitoringMetricNamesIT {
    private static final Path DOCKER = DeploymentFiles.docker();
    /** Series Prometheus makes itself for every target and alert, not scraped. */
    private static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "scrape_series_added", "scrape_samples_post_metric_relabeling", "ALERTS", "ALERTS_FOR_STATE");
    private static final Pattern SERIES_NAME = Pattern.compile("^([A-Za-z_:][\\w:]*)[{ ]", Pattern.MULTILINE);
    // The Kafka Streams binder picks up task and store metrics at its periodic refresh.
    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(150);

    @Test
    void shouldScrapeEveryMetricTheDashboardsAndAlertsQuery(RealKafka kafka, @TempDir Path stateDir) {
        Map<String, List<String>> wanted = wantedNames();
        assertThat(wanted).as("metric names found in the dashboards and rules").hasSizeGreaterThan(30);

        try (RunningCasepulse casepulse = RunningCasepulse.start(kafka, stateDir, "2024-04-20")) {
            CaseEvents ordinary = CaseEvents.forCase("case-1", "child-1");
            CaseEvents contradictory = CaseEvents.forCase("case-2", "child-2");
            casepulse.send(ordinary.referral("N1", "2024-04-02"), ordinary.allocation("N1", "2024-04-04", "w1"),
                    contradictory.allocation("C2", "2024-04-01", "w2"), contradictory.referral("C2", "2024-04-05"));
            kafka.produce(casepulse.settings().topics().caseEvents(), new StringSerializer(), new ByteArraySerializer(),
                    List.of(Map.entry("case-3", "not avro".getBytes(StandardCharsets.UTF_8))));
            String url = casepulse.application().server().url() + "/metrics";

            Set<String> missing = new TreeSet<>(wanted.keySet());
            try {
                await("every queried metric in /metrics").atMost(SCRAPE_TIMEOUT).pollInterval(Duration.ofSeconds(2))
                        .until(() -> {
                            missing.retainAll(absentFrom(seriesNames(get(url)), wanted.keySet()));
                            return missing.isEmpty();
                        });
            } catch (ConditionTimeoutException timeout) {
                List<String> report = new ArrayList<>();
                missing.forEach(name -> report.add(name + " (used in " + String.join("; ", wanted.get(name)) + ")"));
                throw new AssertionError("Metrics queried by the dashboards or alerts but absent from a live scrape:\n  "
                        + String.join("\n  ", report), timeout);
            }
        }
    }

    /** Each metric name queried, with the queries that use it. */
    private static Map<String, List<String>> wantedNames() {
        Path rules = DOCKER.resolve("prometheus/alerts.yml");
        List<MonitoringQueries.Query> queries = new ArrayList<>(MonitoringQueries.dashboards(DOCKER.resolve("grafana/dashboards")));
        queries.addAll(MonitoringQueries.rules(rules));
        Set<String> recorded = MonitoringQueries.recordedNames(rules);
        Map<String, List<String>> wanted = new TreeMap<>();
        for (MonitoringQueries.Query query : queries) {
            for (String name : query.metricNames()) {
                if (!SYNTHETIC.contains(name) && !recorded.contains(name)) {
                    wanted.computeIfAbsent(name, k -> new ArrayList<>()).add(query.where());
                }
            }
        }
        return wanted;
    }

    private static Set<String> absentFrom(Set<String> scraped, Set<String> wanted) {
        Set<String> absent = new TreeSet<>(wanted);
        absent.removeAll(scraped);
        return absent;
    }

    private static Set<String> seriesNames(String scrape) {
        Set<String> names = new TreeSet<>();
        Matcher name = SERIES_NAME.matcher(scrape);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }

    private static String get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
