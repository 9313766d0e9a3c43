package org.casepulse.tools;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.casepulse.reference.Area;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.scorecard.commentary.CommentaryBook;
import org.casepulse.scorecard.report.BoardReport;
import org.casepulse.scorecard.report.BoardReportHtml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Write the month's board report as one HTML page.",
        description = {"Writes the month's board report for an area, as the engine's /report page does (the same "
                + "code): sections, a row per indicator with its headline figure at the month's end, the commentary "
                + "under each section and the data-quality notes. Reads the snapshot and commentary topics to their "
                + "end. Open it in a browser and print to PDF for an A4 landscape document."},
        footer = {"", "Examples:",
            "  report --month 2026-03 --area NORTH --output report.html",
            "  report --month 2026-03 --bootstrap-servers broker:9092 --schema-registry-url http://registry:8081 > report.html"})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    CasepulseTools root;

    @Spec
    CommandSpec spec;

    @Option(names = "--month", paramLabel = "YYYY-MM", required = true, description = "The month reported.")
    String month;

    @Option(names = "--area", paramLabel = "CODE", defaultValue = "NATIONAL",
            description = "The area reported (default: ${DEFAULT-VALUE}).")
    String area;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
            description = "The HTML file; - for standard output (default).")
    String output;

    @Mixin
    PublishedTopics published;

    @Mixin
    ReferenceFiles reference;

    @Override
    public Integer call() throws Exception {
        YearMonth reported;
        try {
            reported = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--month must be YYYY-MM (such as 2026-03), got " + month);
        }
        var catalogue = reference.catalogue();
        var areas = reference.areas();
        Area focus = areas.find(area).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--area " + area + " is not in hierarchy " + areas.version()));
        ToolContext context = root.context();
        SnapshotFigures figures = new SnapshotFigures();
        long unreadable = published.readFigures(figures);
        CommentaryBook commentary = new CommentaryBook();
        unreadable += published.readCommentary(commentary);
        BoardReport report = BoardReport.of(figures, commentary, catalogue, areas, focus, reported, null, code -> true);
        String html = BoardReportHtml.render(report);
        if ("-".equals(output)) {
            context.out().print(html);
            context.out().flush();
        } else {
            try (Writer file = Files.newBufferedWriter(Path.of(output), StandardCharsets.UTF_8)) {
                file.write(html);
            }
            context.out().println(BoardReportHtml.title(report) + " written to " + output + " ("
                    + report.sections().stream().mapToInt(section -> section.rows().size()).sum() + " indicators, "
                    + report.sections().stream().mapToInt(section -> section.commentary().size()).sum()
                    + " commentary entries, " + report.dataQualityNotes().size() + " data-quality notes)");
        }
        if (unreadable > 0) {
            context.err().println("Skipped " + unreadable + (unreadable == 1 ? " record" : " records")
                    + " that could not be read.");
        }
        return 0;
    }
}
