package org.casepulse.indicators.bands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.figures.Counts;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.snapshots.DirectionOfTravel;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Rag;
import org.junit.jupiter.api.Test;

/** FC5's shares of teams by band (COUNTING.md 13.1), worked by hand on the default catalogue's entries. */
class TeamBandsTest {

    private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.defaults();
    private static final IndicatorDefinition UNDER_12 = CATALOGUE.indicator("s7-teams-filing-under-12-weeks");
    private static final IndicatorDefinition FROM_13_TO_16 = CATALOGUE.indicator("s7-teams-filing-13-to-16-weeks");
    private static final IndicatorDefinition OVER_16 = CATALOGUE.indicator("s7-teams-filing-over-16-weeks");
    private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");

    /** North's five service areas: the ends of each band (12.0 and 16.0 weeks) fall in the lower band. */
    private static final List<TeamFigure> NORTH = List.of(team("N1", "11.5"), team("N2", "12.0"), team("N3", "12.1"),
            team("N4", "16.0"), team("N5", "16.1"));

    @Test
    void shouldCountEachTeamInTheBandItsPublishedValueLiesIn() {
        // under 12 (up to 12.0 inclusive): N1, N2; over 12 up to 16: N3, N4; over 16: N5.
        assertThat(TeamBands.counts(UNDER_12, NORTH)).isEqualTo(new Counts(2, 5, false));
        assertThat(TeamBands.counts(FROM_13_TO_16, NORTH)).isEqualTo(new Counts(2, 5, false));
        assertThat(TeamBands.counts(OVER_16, NORTH)).isEqualTo(new Counts(1, 5, false));
    }

    @Test
    void shouldPublishTheShareAsAnyFigureWithTheTeamsAsItsDenominator() {
        // May: N1 13.0 (13-16), N2 12.0 (under 12): 1 of 2 under 12, 50%.
        List<TeamFigure> may = List.of(team("N1", "13.0"), team("N2", "12.0"));
        IndicatorSnapshot june = TeamBands.figure(UNDER_12, area("NORTH"), Period.of(PeriodType.MONTH,
                java.time.YearMonth.of(2025, 6)), NORTH, may, NOW);

        assertThat(june.getIndicatorId()).isEqualTo("s7-teams-filing-under-12-weeks");
        assertThat(june.getAreaCode()).isEqualTo("NORTH");
        assertThat(june.getNumerator()).isEqualTo(2);
        assertThat(june.getDenominator()).isEqualTo(5);
        assertThat(june.getValue()).isEqualTo(40.0);
        assertThat(june.getPreviousValue()).isEqualTo(50.0);
        assertThat(june.getDirectionOfTravel()).isEqualTo(DirectionOfTravel.WORSENING); // H: fewer teams meet the standard
        assertThat(june.getRag()).isEqualTo(Rag.NOT_RATED); // the seeds set no target for the share
        assertThat(june.getSmallNumbers()).isTrue(); // 5 teams, below the threshold of 10
        assertThat(june.getPeriodStart()).isEqualTo(LocalDate.parse("2025-06-01"));
    }

    @Test
    void shouldMoveTheShareWhenATeamsFigureMovesToAnotherBand() {
        // An amendment brings N3's average from 12.1 to 11.9 weeks: it leaves 13-16 for under 12.
        List<TeamFigure> amended = List.of(team("N1", "11.5"), team("N2", "12.0"), team("N3", "11.9"),
                team("N4", "16.0"), team("N5", "16.1"));

        assertThat(TeamBands.counts(UNDER_12, amended)).isEqualTo(new Counts(3, 5, false));
        assertThat(TeamBands.counts(FROM_13_TO_16, amended)).isEqualTo(new Counts(1, 5, false));
        assertThat(TeamBands.counts(OVER_16, amended)).isEqualTo(new Counts(1, 5, false));
    }

    @Test
    void shouldLeaveOutTeamsWithoutAFigureAndPublishNothingWhenNoneHasOne() {
        // N5's only filing is retracted: its figure is withdrawn, and it counts in no denominator.
        List<TeamFigure> withoutN5 = NORTH.subList(0, 4);
        assertThat(TeamBands.counts(OVER_16, withoutN5)).isEqualTo(new Counts(0, 4, false));

        assertThat(TeamBands.counts(OVER_16, List.of())).isEqualTo(new Counts(0, 0, true));
        assertThat(TeamBands.figure(OVER_16, area("NORTH"), Period.of(PeriodType.YTD, java.time.YearMonth.of(2025, 6)),
                List.of(), NORTH, NOW)).isNull();
    }

    @Test
    void shouldBeRestatedAsItsTeamsAre() {
        List<TeamFigure> teams = List.of(new TeamFigure("N1", new BigDecimal("11.5"), 0),
                new TeamFigure("N2", new BigDecimal("14.0"), 2), new TeamFigure("N3", new BigDecimal("17.0"), 1));

        assertThat(TeamBands.revision(teams)).isEqualTo(2);
        assertThat(TeamBands.figure(OVER_16, area("CENTRAL"), Period.of(PeriodType.YTD, java.time.YearMonth.of(2025, 6)),
                teams, List.of(), NOW).getRevision()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnIndicatorThatIsNotAShareByBand() {
        assertThatThrownBy(() -> TeamBands.counts(CATALOGUE.indicator("s7-average-filing-weeks"), NORTH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a team-band-share");
    }

    private static TeamFigure team(String code, String weeks) {
        return new TeamFigure(code, new BigDecimal(weeks), 0);
    }

    private static org.casepulse.reference.Area area(String code) {
        return AreaHierarchy.defaults().area(code);
    }
}
