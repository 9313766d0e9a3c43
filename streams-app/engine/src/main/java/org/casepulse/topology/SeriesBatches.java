package org.casepulse.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.casepulse.state.LedgerDelta;
import org.casepulse.state.SeriesChange;
import org.casepulse.state.SeriesChanges;

/**
 * Groups the series changes of one flush by indicator, so that each indicator's changes travel
 * as one record (in batches of at most {@link #MAX_CHANGES}, well under the producer's size
 * limit) instead of one record per cell: during a backfill a flush changes thousands of cells,
 * and per-record costs (serialising, the broker, the series stage) dominated.
 */
final class SeriesBatches {

    static final int MAX_CHANGES = 2_000;

    private final Map<String, List<SeriesChange>> byIndicator = new LinkedHashMap<>();

    void add(LedgerDelta delta) {
        byIndicator.computeIfAbsent(delta.getIndicatorId(), id -> new ArrayList<>())
                .add(new SeriesChange(delta.getAreaCode(), delta.getBucket(), delta.getNumerator(), delta.getDenominator(),
                        delta.getKnownAt(), delta.getRecordedOn()));
    }

    /**
     * Hands each indicator's batches to {@code send}; the key to send them under is their indicator
     * id. Says whether there was anything to send.
     */
    boolean sendTo(Consumer<SeriesChanges> send) {
        boolean any = !byIndicator.isEmpty();
        byIndicator.forEach((indicatorId, changes) -> {
            for (int from = 0; from < changes.size(); from += MAX_CHANGES) {
                send.accept(new SeriesChanges(indicatorId,
                        new ArrayList<>(changes.subList(from, Math.min(changes.size(), from + MAX_CHANGES)))));
            }
        });
        byIndicator.clear();
        return any;
    }
}
