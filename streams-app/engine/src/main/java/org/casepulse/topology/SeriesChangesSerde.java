package org.casepulse.topology;

import java.util.ArrayList;
import java.util.List;
import org.casepulse.state.SeriesChange;
import org.casepulse.state.SeriesChanges;

/**
 * One flush's changes to an indicator's series, as they cross the repartition topic: area codes
 * once in a table, buckets and recording times as deltas from the change before.
 */
final class SeriesChangesSerde extends CompactSerde<SeriesChanges> {

    SeriesChangesSerde() {
        super(0xD6, "series changes");
    }

    @Override
    protected void write(SeriesChanges value, Writer out) {
        Strings strings = new Strings();
        strings.index(value.getIndicatorId());
        for (SeriesChange change : value.getChanges()) {
            strings.index(change.getAreaCode());
        }
        strings.writeTo(out);
        out.varint(value.getChanges().size());
        long day = 0;
        long knownAt = 0;
        for (SeriesChange change : value.getChanges()) {
            out.varint(strings.index(change.getAreaCode()));
            out.date(change.getBucket(), day);
            day = change.getBucket().toEpochDay();
            out.signed(change.getNumerator());
            out.signed(change.getDenominator());
            out.signed(change.getKnownAt().toEpochMilli() - knownAt);
            knownAt = change.getKnownAt().toEpochMilli();
            out.nullableDate(change.getRecordedOn(), day);
        }
    }

    @Override
    protected SeriesChanges read(Reader in) {
        String[] strings = Strings.readFrom(in);
        int size = in.varint();
        List<SeriesChange> changes = new ArrayList<>(size);
        long day = 0;
        long knownAt = 0;
        for (int i = 0; i < size; i++) {
            String areaCode = Reader.string(strings, in.varint());
            var bucket = in.date(day);
            day = bucket.toEpochDay();
            long numerator = in.signed();
            long denominator = in.signed();
            knownAt += in.signed();
            changes.add(new SeriesChange(areaCode, bucket, numerator, denominator,
                    java.time.Instant.ofEpochMilli(knownAt), in.nullableDate(day)));
        }
        return new SeriesChanges(strings[0], changes);
    }
}
