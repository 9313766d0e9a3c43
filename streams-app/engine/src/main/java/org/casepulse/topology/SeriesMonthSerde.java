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
        out.entries(size, i -> {
            LocalDate bucket = buckets.get(i);
            out.date(bucket, i == 0 ? 0 : buckets.get(i - 1).toEpochDay());
            out.nullableDate(value.getRecordedOn().get(i), bucket.toEpochDay());
            out.signed(value.getNumerators().get(i));
            out.signed(value.getDenominators().get(i));
        });
    }

    @Override
    protected SeriesMonth read(Reader in) {
        return in.entries(size -> new SeriesMonth(new ArrayList<>(size), new ArrayList<>(size), new ArrayList<>(size),
                new ArrayList<>(size)), (month, i) -> {
                    List<LocalDate> buckets = month.getBuckets();
                    LocalDate bucket = in.date(i == 0 ? 0 : buckets.get(i - 1).toEpochDay());
                    buckets.add(bucket);
                    month.getRecordedOn().add(in.nullableDate(bucket.toEpochDay()));
                    month.getNumerators().add(in.signed());
                    month.getDenominators().add(in.signed());
                });
    }
}
