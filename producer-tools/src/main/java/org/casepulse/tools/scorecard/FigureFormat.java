package org.casepulse.tools.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.scorecard.Figure;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.casepulse.snapshots.Unit;

/** How figures read on a scorecard: values with their unit, counts with thousands separators, periods, marks. */
public final class FigureFormat {
    private FigureFormat() {}

    /** The value with its unit ({@code 74.0%}, {@code 538.2 per 10k}, {@code +4.2%}), or "-" when there is none. */
    public static String value(Double value, Unit unit, int decimals) {
        if (value == null) {
            return "-";
        }
        String number = number(value, decimals);
        return switch (unit) {
            case PERCENT -> number + "%";
            case RATE_PER_10K -> number + " per 10k";
            case PERCENT_CHANGE -> (value > 0 ? "+" : "") + number + "%";
            case RATIO, COUNT -> number;
        };
    }

    /** The value marked {@code *} for small numbers and {@code rN} when restated N times. */
    public static String markedValue(Figure figure, int decimals) {
        String text = value(figure.value(), figure.unit(), decimals);
        if (figure.smallNumbers()) {
            text += "*";
        }
        if (figure.revision() > 0) {
            text += " r" + figure.revision();
        }
        return text;
    }

    /** {@code 1,608 / 6,426}, or the numerator alone when there is no denominator. */
    public static String counts(Figure figure) {
        String numerator = number(figure.numerator(), 0);
        return figure.denominator() == null ? numerator : numerator + " / " + number(figure.denominator(), 0);
    }

    /** {@code 2026-03} for a month, {@code YTD to 2026-03}, {@code R12M to 2026-03}, {@code SS 2026-03-14}. */
    public static String period(PeriodType type, LocalDate end) {
        String month = YearMonth.from(end).toString();
        return switch (type) {
            case MONTH -> month;
            case YTD -> "YTD to " + month;
            case R12M -> "R12M to " + month;
            case SNAPSHOT -> "SS " + end;
        };
    }

    public static String rag(Rag rag) {
        return rag == Rag.NOT_RATED ? "-" : rag.name();
    }

    /** The arrow says better or worse (or, without polarity, up or down), the word says it again. */
    public static String direction(DirectionOfTravel direction, boolean unicode) {
        return switch (direction) {
            case IMPROVING -> (unicode ? "↑" : "^") + " improving";
            case WORSENING -> (unicode ? "↓" : "v") + " worsening";
            case NO_CHANGE -> (unicode ? "→" : "=") + " no change";
            case UP -> (unicode ? "↑" : "^") + " up";
            case DOWN -> (unicode ? "↓" : "v") + " down";
            case NOT_COMPARABLE -> "-";
        };
    }

    static String number(double value, int decimals) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
                DecimalFormatSymbols.getInstance(Locale.UK));
        return format.format(rounded);
    }
}
