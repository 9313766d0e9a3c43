package org.casepulse.tools;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.scorecard.commentary.CommentaryBook;
import org.casepulse.tools.scorecard.SnapshotCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write the current indicator snapshots to CSV.",
        description = {"Writes the current indicator snapshots to CSV, for a spreadsheet: one row per indicator, "
                + "area, period type and period end, with every published field plus the indicator's title, the "
                + "area's name and the commentary written on it for the month. Reads the snapshot topic to its end. With --public, for figures leaving the service "
                + "(open data, a public page): counts of 1 to 4 are written c, with enough other counts withheld that "
                + "none can be worked back out from the totals, and the values derived from them c too."},
        footer = {"", "Examples:",
            "  export --output snapshots.csv",
            "  export --public --output open-data.csv",
            "  export --bootstrap-servers broker:9092 --schema-registry-url http://registry:8081 > snapshots.csv"})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    CasepulseTools root;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
            description = "The CSV file; - for standard output (default).")
    String output;

    @Option(names = "--public",
            description = "Disclosure control for publication: small counts and what they would reveal written as c.")
    boolean publicView;

    /** The commentary topic's current texts fill the commentary column. */
    @Mixin
    PublishedTopics published;

    @Mixin
    ReferenceFiles reference;

    @Override
    public Integer call() throws Exception {
        ToolContext context = root.context();
        var catalogue = reference.catalogue();
        var areas = reference.areas();
        SnapshotFigures board = new SnapshotFigures();
        long unreadable = published.readFigures(board);
        CommentaryBook commentary = new CommentaryBook();
        if (!publicView) {
            unreadable += published.readCommentary(commentary);
        }
        long rows;
        if ("-".equals(output)) {
            rows = SnapshotCsv.write(board, commentary, catalogue, areas, context.out(), publicView);
            context.out().flush();
        } else {
            try (Writer file = Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
                rows = SnapshotCsv.write(board, commentary, catalogue, areas, file, publicView);
            }
            context.out().println(String.format(Locale.UK, "%,d figures written to %s", rows, output));
        }
        if (unreadable > 0) {
            context.err().println(SnapshotTopic.skipped(unreadable, published.topic));
        }
        return 0;
    }
}
