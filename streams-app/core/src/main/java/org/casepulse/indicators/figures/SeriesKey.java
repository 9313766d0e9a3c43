package org.casepulse.indicators.figures;

import java.util.Objects;

/**
 * Names one indicator series: an indicator in an area. Its encoded form {@code indicator|area}
 * keys the series stage's repartition topic and stores; this type is the only place that
 * builds or splits it.
 */
public record SeriesKey(String indicatorId, String areaCode) {

    private static final char SEPARATOR = '|';

    public SeriesKey {
        Objects.requireNonNull(indicatorId, "indicatorId");
        Objects.requireNonNull(areaCode, "areaCode");
        if (indicatorId.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("an indicator id cannot contain '" + SEPARATOR + "': " + indicatorId);
        }
    }

    /** The series key encoded in {@code encoded}, as {@link #encode()} wrote it. */
    public static SeriesKey parse(String encoded) {
        int separator = encoded.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new IllegalArgumentException("not a series key: " + encoded);
        }
        return new SeriesKey(encoded.substring(0, separator), encoded.substring(separator + 1));
    }

    public String encode() {
        return indicatorId + SEPARATOR + areaCode;
    }

    @Override
    public String toString() {
        return encode();
    }
}
