package org.casepulse.tools.scorecard;

import org.casepulse.scorecard.Figure;
import org.casepulse.scorecard.FigureKey;
import org.casepulse.scorecard.SnapshotFigures;
import static org.casepulse.snapshots.DirectionOfTravel.IMPROVING;
import static org.casepulse.snapshots.DirectionOfTravel.NO_CHANGE;
import static org.casepulse.snapshots.DirectionOfTravel.UP;
import static org.casepulse.snapshots.DirectionOfTravel.WORSENING;
import static org.casepulse.snapshots.PeriodType.MONTH;
import static org.casepulse.snapshots.PeriodType.R12M;
import static org.casepulse.snapshots.PeriodType.SNAPSHOT;
import static org.casepulse.snapshots.PeriodType.YTD;
import static org.casepulse.snapshots.Rag.AMBER;
import static org.casepulse.snapshots.Rag.GREEN;
import static org.casepulse.snapshots.Rag.RED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.IndicatorSnapshotKey;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;

/**
 * A known set of published figures, in the order a topic would hold them: national and area figures
 * of a few indicators for February 2026 and the snapshot of 14 March 2026, an older figure, a
 * restated one, a small-numbers one, and one that was published and then withdrawn.
 */
public final class KnownSnapshots {
    static final Instant COMPUTED = Instant.parse("2026-03-14T09:00:00Z");

    /** What {@code tail --once} prints for {@link KnownSnapshots}. */
    public static final String NATIONAL_SCORECARD = """
            Casepulse scorecard: National (NATIONAL), latest figures
            Period: YTD where published, else R12M, SNAPSHOT (SS) or MONTH
            Best performance and hotspots (rated RED) among service areas

              Indicator                                                 Pol  Period           Target  Value          RAG    Direction    Num / Den         Best        Hotspots
              Allocation and workload
              Cases allocated within 2 working days of referral         H    YTD to 2026-02   65.0%   71.0%          GREEN  ↑ improving  3,412 / 4,806     S4 (97.8%)  N6 (44.8%), C5 (49.1%), N3 (53.3%)
              Cases allocated within 7 working days of referral              YTD                      no figure
              Cases allocated within 28 working days of referral             YTD                      no figure
              Open cases allocated to a worker                               SNAPSHOT                 no figure
              Unallocated cases open more than 7 working days           L    SS 2026-03-14    20      53             RED    -            53 / 1,204        -           -
              Average caseload of workers holding cases                 L    SS 2026-03-14    16.0    18.2           RED    ↓ worsening  18,200 / 1,000    S7 (12.0)   S3 (21.1)
              Referral and assessment
              Referrals with a previous referral within 12 months       L    YTD to 2026-02   22.0%   25.0%          AMBER  ↓ worsening  1,608 / 6,426     N1 (18.0%)  S3 (30.5%), C5 (29.0%)
              NI 68: Referrals going on to assessment                   T    YTD to 2026-02   70.0%   69.6%          GREEN  → no change  4,471 / 6,426     C5 (69.0%)  N1 (81.0%)
              Single assessments completed within 45 working days o...       YTD                      no figure
              Single assessments in progress outside of timescale            SNAPSHOT                 no figure
              Children seen at assessment (S17 and S47)                 H    YTD to 2026-02   68.0%   88.9%*         RED    -            8 / 9             -           -
              Demand
              Referrals per 10,000 children under 18                    -    R12M to 2026-02  -       538.2 per 10k  -      ↑ up         17,375 / 322,813  -           -
              Change in referrals against the same months of last year       YTD                      no figure
              Child protection
              Child protection visits held within timescale                  YTD                      no figure
              NI 65: Children becoming subject to a child protectio...       YTD                      no figure
              NI 64: Child protection plans lasting 2 years or more...       YTD                      no figure
              Children on a child protection plan with a visit overdue       SNAPSHOT                 no figure

            * small numbers: the denominator is below the indicator's threshold, so one case swings the figure. rN: restated N times after its period ended.
            """;

