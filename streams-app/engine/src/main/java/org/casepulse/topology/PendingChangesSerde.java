package org.casepulse.topology;

import java.util.ArrayList;
import java.util.List;
import org.casepulse.state.Contribution;
import org.casepulse.state.PendingChanges;

/**
 * Pending changes of one input record: indicator, area and worker ids once in a table, each
 * change as indices, its bucket as a delta from the previous change's and its recorded day as a
 * delta from its bucket.
 */
final class PendingChangesSerde extends CompactSerde<PendingChanges> {

    PendingChangesSerde() {
        super(0xD1, "pending changes");
    }

    @Override
    protected void write(PendingChanges value, Writer out) {
        Strings strings = new Strings();
        for (Contribution change : value.getChanges()) {
            strings.index(change.getIndicatorId());
            strings.index(change.getAreaCode());
            strings.nullableIndex(change.getWorkerId());
        }
        out.instant(value.getKnownAt());
        strings.writeTo(out);
        out.varint(value.getChanges().size());
        long day = 0;
        for (Contribution change : value.getChanges()) {
            out.varint(strings.index(change.getIndicatorId()));
            out.varint(strings.index(change.getAreaCode()));
            out.varint(strings.nullableIndex(change.getWorkerId()));
            out.date(change.getBucket(), day);
            day = change.getBucket().toEpochDay();
            out.signed(change.getNumerator());
            out.signed(change.getDenominator());
            out.nullableDate(change.getRecordedOn(), day);
        }
    }

    @Override
    protected PendingChanges read(Reader in) {
        var knownAt = in.instant();
        String[] strings = Strings.readFrom(in);
        int size = in.varint();
        List<Contribution> changes = new ArrayList<>(size);
        long day = 0;
        for (int i = 0; i < size; i++) {
            String indicatorId = Reader.string(strings, in.varint());
            String areaCode = Reader.string(strings, in.varint());
            String workerId = Reader.nullableString(strings, in.varint());
            var bucket = in.date(day);
            day = bucket.toEpochDay();
            long numerator = in.signed();
            long denominator = in.signed();
            changes.add(new Contribution(indicatorId, areaCode, workerId, bucket, numerator, denominator, in.nullableDate(day)));
        }
        return new PendingChanges(changes, knownAt);
    }
}
