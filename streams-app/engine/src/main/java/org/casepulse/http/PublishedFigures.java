package org.casepulse.http;

import java.util.function.Consumer;
import org.casepulse.scorecard.FigureChange;
import org.casepulse.scorecard.SnapshotFigures;

/**
 * The published figures the operations surface serves, and how far they have been read. The
 * running application reads them from the snapshot topic ({@link SnapshotView}); a test can hand
 * the server figures it made, without a broker.
 */
public interface PublishedFigures {

    /** Where the figures come from, for people: the snapshot topic's name. */
    String topic();

    /** The figures read so far; query them from any thread. */
    SnapshotFigures figures();

    ViewProgress progress();

    default boolean isCaughtUp() {
        return progress().isCaughtUp();
    }

    /** Calls {@code listener} for every change from now on; it must not block. */
    void addListener(Consumer<FigureChange> listener);

    void removeListener(Consumer<FigureChange> listener);
}
