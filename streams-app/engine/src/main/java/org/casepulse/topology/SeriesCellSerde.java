package org.casepulse.topology;

import org.casepulse.state.SeriesCell;

/** A series cell: its two sums as zigzag varints (a few bytes instead of Avro's ten-byte header and body). */
public final class SeriesCellSerde extends CompactSerde<SeriesCell> {

    public SeriesCellSerde() {
        super(0xD2, "series cell");
    }

    @Override
    protected void write(SeriesCell value, Writer out) {
        out.signed(value.getNumerator());
        out.signed(value.getDenominator());
    }

    @Override
    protected SeriesCell read(Reader in) {
        long numerator = in.signed();
        return new SeriesCell(numerator, in.signed());
    }
}
