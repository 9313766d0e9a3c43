package org.casepulse.tools.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.FigureKey;
import org.casepulse.scorecard.SnapshotFigures;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.junit.jupiter.api.Test;

/** The CSV export's publication mode: small counts, their complement and what derives from them written c. */
class SnapshotCsvTest {
    private static final String ALLOCATION = "allocation-within-2wd";

    @Test
    void shouldWithholdSmallCountsAndTheirComplementForPublication() throws IOException {
        SnapshotFigures board = new SnapshotFigures();
        // North in February: N2 allocated 2 of 7 cases; N5, with 9, is the smallest other count.
        long[][] counts = {{40, 50}, {2, 7}, {30, 40}, {20, 30}, {9, 12}, {10, 25}, {50, 60}, {45, 50}};
        long numerator = 0;
        long denominator = 0;
        for (int i = 0; i < counts.length; i++) {
            publish(board, figure("N" + (i + 1), "2026-02-28", counts[i][0], counts[i][1]).build());
            numerator += counts[i][0];
            denominator += counts[i][1];
        }
        publish(board, figure("NORTH", "2026-02-28", numerator, denominator).build());
        // N2's March figure repeats February's value as previousValue: withheld there too.
        publish(board, figure("N2", "2026-03-31", 40, 60).setPreviousValue(28.6)
                .setDirectionOfTravel(DirectionOfTravel.IMPROVING).build());

        List<String> exact = csv(board, false);
        List<String> published = csv(board, true);

        assertThat(row(exact, "N2,", "2026-02-28")).contains(",2,7,28.6,PERCENT,65,H,RED,");
        assertThat(row(published, "N2,", "2026-02-28")).contains(",c,7,c,PERCENT,65,H,c,,c,true,");
        assertThat(row(published, "N5,", "2026-02-28")).contains(",c,12,c,PERCENT,65,H,c,");
        assertThat(row(published, "N6,", "2026-02-28")).contains(",10,25,40,PERCENT,");
        assertThat(row(published, "NORTH,", "2026-02-28")).contains("," + numerator + "," + denominator + ",");
        assertThat(row(published, "N2,", "2026-03-31")).contains(",40,60,66.7,PERCENT,65,H,GREEN,c,c,false,");
        assertThat(published).hasSameSizeAs(exact);
    }

    @Test
    void shouldWriteWhatStandsBesideTheFigureAndWithholdTheComparisonsWithTheValue() throws IOException {
        SnapshotFigures board = new SnapshotFigures();
        publish(board, figure("N1", "2026-02-28", 40, 50).setTrend(org.casepulse.snapshots.TrendGrade.A_BIT_BETTER)
                .setLastYearValue(75.5).setOutturnValue(77.0).setSixMonthsValue(78.25).setBenchmarkYear("2025/26")
                .setBenchmarkEngland(82.0).setBenchmarkNeighbours(80.5).build());
        publish(board, figure("N2", "2026-02-28", 2, 7).setLastYearValue(50.0).setTrend(
                org.casepulse.snapshots.TrendGrade.MUCH_WORSE).build());
        for (int i = 3; i <= 8; i++) {
            publish(board, figure("N" + i, "2026-02-28", 30, 40).build());
        }

        List<String> exact = csv(board, false);
        List<String> published = csv(board, true);

        assertThat(exact.get(0)).endsWith(",computedAt,trend,lastYearValue,outturnValue,sixMonthsValue,benchmarkYear,"
                + "benchmarkEngland,benchmarkRegion,benchmarkNeighbours,commentary");
        assertThat(row(exact, "N1,", "2026-02-28")).endsWith(",A_BIT_BETTER,75.5,77,78.25,2025/26,82,,80.5,");
        assertThat(row(published, "N1,", "2026-02-28")).endsWith(",A_BIT_BETTER,75.5,77,78.25,2025/26,82,,80.5,");
        assertThat(row(exact, "N2,", "2026-02-28")).endsWith(",MUCH_WORSE,50,,,,,,,");
        assertThat(row(published, "N2,", "2026-02-28")).endsWith(",c,c,c,c,,,,,");
        assertThat(row(exact, "N3,", "2026-02-28")).endsWith(",,,,,,,,,");
    }

    private static IndicatorSnapshot.Builder figure(String area, String periodEnd, long numerator, long denominator) {
        double value = Math.round(1000.0 * numerator / denominator) / 10.0;
        return KnownSnapshots.figure(ALLOCATION, area, PeriodType.YTD, periodEnd)
                .setNumerator(numerator).setDenominator(denominator).setValue(value)
                .setRag(value < 60 ? Rag.RED : Rag.GREEN).setSmallNumbers(numerator < 5);
    }

    private static void publish(SnapshotFigures board, IndicatorSnapshot figure) {
        board.apply(FigureKey.of(KnownSnapshots.key(figure)), Figure.of(figure));
    }

    private static List<String> csv(SnapshotFigures board, boolean publicView) throws IOException {
        StringWriter out = new StringWriter();
        SnapshotCsv.write(board, IndicatorCatalogue.defaults(), AreaHierarchy.defaults(), out, publicView);
        return out.toString().lines().toList();
    }

    private static String row(List<String> lines, String area, String periodEnd) {
        return lines.stream().filter(line -> line.contains("," + area) && line.contains("," + periodEnd + ","))
                .findFirst().orElseThrow(() -> new AssertionError("no row of " + area + periodEnd + " in " + lines));
    }
}
