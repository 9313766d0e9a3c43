package org.casepulse.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.casepulse.snapshots.PeriodType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue's team-band-share entries (COUNTING.md 13.1): what they band, the band, the periods. */
class TeamBandCatalogueTest {

    private static final String BANDED = """
              - id: s7-average-filing-weeks
                title: Section 7 filing time
                measure: interval-average
                parameters:
                  from: {name: report-order, reportTypes: [SECTION_7]}
                  to: {name: report-filing, reportTypes: [SECTION_7]}
                  in: weeks
                polarity: L
                unit: RATIO
                periods: [MONTH, YTD]
            """;
    private static final String SHARE = """
              - id: teams-under-12
                title: Teams under 12 weeks
                measure: team-band-share
                parameters:
                  of: s7-average-filing-weeks
                  band: {upTo: 12}
                polarity: H
                periods: [YTD]
            """;

    private final CatalogueFile catalogue;

    TeamBandCatalogueTest(@TempDir Path dir) {
        this.catalogue = new CatalogueFile(dir, BANDED);
    }

    @Test
    void shouldReadWhatAShareBandsAndItsBand() throws IOException {
        IndicatorDefinition share = catalogue.load(SHARE.replace("{upTo: 12}", "{over: 12, below: 16}"))
                .indicator("teams-under-12");

        assertThat(share.measure()).isEqualTo(MeasureKind.TEAM_BAND_SHARE);
        assertThat(share.parameters().of()).isEqualTo("s7-average-filing-weeks");
        MeasureParameters.Band band = share.parameters().band();
        assertThat(band.contains(new BigDecimal("12"))).isFalse();
        assertThat(band.contains(new BigDecimal("12.1"))).isTrue();
        assertThat(band.contains(new BigDecimal("15.9"))).isTrue();
        assertThat(band.contains(new BigDecimal("16.0"))).isFalse();
        assertThat(share.unit()).isEqualTo(org.casepulse.snapshots.Unit.PERCENT);
    }

    @Test
    void shouldShipThreeBandsOfFc5ThatCoverEveryValueOnce() {
        IndicatorCatalogue catalogue = IndicatorCatalogue.defaults();
        var shares = catalogue.all().stream().filter(i -> i.measure() == MeasureKind.TEAM_BAND_SHARE).toList();

        assertThat(shares).extracting(IndicatorDefinition::id).containsExactly("s7-teams-filing-under-12-weeks",
                "s7-teams-filing-13-to-16-weeks", "s7-teams-filing-over-16-weeks");
        assertThat(shares).allSatisfy(share -> {
            assertThat(share.seedRefs()).containsExactly("FC5");
            assertThat(share.parameters().of()).isEqualTo("s7-average-filing-weeks");
            assertThat(share.periods()).containsExactly(PeriodType.MONTH, PeriodType.YTD);
        });
        for (String weeks : new String[] {"0", "11.9", "12.0", "12.1", "13.0", "16.0", "16.1", "40"}) {
            assertThat(shares).as("the bands holding %s weeks", weeks)
                    .filteredOn(share -> share.parameters().band().contains(new BigDecimal(weeks))).hasSize(1);
        }
    }

    @Test
    void shouldNameAShareOfAnIndicatorTheCatalogueLacks() throws IOException {
        catalogue.assertRefused(SHARE.replace("of: s7-average-filing-weeks", "of: s7-average-filing"))
                .hasMessageContaining("indicators[1].parameters.of: no indicator s7-average-filing in this catalogue");
    }

    @Test
    void shouldNameAPeriodTheBandedIndicatorDoesNotPublish() throws IOException {
        catalogue.assertRefused(SHARE.replace("[YTD]", "[YTD, R12M]"))
                .hasMessageContaining("indicators[1].periods: period R12M is not published by s7-average-filing-weeks,"
                        + " which publishes [MONTH, YTD]");
    }

    @Test
    void shouldNameABandWithoutEndsOrWithTwoAtOneEnd() throws IOException {
        catalogue.assertRefused(SHARE.replace("{upTo: 12}", "{}"))
                .hasMessageContaining("indicators[1].parameters.band: missing");
        catalogue.assertRefused(SHARE.replace("{upTo: 12}", "{upTo: 12, below: 13}"))
                .hasMessageContaining("indicators[1].parameters.band: give one upper end: below or upTo");
        catalogue.assertRefused(SHARE.replace("{upTo: 12}", "{over: 16, upTo: 12}"))
                .hasMessageContaining("indicators[1].parameters.band: the lower end 16 is above the upper end 12");
        catalogue.assertRefused(SHARE.replace("      band: {upTo: 12}\n", ""))
                .hasMessageContaining("indicators[1].parameters.band: missing: measure team-band-share needs it");
    }

    @Test
    void shouldNameComparisonsAShareCannotCarry() throws IOException {
        catalogue.assertRefused(SHARE.replace("    polarity: H", "    compare: [lastYear]\n    polarity: H"))
                .hasMessageContaining("indicators[1].compare: a team-band-share carries no comparisons");
    }

    @Test
    void shouldNameAShareOfAShare() throws IOException {
        String shareOfShare = SHARE + SHARE.replace("id: teams-under-12", "id: teams-under-12-again")
                .replace("of: s7-average-filing-weeks", "of: teams-under-12");
        catalogue.assertRefused(shareOfShare)
                .hasMessageContaining("indicators[2].parameters.of: teams-under-12 is itself a team-band-share");
    }
}
