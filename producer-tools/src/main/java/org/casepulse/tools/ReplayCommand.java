package org.casepulse.tools;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.casepulse.publish.CaseEventPublisher;
import org.casepulse.publish.PublisherSettings;
import org.casepulse.publish.WorkforcePublisher;
import org.casepulse.simulation.Pacer;
import org.casepulse.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Check a JSON Lines extract of case events (or workforce facts) and publish it to Kafka.",
        description = {"Publishes a JSON Lines extract of case events to Kafka. Every line is checked first: it "
                + "must be a valid event (the interchange format and the event contract) of a known lowest-level "
                + "area, dated within the working-day calendar. Good lines are sent in file order, keyed by case id, "
                + "so each case's events keep their order; every refused line goes to the rejects file with its line "
                + "number and reason. Nothing is dropped silently: read = sent + rejected + blank.",
                "", "A workforce extract (establishment and staff facts from HR: lines with effectiveOn and no caseId, "
                + "or --workforce) is checked against the workforce contract instead and sent to the workforce topic, "
                + "keyed by subject and eventId."},
        footer = {"", "Examples:",
            "  replay extract.jsonl --bootstrap-servers localhost:9092 --schema-registry-url http://localhost:8081",
            "  replay extract.jsonl --dry-run",
            "  replay workforce.jsonl --workforce --bootstrap-servers localhost:9092 --schema-registry-url http://localhost:8081",
            "  cat extract.jsonl | replay - --rejects /tmp/rejects.jsonl"})
final class ReplayCommand implements Callable<Integer> {
    @ParentCommand
    CasepulseTools root;

    @Parameters(index = "0", paramLabel = "FILE", description = "The extract; - for standard input.")
    String input;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where refused lines go (default: FILE.rejects.jsonl beside the extract; "
                    + "replay.rejects.jsonl for standard input).")
    Path rejects;

    @Option(names = "--dry-run", description = "Check the lines and write the rejects, but send nothing.")
    boolean dryRun;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "0",
            description = "Send N events a second; 0 for as fast as possible (default).")
    double rate;

    @Option(names = "--topic", paramLabel = "TOPIC",
            description = "Kafka topic (default: " + Topics.CASE_EVENTS + ", or " + Topics.WORKFORCE + " for workforce facts).")
    String topic;

    @Option(names = "--workforce", description = "The extract holds workforce facts (default: decided by its first line).")
    boolean workforce;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    AreaAndCalendarFiles reference;

    @Override
    public Integer call() throws Exception {
        ToolContext context = root.context();
        ReplayValidator validator = new ReplayValidator(reference.areas(), reference.calendar());
        boolean stdin = "-".equals(input);
        Path rejectsFile = rejects != null ? rejects
                : stdin ? Path.of("replay.rejects.jsonl") : Path.of(input + ".rejects.jsonl");
        long size = stdin ? -1 : Files.size(Path.of(input));
        Pacer pacer = rate > 0 ? Pacer.perSecond(rate) : Pacer.unlimited();
        Progress progress = new Progress(context.err(), context.interactive());
        Counts counts = new Counts();
        if (!workforce && !stdin) {
            workforce = firstLineIsWorkforce(Path.of(input));
        }
        String target = topic != null ? topic : workforce ? Topics.WORKFORCE : Topics.CASE_EVENTS;
        PublisherSettings publishTo = new PublisherSettings(kafka.bootstrapServers, kafka.schemaRegistryUrl, target,
                kafka.connectTimeout(), kafka.clientProperties());
        try (CaseEventPublisher publisher = dryRun || workforce ? null : CaseEventPublisher.connect(publishTo);
             WorkforcePublisher facts = dryRun || !workforce ? null : WorkforcePublisher.connect(publishTo);
             CountingStream in = new CountingStream(stdin ? context.stdin() : Files.newInputStream(Path.of(input)));
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), 1 << 16);
             RejectsWriter rejectsOut = new RejectsWriter(rejectsFile)) {
            for (String line = readLine(lines, counts.read); line != null; line = readLine(lines, counts.read)) {
                counts.read++;
                if (counts.read == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    counts.blank++;
                    continue;
                }
                ReplayValidator.Verdict verdict = workforce ? validator.checkWorkforce(line, counts.read)
                        : validator.check(line, counts.read);
                if (verdict instanceof ReplayValidator.Rejected rejected) {
                    rejectsOut.write(rejected);
                    counts.rejected++;
                } else if (publisher != null) {
                    pacer.awaitNext();
                    publisher.send(((ReplayValidator.Accepted) verdict).event());
                    counts.sent++;
                } else if (facts != null) {
                    pacer.awaitNext();
                    facts.send(((ReplayValidator.AcceptedFact) verdict).fact());
                    counts.sent++;
                } else {
                    counts.sent++;
                }
                if ((counts.read & 0x3FF) == 0) {
                    progress.update(counts.read, size > 0 ? (double) in.count / size : Double.NaN, "");
                }
            }
            if (publisher != null) {
                publisher.flush();
            }
            if (facts != null) {
                facts.flush();
            }
        } finally {
            progress.finish();
        }
        context.out().println(String.format(Locale.UK, "%s %s: %,d lines read, %,d %s, %,d rejected%s, %,d blank",
                dryRun ? "checked" : "replayed", stdin ? "standard input" : input, counts.read, counts.sent,
                dryRun ? "valid (dry run: nothing sent)" : "sent to " + target + " at " + kafka.bootstrapServers,
                counts.rejected, counts.rejected > 0 ? " (see " + rejectsFile + ")" : "", counts.blank));
        return 0;
    }

    /** Detection by content: a workforce fact has effectiveOn and no caseId (the first non-blank line decides). */
    private static boolean firstLineIsWorkforce(Path file) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    return org.casepulse.workforce.WorkforceJsonl.looksLikeWorkforce(line);
                }
            }
            return false;
        } catch (CharacterCodingException e) {
            return false; // the reading loop reports the line that is not UTF-8
        }
    }

    private static String readLine(BufferedReader lines, long read) {
        try {
            return lines.readLine();
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException("line " + (read + 1) + " is not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read line " + (read + 1) + ": " + e.getMessage(), e);
        }
    }

    private static final class Counts {
        long read;
        long sent;
        long rejected;
        long blank;
    }

    /** Counts the bytes read, for progress against the file's size. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
