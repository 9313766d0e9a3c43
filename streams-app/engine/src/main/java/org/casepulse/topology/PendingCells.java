package org.casepulse.topology;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.casepulse.indicators.Fact;
import org.casepulse.indicators.RecordedChanges;
import org.casepulse.indicators.figures.RecordedDays;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.state.LedgerDelta;

/**
 * Changes to aggregate cells waiting to be sent downstream, summed per cell as input records make
 * them and rolled up the area hierarchy; a flush sends each changed cell once. Sending once per
 * flush instead of once per event keeps the repartition traffic small: a month's national cell
 * changes thousands of times a second during a backfill, but travels once.
 *
 * <p>Kept in memory only: its stage flushes it before every commit ({@link BeforeCommit}), so a
 * commit never records input whose changes were not sent in the same transaction, and after a
 * crash the input behind anything held here is processed again.
 */
final class PendingCells {

    private final AreaHierarchy areas;
    private final boolean rollUp;
    private final Map<Key, LedgerDelta> cells = new LinkedHashMap<>();

    /** A cell and the day its changes were recorded on; a record, so that its hash is made from the ids' cached ones. */
    private record Key(String indicatorId, String areaCode, String workerId, LocalDate bucket, LocalDate recordedOn) {

        /** Mixes the days in whole: a record's own hash put the month buckets of a cell in one bin. */
        @Override
        public int hashCode() {
            return Fact.cellHash(indicatorId, areaCode, workerId, bucket, recordedOn);
        }
    }

    /**
     * @param rollUp whether changes name lowest areas to roll up (case and child ledgers), or
     *               areas already rolled up upstream (worker ledger)
     */
    PendingCells(AreaHierarchy areas, boolean rollUp) {
        this.areas = areas;
        this.rollUp = rollUp;
    }

    /** Adds the changes one input record made, all attributed to one recorded day. */
    void append(List<Fact> changes, LocalDate recordedOn, Instant knownAt) {
        for (Fact change : changes) {
            add(change, RecordedDays.lateOrNull(change.bucket(), recordedOn), knownAt);
        }
    }

    /** Adds the changes one input record made, each attributed to its recorded day. */
    void append(List<RecordedChanges.Dated> changes, Instant knownAt) {
        for (RecordedChanges.Dated dated : changes) {
            append(dated.facts(), dated.recordedOn(), knownAt);
        }
    }

    /** Hands every non-zero summed change to {@code send} and forgets them all. */
    void flush(Consumer<LedgerDelta> send) {
        for (LedgerDelta delta : cells.values()) {
            if (delta.getNumerator() != 0 || delta.getDenominator() != 0) {
                send.accept(delta);
            }
        }
        cells.clear();
    }

    private void add(Fact change, LocalDate recordedOn, Instant knownAt) {
        if (!rollUp) {
            add(change, change.areaCode(), recordedOn, knownAt);
            return;
        }
        for (Area area : areas.lineage(change.areaCode())) {
            add(change, area.code(), recordedOn, knownAt);
        }
    }

    /** Sums per cell and recorded day: what was recorded on each day stays apart, for revisions. */
    private void add(Fact change, String areaCode, LocalDate recordedOn, Instant knownAt) {
        Key key = new Key(change.indicatorId(), areaCode, change.workerId(), change.bucket(), recordedOn);
        LedgerDelta cell = cells.get(key);
        if (cell == null) {
            cells.put(key, new LedgerDelta(change.indicatorId(), areaCode, change.workerId(), change.bucket(),
                    change.numerator(), change.denominator(), knownAt, recordedOn));
            return;
        }
        cell.setNumerator(cell.getNumerator() + change.numerator());
        cell.setDenominator(cell.getDenominator() + change.denominator());
        if (knownAt.isAfter(cell.getKnownAt())) {
            cell.setKnownAt(knownAt);
        }
    }

    static String holdingKey(LedgerDelta delta) {
        return delta.getIndicatorId() + '|' + delta.getAreaCode() + '|' + delta.getWorkerId();
    }
}
