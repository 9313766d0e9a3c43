package org.casepulse.indicators.bands;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import org.casepulse.calendar.Period;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureKind;
import org.casepulse.indicators.figures.Counts;
import org.casepulse.indicators.figures.FigureMaker;
import org.casepulse.reference.Area;
import org.casepulse.snapshots.IndicatorSnapshot;
import org.casepulse.snapshots.PeriodType;

/**
 * A team-band-share figure (COUNTING.md 13.1), from the figures of the source indicator at the
 * lowest areas under an area: the numerator the teams whose value lies in the band, the
 * denominator the teams with a figure. Teams without a figure for the period are not counted.
 */
public final class TeamBands {

    private TeamBands() {}

    /** The counts of one period; empty when no team under the area has a figure. */
    public static Counts counts(IndicatorDefinition bandShare, Collection<TeamFigure> teams) {
        requireBandShare(bandShare);
        long inBand = teams.stream().filter(team -> bandShare.parameters().band().contains(team.value())).count();
        return new Counts(inBand, teams.size(), teams.isEmpty());
    }

    /**
     * The revision of the share: the latest restatement among its teams' figures (the largest of
     * their revisions), as a team's restated figure may move the share.
     */
    public static int revision(Collection<TeamFigure> teams) {
        return teams.stream().mapToInt(TeamFigure::revision).max().orElse(0);
    }

    /**
     * The figure to publish for {@code period} at {@code area}, or null when no team has a figure
     * (nothing to publish, or a withdrawal). {@code previousTeams} are the teams' figures of the
     * previous period (empty when none, or when it is outside the reporting window).
     */
    public static IndicatorSnapshot figure(IndicatorDefinition bandShare, Area area, Period period,
                                           Collection<TeamFigure> teams, Collection<TeamFigure> previousTeams,
                                           Instant computedAt) {
        Counts counts = counts(bandShare, teams);
        if (counts.empty()) {
            return null;
        }
        return FigureMaker.make(bandShare, area, period, counts, counts(bandShare, previousTeams), revision(teams),
                computedAt);
    }

    /** The period a published figure of this type ends on {@code end}. */
    public static Period period(PeriodType type, LocalDate end) {
        return type == PeriodType.SNAPSHOT ? Period.snapshot(end) : Period.of(type, YearMonth.from(end));
    }

    private static void requireBandShare(IndicatorDefinition indicator) {
        if (indicator.measure() != MeasureKind.TEAM_BAND_SHARE) {
            throw new IllegalArgumentException(indicator.id() + " is not a team-band-share");
        }
    }
}
