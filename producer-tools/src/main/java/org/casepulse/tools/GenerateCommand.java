package org.casepulse.tools;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.publish.CaseEventPublisher;
import org.casepulse.publish.PublisherSettings;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.simulation.AreaSelection;
import org.casepulse.simulation.AssessmentFramework;
import org.casepulse.simulation.FaultRates;
import org.casepulse.simulation.Pacer;
import org.casepulse.simulation.SimulatedRecord;
import org.casepulse.simulation.Simulation;
import org.casepulse.simulation.SimulationRun;
import org.casepulse.simulation.SimulationSettings;
import org.casepulse.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Simulate case-management systems: write case events to JSON Lines or Kafka.",
        description = {"Simulates the case-management systems of children's services: children with their dates "
                + "of birth, cases and workers over the area hierarchy, referrals and early help day by day, "
                + "assessments, allocations, section 47 enquiries and conferences, child protection, child in need and "
                + "care plans with visits, placements, reviews, checks and adoptions, private fostering, transfers and "
                + "closures with their reasons, with hotspot areas and strong ones. Writes the case events to a JSON "
                + "Lines file (--output) or sends them to Kafka.", "",
            "The same --seed and options give byte-identical output. The history starts on --from with the "
                    + "children already in care or on child protection plans (their earlier events dated before it, "
                    + "recorded on its first day, as a migration); every other case starts then, so the first months "
                    + "build up the rest of the caseload."},
        footer = {"", "Examples:",
            "  generate --seed 7 --from 2025-04-01 --to 2026-03-31 --output events.jsonl",
            "  generate --seed 7 --areas NORTH --total 100000 --malformed 0.002 --late 0.01 --output -",
            "  generate --bootstrap-servers localhost:9092 --schema-registry-url http://localhost:8081 --rate 200"})
