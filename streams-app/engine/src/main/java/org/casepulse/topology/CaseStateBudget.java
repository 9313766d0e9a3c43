package org.casepulse.topology;

import org.apache.kafka.common.serialization.Serializer;
import org.casepulse.state.CaseState;

/**
 * The most one case's stored state may take. A case's state is one record of the case ledger's
 * changelog, so it must stay well under the producer's {@code max.request.size} (1 MiB by
 * default): a larger one fails the produce, and with it the stream thread, on every restart. An
 * event that would take its case past the limit is refused (dead-lettered with reason
 * {@code case-state-limit}) and the case carries on with the state it had.
 *
 * <p>Encoding every case on every event to measure it would double the cost of writing state, so
 * the exact size is only taken once the case holds enough events to come near the limit: every
 * field of an event is bounded at admission (FieldLimits), which bounds one event's encoding.
 */
final class CaseStateBudget {

    /** Half the producer's default max.request.size: room for headers, batching and a larger case. */
    static final int DEFAULT_LIMIT_BYTES = 512 * 1024;
    /**
     * An upper bound on one event's share of the encoded state: 7 ids of at most 128 characters
     * and 2 codes of at most 64, at 3 UTF-8 bytes a character, with their lengths and the other
     * fields. A more compact state format only makes it more generous.
     */
    static final int MAX_EVENT_BYTES = 4 * 1024;
    private static final int STATE_OVERHEAD_BYTES = 1024;

    private final int limitBytes;
    private final Serializer<CaseState> serializer;

    CaseStateBudget(int limitBytes, Serializer<CaseState> serializer) {
        if (limitBytes <= STATE_OVERHEAD_BYTES) {
            throw new IllegalArgumentException("the case state limit must be over " + STATE_OVERHEAD_BYTES
                    + " bytes, got " + limitBytes);
        }
        this.limitBytes = limitBytes;
        this.serializer = serializer;
    }

    int limitBytes() {
        return limitBytes;
    }

    /** The encoded size of {@code state} if it is over the limit, or 0 when it fits. */
    int sizeIfOverLimit(CaseState state) {
        long bound = (long) state.getEvents().size() * MAX_EVENT_BYTES + STATE_OVERHEAD_BYTES;
        if (bound <= limitBytes) {
            return 0;
        }
        int size = serializer.serialize(StateStores.CASE_LEDGER, state).length;
        return size > limitBytes ? size : 0;
    }
}
