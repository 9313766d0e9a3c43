package org.casepulse.topology;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.casepulse.state.HoldingState;

/** A worker's holding: its day deltas, each date from the one before, each recorded day from its date. */
final class HoldingStateSerde extends CompactSerde<HoldingState> {

    HoldingStateSerde() {
        super(0xD3, "worker holding");
    }

    @Override
    protected void write(HoldingState value, Writer out) {
        List<LocalDate> dates = value.getDates();
        List<Long> deltas = value.getDeltas();
        List<LocalDate> recordedOn = value.getRecordedOn();
        if (deltas.size() != dates.size() || recordedOn.size() != dates.size()) {
            throw new IllegalArgumentException("a holding needs as many deltas and recorded days as dates");
        }
        out.varint(dates.size());
        long day = 0;
        for (int i = 0; i < dates.size(); i++) {
            out.date(dates.get(i), day);
            day = dates.get(i).toEpochDay();
            out.signed(deltas.get(i));
            out.nullableDate(recordedOn.get(i), day);
        }
    }

    @Override
    protected HoldingState read(Reader in) {
        int size = in.varint();
        List<LocalDate> dates = new ArrayList<>(size);
        List<Long> deltas = new ArrayList<>(size);
        List<LocalDate> recordedOn = new ArrayList<>(size);
        long day = 0;
        for (int i = 0; i < size; i++) {
            LocalDate date = in.date(day);
            day = date.toEpochDay();
            dates.add(date);
            deltas.add(in.signed());
            recordedOn.add(in.nullableDate(day));
        }
        return new HoldingState(dates, deltas, recordedOn);
    }
}