    /**
     * The 17 indicators shipped before issue 12, from the shipped catalogue (sections and labels
     * included): the renderings below are about layout, not about which indicators ship.
     */
    public static final org.casepulse.indicators.IndicatorCatalogue CATALOGUE = new org.casepulse.indicators.IndicatorCatalogue(
            "known", org.casepulse.indicators.IndicatorCatalogue.defaults().indicators().stream()
                    .filter(indicator -> List.of("allocation-within-2wd", "allocation-within-7wd",
                            "allocation-within-28wd", "re-referral-12m", "referral-to-assessment",
                            "assessment-within-45wd", "children-seen-at-assessment", "cp-visits-in-timescale",
                            "repeat-cp-plan", "cp-plan-over-2y-at-end", "referral-rate-per-10k", "demand-change",
                            "workload-allocated", "unallocated-over-7wd", "assessments-open-over-45wd",
                            "cp-visit-overdue", "average-caseload").contains(indicator.id()))
                    .toList());

    private KnownSnapshots() {}

    /** The records of the topic: each figure by its key; a null value withdraws the figure. */
    public record Published(IndicatorSnapshotKey key, IndicatorSnapshot value) {}

    public static List<Published> records() {
        IndicatorSnapshot withdrawn = figure("cp-visits-in-timescale", "NATIONAL", YTD, "2026-02-28")
                .setNumerator(10).setDenominator(12L).setValue(83.3).setRag(RED).build();
        return List.of(
                publish(figure("allocation-within-2wd", "NATIONAL", YTD, "2026-01-31")
                        .setNumerator(3100).setDenominator(4416L).setValue(70.2).setRag(GREEN).build()),
                publish(figure("allocation-within-2wd", "NATIONAL", YTD, "2026-02-28")
                        .setNumerator(3412).setDenominator(4806L).setValue(71.0).setRag(GREEN)
                        .setPreviousValue(70.2).setDirectionOfTravel(IMPROVING).build()),
                publish(figure("allocation-within-2wd", "NORTH", YTD, "2026-02-28")
                        .setNumerator(900).setDenominator(1497L).setValue(60.1).setRag(AMBER).build()),
                publish(area("allocation-within-2wd", "N1", YTD, 85.0, GREEN)),
                publish(area("allocation-within-2wd", "N3", YTD, 53.3, RED)),
                publish(area("allocation-within-2wd", "N6", YTD, 44.8, RED)),
                publish(area("allocation-within-2wd", "C5", YTD, 49.1, RED)),
                publish(area("allocation-within-2wd", "S4", YTD, 97.8, GREEN)),
                publish(figure("allocation-within-2wd", "NATIONAL", MONTH, "2026-02-28")
                        .setNumerator(290).setDenominator(400L).setValue(72.5).setRag(GREEN).setRevision(1).build()),
                publish(figure("re-referral-12m", "NATIONAL", YTD, "2026-02-28")
                        .setNumerator(1608).setDenominator(6426L).setValue(25.0).setRag(AMBER)
                        .setPreviousValue(24.6).setDirectionOfTravel(WORSENING).build()),
                publish(area("re-referral-12m", "N1", YTD, 18.0, GREEN)),
                publish(area("re-referral-12m", "C5", YTD, 29.0, RED)),
                publish(area("re-referral-12m", "S3", YTD, 30.5, RED)),
                publish(figure("referral-to-assessment", "NATIONAL", YTD, "2026-02-28")
                        .setNumerator(4471).setDenominator(6426L).setValue(69.6).setRag(GREEN)
                        .setPreviousValue(69.6).setDirectionOfTravel(NO_CHANGE).build()),
                publish(area("referral-to-assessment", "N1", YTD, 81.0, RED)),
                publish(area("referral-to-assessment", "C5", YTD, 69.0, GREEN)),
                publish(area("referral-to-assessment", "S3", YTD, 72.0, GREEN)),
                publish(figure("children-seen-at-assessment", "NATIONAL", YTD, "2026-02-28")
                        .setNumerator(8).setDenominator(9L).setValue(88.9).setRag(RED).setSmallNumbers(true).build()),
                publish(withdrawn),
                new Published(key(withdrawn), null),
                publish(figure("referral-rate-per-10k", "NATIONAL", R12M, "2026-02-28")
                        .setNumerator(17375).setDenominator(322813L).setValue(538.2)
                        .setPreviousValue(507.4).setDirectionOfTravel(UP).build()),
                publish(figure("unallocated-over-7wd", "NATIONAL", SNAPSHOT, "2026-03-14")
                        .setNumerator(53).setDenominator(1204L).setValue(53.0).setRag(RED).build()),
                publish(figure("average-caseload", "NATIONAL", SNAPSHOT, "2026-02-28")
                        .setNumerator(17900).setDenominator(1000L).setValue(17.9).setRag(AMBER).build()),
                publish(figure("average-caseload", "NATIONAL", SNAPSHOT, "2026-03-14")
                        .setNumerator(18200).setDenominator(1000L).setValue(18.2).setRag(RED)
                        .setPreviousValue(17.9).setDirectionOfTravel(WORSENING).build()),
                publish(figure("average-caseload", "S3", SNAPSHOT, "2026-03-14")
                        .setNumerator(2110).setDenominator(100L).setValue(21.1).setRag(RED).build()),
                publish(figure("average-caseload", "S7", SNAPSHOT, "2026-03-14")
                        .setNumerator(1200).setDenominator(100L).setValue(12.0).setRag(GREEN).build()));
    }

