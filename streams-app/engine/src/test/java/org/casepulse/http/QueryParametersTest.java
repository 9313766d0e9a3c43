package org.casepulse.http;

import org.casepulse.scorecard.FigureFilter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.PeriodType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParametersTest {
    private static final ReferenceData REFERENCE = ReferenceData.defaults();

    @Test
    void shouldReadEveryFilter() {
        FigureFilter filter = parameters("indicator", "allocation-within-2wd", "area", "N1", "periodType", "ytd",
                "from", "2025-04-30", "to", "2025-10-31").figureFilter();

        assertThat(filter).isEqualTo(new FigureFilter("allocation-within-2wd", "N1", PeriodType.YTD,
                LocalDate.of(2025, 4, 30), LocalDate.of(2025, 10, 31)));
    }

    @Test
    void shouldTreatBlankParametersAsAbsent() {
        assertThat(parameters("indicator", "", "area", " ", "periodType", "", "from", "", "to", "").figureFilter())
                .isEqualTo(FigureFilter.ALL);
        assertThat(parameters().scorecardArea()).isEqualTo(REFERENCE.areas().national());
        assertThat(parameters().scorecardPeriodType()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "indicator | no-such-indicator | indicator | unknown indicator no-such-indicator",
        "area      | ZZ9               | area      | unknown area ZZ9",
        "periodType| WEEK              | periodType| periodType must be one of MONTH, YTD, R12M, SNAPSHOT, got WEEK",
        "from      | 2025-13-01        | from      | from must be a period-end date such as 2025-03-31, got 2025-13-01",
        "to        | 31/10/2025        | to        | to must be a period-end date",
        "indicatr  | x                 | indicatr  | unknown parameter indicatr: use area, disclosure, from, indicator, periodType, to",
    })
    void shouldRefuseAParameterItCannotUseNamingIt(String name, String value, String parameter, String message) {
        assertThatThrownBy(() -> parameters(name, value).figureFilter())
                .isInstanceOfSatisfying(BadParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }

    @Test
    void shouldReadTheDisclosureViewInternalByDefault() {
        assertThat(parameters().isPublic()).isFalse();
        assertThat(parameters("disclosure", "internal").isPublic()).isFalse();
        assertThat(parameters("disclosure", "PUBLIC").isPublic()).isTrue();
        assertThatThrownBy(() -> parameters("disclosure", "open").isPublic())
                .isInstanceOfSatisfying(BadParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("disclosure");
                    assertThat(e.getMessage()).isEqualTo("disclosure must be public or internal, got open");
                });
    }

    @Test
    void shouldRefuseFromAfterTo() {
        assertThatThrownBy(() -> parameters("from", "2025-10-31", "to", "2025-09-30").figureFilter())
                .isInstanceOfSatisfying(BadParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("from");
                    assertThat(e.getMessage()).isEqualTo("from (2025-10-31) is after to (2025-09-30)");
                });
    }

    @Test
    void shouldAllowTheScorecardOnlyAreaAndPeriodType() {
        assertThat(parameters("area", "NORTH", "periodType", "R12M").scorecardArea().code()).isEqualTo("NORTH");
        assertThatThrownBy(() -> parameters("indicator", "allocation-within-2wd").scorecardArea())
                .isInstanceOfSatisfying(BadParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("indicator"));
    }

    private static QueryParameters parameters(String... namesAndValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], Arrays.asList(namesAndValues[i + 1]));
        }
        return new QueryParameters(map, REFERENCE);
    }
}
