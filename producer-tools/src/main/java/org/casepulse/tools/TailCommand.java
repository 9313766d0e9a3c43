package org.casepulse.tools;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import org.apache.kafka.common.errors.InterruptException;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.scorecard.Scorecard;
import org.casepulse.tools.scorecard.ScorecardRenderer;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.topics.Topics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "tail", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Follow the indicator snapshots as a live scorecard in the terminal.",
        description = {"Follows the indicator snapshot topic and shows a live scorecard laid out as the reports it "
                + "replaces: one row per indicator with its target, latest value, RAG rating, direction of travel, "
                + "numerator and denominator, the best performing area and the hotspots (areas rated RED) among the "
                + "areas beneath the one in focus. --once reads the topic to its end, prints the scorecard and exits.",
            "",
            "By default each indicator shows its headline period: YTD where published, else R12M, else SNAPSHOT, "
                    + "else MONTH, with the latest period end published for the area."},
        footer = {"", "Examples:",
            "  tail --once",
            "  tail --area NORTH --period MONTH --month 2026-02",
            "  tail --area S3 --period SNAPSHOT --as-of 2026-01-31 --once > s3.txt"})
final class TailCommand implements Callable<Integer> {
    @ParentCommand
    CasepulseTools root;

    @Option(names = "--area", paramLabel = "CODE", defaultValue = "NATIONAL",
            description = "The area in focus (default: ${DEFAULT-VALUE}).")
    String area;

    @Option(names = "--period", paramLabel = "TYPE",
            description = "Show only this period type: ${COMPLETION-CANDIDATES} (default: each indicator's headline period).")
    PeriodType period;

    @ArgGroup(exclusive = true)
    PeriodEnd periodEnd;

    @Option(names = "--once", description = "Read to the end of the topic, print the scorecard and exit.")
    boolean once;

    @Option(names = "--refresh", paramLabel = "SECONDS", defaultValue = "2",
            description = "When following, redraw at most this often; 0 at every change (default: ${DEFAULT-VALUE}).")
    int refreshSeconds;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = Topics.SNAPSHOTS,
            description = "The snapshot topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ReferenceFiles reference;

    /** Whether following stopped because the thread was interrupted. */
    private boolean interrupted;

    /** Which period end to show: one of the two, or the latest. */
    static final class PeriodEnd {
        @Option(names = "--month", paramLabel = "YYYY-MM", description = "Figures of periods ending with this month.")
        YearMonth month;

        @Option(names = "--as-of", paramLabel = "DATE",
                description = "Figures of the latest periods ending on or before this date.")
        LocalDate asOf;

        LocalDate date() {
            return month != null ? month.atEndOfMonth() : asOf;
        }
    }

    @Override
    public Integer call() {
        IndicatorCatalogue catalogue = reference.catalogue();
        AreaHierarchy areas = reference.areas();
        if (areas.find(area).isEmpty()) {
            throw new IllegalArgumentException("--area " + area + " is not in the area hierarchy "
                    + areas.version());
        }
        ToolContext context = root.context();
        SnapshotFigures board = new SnapshotFigures();
        try (SnapshotTopic snapshots = new SnapshotTopic(kafka, topic)) {
            snapshots.readToEnd(board);
            show(context, board, catalogue, areas, snapshots);
            if (!once) {
                follow(context, board, catalogue, areas, snapshots);
            }
        }
        // Closing the consumer with the thread's interrupt flag up would fail: it is raised again only now.
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Redraws whenever figures change, at most every --refresh seconds, until the thread is interrupted. */
    private void follow(ToolContext context, SnapshotFigures board, IndicatorCatalogue catalogue, AreaHierarchy areas,
                        SnapshotTopic snapshots) {
        long shownAt = System.nanoTime();
        boolean changed = false;
        try {
            while (!Thread.interrupted()) {
                changed |= snapshots.poll(board) > 0;
                if (changed && System.nanoTime() - shownAt >= refreshSeconds * 1_000_000_000L) {
                    show(context, board, catalogue, areas, snapshots);
                    shownAt = System.nanoTime();
                    changed = false;
                }
            }
        } catch (InterruptException e) {
            Thread.interrupted(); // Kafka raised the flag again; call() restores it once the consumer is closed
        }
        interrupted = true;
    }

    private void show(ToolContext context, SnapshotFigures board, IndicatorCatalogue catalogue, AreaHierarchy areas,
                      SnapshotTopic snapshots) {
        PrintWriter out = context.out();
        if (context.interactive() && !once) {
            out.print("\u001B[H\u001B[2J"); // home and clear: redraw in place
        }
        Scorecard card = Scorecard.of(board, catalogue, areas, areas.area(area), period, periodEnd == null ? null : periodEnd.date(), null);
        out.print(ScorecardRenderer.render(card, catalogue, context.interactive(), true));
        if (snapshots.unreadable() > 0) {
            out.println(SnapshotTopic.skipped(snapshots.unreadable(), topic));
        }
        if (!once) {
            out.println();
        }
        out.flush();
    }
}