    /** The published figures after every record. */
    public static SnapshotFigures board() {
        SnapshotFigures board = new SnapshotFigures();
        records().forEach(record -> board.apply(FigureKey.of(record.key()),
                record.value() == null ? null : Figure.of(record.value())));
        return board;
    }

    /**
     * A figure with the catalogue's unit, polarity and target, counts zero, not rated and not
     * comparable until set.
     */
    public static IndicatorSnapshot.Builder figure(String indicatorId, String areaCode, PeriodType type, String periodEnd) {
        IndicatorDefinition indicator = IndicatorCatalogue.defaults().indicator(indicatorId);
        LocalDate end = LocalDate.parse(periodEnd);
        Period period = type == SNAPSHOT ? Period.snapshot(end) : Period.of(type, YearMonth.from(end));
        return IndicatorSnapshot.newBuilder()
                .setIndicatorId(indicatorId)
                .setAreaCode(areaCode)
                .setAreaLevel(AreaHierarchy.defaults().area(areaCode).level())
                .setPeriodType(type)
                .setPeriodStart(period.start())
                .setPeriodEnd(period.end())
                .setNumerator(0)
                .setDenominator(null)
                .setValue(null)
                .setUnit(indicator.unit())
                .setTarget(indicator.target() == null ? null : indicator.targetFor(end).doubleValue())
                .setPolarity(indicator.polarity())
                .setRag(Rag.NOT_RATED)
                .setPreviousValue(null)
                .setDirectionOfTravel(DirectionOfTravel.NOT_COMPARABLE)
                .setSmallNumbers(false)
                .setRevision(0)
                .setComputedAt(COMPUTED);
    }

    private static IndicatorSnapshot area(String indicatorId, String areaCode, PeriodType type, double value,
                                          Rag rag) {
        return figure(indicatorId, areaCode, type, "2026-02-28")
                .setNumerator(Math.round(value * 10)).setDenominator(1000L).setValue(value).setRag(rag).build();
    }

    private static Published publish(IndicatorSnapshot figure) {
        return new Published(key(figure), figure);
    }

    public static IndicatorSnapshotKey key(IndicatorSnapshot figure) {
        return new IndicatorSnapshotKey(figure.getIndicatorId(), figure.getAreaCode(), figure.getPeriodType(),
                figure.getPeriodEnd());
    }
}
