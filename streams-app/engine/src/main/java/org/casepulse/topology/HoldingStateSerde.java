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
        out.entries(dates.size(), i -> {
            LocalDate date = dates.get(i);
            out.date(date, i == 0 ? 0 : dates.get(i - 1).toEpochDay());
            out.signed(deltas.get(i));
            out.nullableDate(recordedOn.get(i), date.toEpochDay());
        });
    }

    @Override
    protected HoldingState read(Reader in) {
        return in.entries(size -> new HoldingState(new ArrayList<>(size), new ArrayList<>(size), new ArrayList<>(size)),
                (holding, i) -> {
                    List<LocalDate> dates = holding.getDates();
                    LocalDate date = in.date(i == 0 ? 0 : dates.get(i - 1).toEpochDay());
                    dates.add(date);
                    holding.getDeltas().add(in.signed());
                    holding.getRecordedOn().add(in.nullableDate(date.toEpochDay()));
                });
    }
}