final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    CasepulseTools root;

    @Spec
    CommandSpec spec;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from", paramLabel = "DATE",
            description = "First day of the history, YYYY-MM-DD (default: 18 months before --to).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day of the history (default: today).")
    LocalDate to;

    @Option(names = "--areas", paramLabel = "CODE", split = ",",
            description = "Areas referrals arrive in: codes (N1,S3), higher areas standing for those beneath them "
                    + "(NORTH), or a number of areas spread over the regions (5). Default: every area.")
    List<String> areas;

    @Option(names = "--referrals-per-day", paramLabel = "N",
            description = "Referrals a working day across the whole hierarchy (a subset of areas gets its population's "
                    + "share). Default: " + SimulationSettings.DEFAULT_REFERRALS_PER_WORKING_DAY
                    + ", about 0.9 million events over 18 months; with --total alone, sized to give about that many.")
    Double referralsPerDay;

    @Option(names = "--total", paramLabel = "N", description = "Stop after N records.")
    Long total;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "Send N records a second, in real time (a live demo); 0 for as fast as possible (default).")
    double rate;

    @Option(names = "--amendments", paramLabel = "RATE", defaultValue = "0",
            description = "Share of events re-sent with revision 1 and a changed date or area (default: ${DEFAULT-VALUE}).")
    double amendments;

    @Option(names = "--retractions", paramLabel = "RATE", defaultValue = "0",
            description = "Share of events retracted by a later EVENT_RETRACTED (default: ${DEFAULT-VALUE}).")
    double retractions;

    @Option(names = "--duplicates", paramLabel = "RATE", defaultValue = "0",
            description = "Share of events sent twice, byte for byte (default: ${DEFAULT-VALUE}).")
    double duplicates;

    @Option(names = "--late", paramLabel = "RATE", defaultValue = "0",
            description = "Share of events recorded 3-30 days after their date, so sent out of order (default: ${DEFAULT-VALUE}).")
    double late;

    @Option(names = "--malformed", paramLabel = "RATE", defaultValue = "0",
            description = "Share of events followed by a malformed record: bad JSON, a missing required field, an "
                    + "unknown area, or a plan ended before it started (default: ${DEFAULT-VALUE}).")
    double malformed;

    /** Sizing to {@code --total} aims this much over: the pilot run that sizes it is small and noisy. */
    private static final double TOTAL_MARGIN = 1.05;

    @Option(names = "--assessment-framework", paramLabel = "FRAMEWORK", defaultValue = "mixed",
            converter = FrameworkConverter.class,
            description = "How statutory assessments are typed: single, initial-core (initial assessments, then core "
                    + "ones for the children who need more: the former framework, NI 59/60), or mixed (default: single, "
                    + "except the last region of the hierarchy, South by default, still on initial-core).")
    AssessmentFramework framework;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write JSON Lines to FILE (- for standard output) instead of sending to Kafka.")
    String output;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = Topics.CASE_EVENTS,
            description = "Kafka topic of case events (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--workforce", paramLabel = "FILE",
            description = "Also write the simulated workforce of the same areas and period (posts, turnover, agency "
                    + "staff, vacancies, sickness, rated appraisals) to FILE as JSON Lines, for replay.")
    Path workforce;

    @Mixin
    KafkaOptions kafka;

    @SettingKey("casepulse.areas")
    @Option(names = "--area-hierarchy", paramLabel = "FILE",
            description = "Area hierarchy YAML (env CASEPULSE_AREAS; default: the shipped 21 service areas).")
    Path areaHierarchy;

    @SettingKey("casepulse.calendar.bank-holidays")
    @Option(names = "--bank-holidays", paramLabel = "FILE",
            description = "GOV.UK bank-holidays.json, added to the shipped list (env CASEPULSE_CALENDAR_BANK_HOLIDAYS).")
    Path bankHolidays;

    @Override
    public Integer call() throws Exception {
        AreaHierarchy hierarchy = areaHierarchy == null ? AreaHierarchy.defaults() : AreaHierarchy.load(areaHierarchy);
        WorkingDayCalendar calendar = WorkingDayCalendar.load(Optional.ofNullable(bankHolidays),
                WorkingDayCalendar.Mode.EXTEND);
        Simulation simulation = new Simulation(settings(hierarchy, calendar), hierarchy, calendar);
        Pacer pacer = rate > 0 ? Pacer.perSecond(rate) : Pacer.unlimited();
        ToolContext context = root.context();
        boolean toStdout = "-".equals(output);
        Progress progress = new Progress(context.err(), context.interactive() && !toStdout);
        long written = 0;
        long malformedRecords = 0;
        String description;
        try (RecordSink sink = openSink(context)) {
            SimulationRun run = simulation.start();
            long limit = total == null ? Long.MAX_VALUE : total;
            while (written < limit && run.hasNext()) {
                SimulatedRecord record = run.next();
                pacer.awaitNext();
                sink.accept(record);
                written++;
                if (record instanceof SimulatedRecord.Bad) {
                    malformedRecords++;
                }
                if ((written & 0x3FF) == 0) {
                    double fraction = total == null ? run.fractionDone() : Math.max(run.fractionDone(), (double) written / limit);
                    progress.update(written, fraction, "simulated to " + run.simulatedThrough());
                }
            }
            sink.finish();
            description = sink.description();
        } finally {
            progress.finish();
        }
        double seconds = progress.elapsedSeconds();
        SimulationSettings settings = simulation.settings();
        if (workforce != null) {
            List<String> codes = simulation.areas().stream().map(org.casepulse.reference.Area::code).toList();
            List<org.casepulse.workforce.WorkforceEvent> facts = org.casepulse.simulation.WorkforceSimulation.generate(
                    settings.seed(), simulation.referralsByArea(), settings.from(), settings.to(), calendar);
            try (java.io.BufferedWriter out = java.nio.file.Files.newBufferedWriter(workforce, java.nio.charset.StandardCharsets.UTF_8)) {
                for (org.casepulse.workforce.WorkforceEvent fact : facts) {
                    out.write(org.casepulse.workforce.WorkforceJsonl.toLine(fact));
                    out.write('\n');
                }
            }
            (toStdout ? context.err() : context.out()).println(String.format(Locale.UK,
                    "%,d workforce facts of %d areas written to %s", facts.size(), codes.size(), workforce));
        }
        (toStdout ? context.err() : context.out()).println(String.format(Locale.UK,
                "%,d records (%,d malformed) %s in %s (%,.0f records/s): %s to %s, %d areas, %.1f referrals a working day, seed %d",
                written, malformedRecords, description, Progress.clock(seconds), written / Math.max(seconds, 1e-3),
                settings.from(), settings.to(), simulation.areas().size(), settings.referralsPerWorkingDay(), settings.seed()));
        return 0;
    }

    private SimulationSettings settings(AreaHierarchy hierarchy, WorkingDayCalendar calendar) {
        LocalDate end = to != null ? to : root.context().today();
        LocalDate start = from != null ? from : end.minusMonths(SimulationSettings.DEFAULT_HISTORY_MONTHS).plusDays(1);
        if (start.isAfter(end)) {
            throw new ParameterException(spec.commandLine(), "--from " + start + " is after --to " + end);
        }
        if (total != null && total < 1) {
            throw new ParameterException(spec.commandLine(), "--total must be positive, got " + total);
        }
        if (rate < 0) {
            throw new ParameterException(spec.commandLine(), "--rate must be 0 or more, got " + rate);
        }
        SimulationSettings settings = new SimulationSettings(seed, start, end, areaCodes(hierarchy),
                referralsPerDay == null ? SimulationSettings.DEFAULT_REFERRALS_PER_WORKING_DAY : referralsPerDay,
                new FaultRates(amendments, retractions, duplicates, late, malformed), framework);
        if (total != null && referralsPerDay == null) {
            // Aimed a little over: the run stops at the total, so the pilot's noise must not leave it short.
            return settings.withReferralsPerWorkingDay(
                    TOTAL_MARGIN * Simulation.referralsPerWorkingDayFor(total, settings, hierarchy, calendar));
        }
        return settings;
    }

    private List<String> areaCodes(AreaHierarchy hierarchy) {
        if (areas == null || areas.isEmpty()) {
            return List.of();
        }
        if (areas.size() == 1 && areas.get(0).matches("\\d+")) {
            return AreaSelection.spread(hierarchy, Integer.parseInt(areas.get(0)));
        }
        return areas;
    }

    private RecordSink openSink(ToolContext context) throws IOException {
        if ("-".equals(output)) {
            context.out().flush();
            return RecordSink.toStdout(context.stdout());
        }
        if (output != null) {
            return RecordSink.toFile(Path.of(output));
        }
        return RecordSink.toKafka(CaseEventPublisher.connect(new PublisherSettings(kafka.bootstrapServers,
                kafka.schemaRegistryUrl, topic, kafka.connectTimeout(), kafka.clientProperties())));
    }

    /** {@code single}, {@code initial-core} or {@code mixed}, as the help says them. */
    static final class FrameworkConverter implements ITypeConverter<AssessmentFramework> {
        @Override
        public AssessmentFramework convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "single" -> AssessmentFramework.SINGLE;
                case "initial-core" -> AssessmentFramework.INITIAL_CORE;
                case "mixed" -> AssessmentFramework.MIXED;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "--assessment-framework must be single, initial-core or mixed, got " + value);
            };
        }
    }
}
