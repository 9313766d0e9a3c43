package org.casepulse.http;

import org.casepulse.scorecard.FigureFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.casepulse.reference.Area;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.PeriodType;

/**
 * Reads and checks the API's query parameters against the reference data. A blank parameter
 * counts as absent; anything else that cannot be used is a {@link BadParameterException} naming it.
 */
final class QueryParameters {
    static final String INDICATOR = "indicator";
    static final String AREA = "area";
    static final String PERIOD_TYPE = "periodType";
    static final String FROM = "from";
    static final String TO = "to";
    static final String DISCLOSURE = "disclosure";
    static final String PUBLIC = "public";
    static final String INTERNAL = "internal";

    private static final Set<String> FILTER_PARAMETERS = Set.of(INDICATOR, AREA, PERIOD_TYPE, FROM, TO, DISCLOSURE);
    private static final Set<String> SCORECARD_PARAMETERS = Set.of(AREA, PERIOD_TYPE, DISCLOSURE);
    private static final String PERIOD_TYPES = Arrays.stream(PeriodType.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private final Map<String, List<String>> parameters;
    private final ReferenceData reference;

    QueryParameters(Map<String, List<String>> parameters, ReferenceData reference) {
        this.parameters = parameters;
        this.reference = reference;
    }

    /** The filter of {@code /api/snapshots} and {@code /api/stream}: every parameter optional. */
    FigureFilter figureFilter() {
        allowOnly(FILTER_PARAMETERS);
        String indicator = indicator();
        String area = value(AREA) == null ? null : area().code();
        PeriodType periodType = periodType();
        LocalDate from = date(FROM);
        LocalDate to = date(TO);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameterException(FROM, "from (" + from + ") is after to (" + to + ")");
        }
        return new FigureFilter(indicator, area, periodType, from, to);
    }

    /** The area of {@code /api/scorecard}: national when absent. */
    Area scorecardArea() {
        allowOnly(SCORECARD_PARAMETERS);
        return value(AREA) == null ? reference.areas().national() : area();
    }

    /** The period type of {@code /api/scorecard}: null when absent (each indicator's headline period). */
    PeriodType scorecardPeriodType() {
        allowOnly(SCORECARD_PARAMETERS);
        return periodType();
    }

    /**
     * Whether the figures leave the service ({@code disclosure=public}: small counts withheld) or
     * stay inside it ({@code internal}, the default: exact figures with the small-number flag).
     */
    boolean isPublic() {
        String value = value(DISCLOSURE);
        if (value == null || value.equalsIgnoreCase(INTERNAL)) {
            return false;
        }
        if (value.equalsIgnoreCase(PUBLIC)) {
            return true;
        }
        throw new BadParameterException(DISCLOSURE, "disclosure must be " + PUBLIC + " or " + INTERNAL + ", got " + value);
    }

    private void allowOnly(Set<String> allowed) {
        for (String name : parameters.keySet()) {
            if (!allowed.contains(name)) {
                throw new BadParameterException(name, "unknown parameter " + name + ": use "
                        + allowed.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
    }

    private String indicator() {
        String id = value(INDICATOR);
        if (id != null && reference.catalogue().find(id).isEmpty()) {
            throw new BadParameterException(INDICATOR, "unknown indicator " + id + ": see /api/indicators for the "
                    + "indicators of catalogue " + reference.catalogue().version());
        }
        return id;
    }

    private Area area() {
        String code = value(AREA);
        return reference.areas().find(code).orElseThrow(() -> new BadParameterException(AREA,
                "unknown area " + code + ": see /api/areas for the areas of hierarchy " + reference.areas().version()));
    }

    private PeriodType periodType() {
        String name = value(PERIOD_TYPE);
        if (name == null) {
            return null;
        }
        try {
            return PeriodType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadParameterException(PERIOD_TYPE, "periodType must be one of " + PERIOD_TYPES + ", got " + name);
        }
    }

    private LocalDate date(String name) {
        String text = value(name);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, name + " must be a period-end date such as 2025-03-31, got " + text);
        }
    }

    /** The parameter's first value, stripped; null when absent or blank. */
    private String value(String name) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }
}
