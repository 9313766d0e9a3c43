package org.casepulse.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.state.SeriesMonth;

/**
 * A series' month of cells: each bucket from the one before, each recorded day from its bucket,
 * the sums as zigzag varints (a few bytes a cell instead of Avro's header and body).
 */
public final class SeriesMonthSerde extends CompactSerde<SeriesMonth> {

    public SeriesMonthSerde() {
        super(0xD8, "series month");
    }

    @Override
    protected void write(SeriesMonth value, Writer out) {
        List<LocalDate> buckets = value.getBuckets();
        int size = buckets.size();
        if (value.getRecordedOn().size() != size || value.getNumerators().size() != size
                || value.getDenominators().size() != size) {
            throw new IllegalArgumentException("a series month needs as many recorded days and sums as buckets");
        }
        out.varint(size);
        long day = 0;
        for (int i = 0; i < size; i++) {
            out.date(buckets.get(i), day);
            day = buckets.get(i).toEpochDay();
            out.nullableDate(value.getRecordedOn().get(i), day);
            out.signed(value.getNumerators().get(i));
            out.signed(value.getDenominators().get(i));
        }
    }

    @Override
    protected SeriesMonth read(Reader in) {
        int size = in.varint();
        List<LocalDate> buckets = new ArrayList<>(size);
        List<LocalDate> recordedOn = new ArrayList<>(size);
        List<Long> numerators = new ArrayList<>(size);
        List<Long> denominators = new ArrayList<>(size);
        long day = 0;
        for (int i = 0; i < size; i++) {
            LocalDate bucket = in.date(day);
            day = bucket.toEpochDay();
            buckets.add(bucket);
            recordedOn.add(in.nullableDate(day));
            numerators.add(in.signed());
            denominators.add(in.signed());
        }
        return new SeriesMonth(buckets, recordedOn, numerators, denominators);
    }
}
