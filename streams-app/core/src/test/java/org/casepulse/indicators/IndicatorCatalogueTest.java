package org.casepulse.indicators;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractThrowableAssert;
import org.casepulse.snapshots.PeriodType;
import org.casepulse.snapshots.Polarity;
import org.casepulse.snapshots.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorCatalogueTest {
    private static final String VALID = """
              - id: referral-to-assessment
                title: Referrals going on to assessment
                measure: referral-to-assessment
                polarity: T
                target: 70
                periods: [MONTH, YTD]
            """;

    private final Path dir;
    /** Its errors' line numbers count the header's six lines: a test body's first line is line 7. */
    private final CatalogueFile catalogueFile;

    IndicatorCatalogueTest(@TempDir Path dir) {
        this.dir = dir;
        this.catalogueFile = new CatalogueFile(dir);
    }

    @Test
    void shouldShipEveryDefaultIndicator() {
        IndicatorCatalogue catalogue = IndicatorCatalogue.defaults();

        assertThat(catalogue.all()).extracting(IndicatorDefinition::id).contains(
                "allocation-within-2wd", "allocation-within-7wd", "allocation-within-28wd", "re-referral-12m",
                "referral-to-assessment", "assessment-within-45wd", "children-seen-at-assessment",
                "cp-visits-in-timescale", "repeat-cp-plan", "cp-plan-over-2y-at-end", "referral-rate-per-10k",
                "demand-change", "workload-allocated", "unallocated-over-7wd", "assessments-open-over-45wd",
                "cp-visit-overdue", "average-caseload");
        assertThat(catalogue.version()).isNotBlank();
        assertThat(catalogue.all()).allSatisfy(indicator -> {
            assertThat(indicator.description()).isNotBlank();
            assertThat(indicator.measure().allowedPeriods()).containsAll(indicator.periods());
        });
        assertThat(IndicatorCatalogue.defaults()).isSameAs(catalogue);
    }

    @Test
    void shouldShipTheDomainDefinitionsOfTheTimelinessIndicators() {
        IndicatorCatalogue catalogue = IndicatorCatalogue.defaults();

        IndicatorDefinition twoDays = catalogue.indicator("allocation-within-2wd");
        assertThat(twoDays.measure()).isEqualTo(MeasureKind.ALLOCATION_TIMELINESS);
        assertThat(twoDays.parameters()).isEqualTo(MeasureParameters.NONE.withWithinWorkingDays(2));
        assertThat(twoDays.polarity()).isEqualTo(Polarity.H);
        assertThat(twoDays.unit()).isEqualTo(Unit.PERCENT);
        assertThat(twoDays.targetFor(parse("2025-07-31"))).isEqualByComparingTo("65");
        assertThat(twoDays.tolerance()).isEqualByComparingTo("5");
        assertThat(twoDays.periods()).containsExactly(PeriodType.MONTH, PeriodType.YTD);
        assertThat(twoDays.caseType()).isEmpty();
        assertThat(twoDays.smallNumberThreshold()).isEqualTo(10);
        assertThat(twoDays.decimals()).isEqualTo(1);
        assertThat(catalogue.byMeasure(MeasureKind.ALLOCATION_TIMELINESS)).extracting(i -> i.parameters().withinWorkingDays())
                .containsExactly(2, 7, 28, 2, 7, 28);

        assertThat(catalogue.indicator("assessment-within-45wd").parameters())
                .isEqualTo(MeasureParameters.NONE.withWithinWorkingDays(45).withAnchor(AssessmentAnchor.REFERRAL)
                        .withAssessmentTypes(java.util.Set.of(org.casepulse.events.AssessmentType.SINGLE,
                                org.casepulse.events.AssessmentType.S47_ENQUIRY)));
        assertThat(catalogue.indicator("cp-visits-in-timescale").parameters().intervalWorkingDays()).isEqualTo(10);
    }

    @Test
    void shouldShipTheDomainDefinitionsOfTheOtherIndicators() {
        IndicatorCatalogue catalogue = IndicatorCatalogue.defaults();

        IndicatorDefinition reReferral = catalogue.indicator("re-referral-12m");
        assertThat(reReferral.parameters().lookback()).isEqualTo(Lookback.months(12));
        assertThat(reReferral.periods()).containsExactly(PeriodType.MONTH, PeriodType.YTD, PeriodType.R12M);
        assertThat(reReferral.polarity()).isEqualTo(Polarity.L);
        assertThat(catalogue.indicator("referral-to-assessment").polarity()).isEqualTo(Polarity.T);
        assertThat(catalogue.indicator("repeat-cp-plan").parameters().lookback()).as("any earlier plan").isNull();
        assertThat(catalogue.indicator("repeat-cp-plan").periods()).containsExactly(PeriodType.YTD);
        assertThat(catalogue.indicator("cp-plan-over-2y-at-end").parameters().minimumDuration())
                .isEqualTo(java.time.Period.ofYears(2));

        IndicatorDefinition rate = catalogue.indicator("referral-rate-per-10k");
        assertThat(rate.polarity()).isEqualTo(Polarity.NONE);
        assertThat(rate.target()).isNull();
        assertThat(rate.targetFor(parse("2025-07-31"))).isNull();
        assertThat(rate.unit()).isEqualTo(Unit.RATE_PER_10K);
        assertThat(rate.periods()).containsExactly(PeriodType.R12M);
        assertThat(catalogue.indicator("demand-change").unit()).isEqualTo(Unit.PERCENT_CHANGE);
        assertThat(catalogue.indicator("demand-change").periods()).containsExactly(PeriodType.YTD);

        IndicatorDefinition unallocated = catalogue.indicator("unallocated-over-7wd");
        assertThat(unallocated.measure().isSnapshot()).isTrue();
        assertThat(unallocated.parameters().overWorkingDays()).isEqualTo(7);
        assertThat(unallocated.unit()).isEqualTo(Unit.COUNT);
        assertThat(unallocated.targetFor(parse("2025-07-31"))).isEqualByComparingTo("20");
        assertThat(unallocated.decimals()).isZero();
        assertThat(catalogue.indicator("assessments-open-over-45wd").parameters().overWorkingDays()).isEqualTo(45);
        assertThat(catalogue.indicator("cp-visit-overdue").parameters().intervalWorkingDays()).isEqualTo(10);
        assertThat(catalogue.indicator("workload-allocated").targetFor(parse("2025-07-31"))).isEqualByComparingTo("97");
        IndicatorDefinition caseload = catalogue.indicator("average-caseload");
        assertThat(caseload.unit()).isEqualTo(Unit.RATIO);
        assertThat(caseload.polarity()).isEqualTo(Polarity.L);
        assertThat(caseload.targetFor(parse("2025-07-31"))).isEqualByComparingTo("16");
        assertThat(catalogue.all()).filteredOn(i -> i.measure().isSnapshot())
                .filteredOn(i -> !i.id().equals("public-law-workload-allocated") && !i.id().equals("cp-children-visited-in-month"))
                .filteredOn(i -> i.measure() != MeasureKind.SICKNESS_ABSENCE) // a month's state, MONTH and YTD (COUNTING.md 14.5)
                .allSatisfy(i -> assertThat(i.periods()).containsExactly(PeriodType.SNAPSHOT));
        // YTD of month-end snapshots (COUNTING.md 8.6); plan-months of visits (COUNTING.md 9).
        assertThat(catalogue.indicator("public-law-workload-allocated").periods())
                .containsExactly(PeriodType.SNAPSHOT, PeriodType.YTD);
        assertThat(catalogue.indicator("cp-children-visited-in-month").periods())
                .containsExactly(PeriodType.MONTH, PeriodType.YTD);
        assertThat(catalogue.indicator("demand-change").parameters().yearsOfBaseline()).isEqualTo(1);
        assertThat(catalogue.indicator("demand-change-two-years").parameters().yearsOfBaseline()).isEqualTo(2);
        assertThat(catalogue.lookBackMonths()).as("the two-year baseline reaches three years back").isEqualTo(36);
    }

    @Test
    void shouldFindIndicatorsById() {
        IndicatorCatalogue catalogue = IndicatorCatalogue.defaults();

        assertThat(catalogue.find("demand-change")).map(IndicatorDefinition::measure).contains(MeasureKind.DEMAND_CHANGE);
        assertThat(catalogue.find("no-such-indicator")).isEmpty();
        assertThatThrownBy(() -> catalogue.indicator("no-such-indicator")).hasMessageContaining("no-such-indicator");
    }

    @Test
    void shouldLoadAFileApplyingDefaultsAndMeasureDefaults() throws IOException {
        IndicatorCatalogue catalogue = catalogueFile.load(VALID + """
                  - id: s31-allocation-within-2wd
                    title: Section 31 cases allocated within 2 working days
                    measure: allocation-timeliness
                    parameters: {withinWorkingDays: 2}
                    polarity: H
                    target: 65
                    tolerance: 2.5
                    periods: [YTD]
                    caseType: S31
                    smallNumberThreshold: 20
                    decimals: 2
                  - id: unallocated
                    title: Unallocated cases
                    measure: unallocated-cases
                    polarity: L
                    target: 20
                    periods: [SNAPSHOT]
                """);

        assertThat(catalogue.version()).isEqualTo("test-1");
        IndicatorDefinition s31 = catalogue.indicator("s31-allocation-within-2wd");
        assertThat(s31.caseType()).contains("S31");
        assertThat(s31.tolerance()).isEqualByComparingTo("2.5");
        assertThat(s31.smallNumberThreshold()).isEqualTo(20);
        assertThat(s31.decimals()).isEqualTo(2);
        assertThat(s31.unit()).as("the measure's default unit").isEqualTo(Unit.PERCENT);
        assertThat(s31.description()).isEmpty();
        IndicatorDefinition unallocated = catalogue.indicator("unallocated");
        assertThat(unallocated.parameters().overWorkingDays()).as("the measure's default").isEqualTo(7);
        assertThat(unallocated.unit()).isEqualTo(Unit.COUNT);
        assertThat(unallocated.tolerance()).as("from defaults").isEqualByComparingTo("5");
        assertThat(catalogue.indicator("referral-to-assessment").caseType()).isEqualTo(Optional.empty());
    }

    @Test
    void shouldPhaseATargetByFinancialQuarter() throws IOException {
        IndicatorCatalogue catalogue = catalogueFile.load("""
                  - id: tafs-closed-with-outcomes
                    title: Team around the family closed with outcomes achieved
                    measure: referral-to-assessment
                    polarity: H
                    target: {Q1: 70, Q2: 72.5, Q3: 75, Q4: 75}
                    periods: [YTD]
                """);

        IndicatorDefinition phased = catalogue.indicator("tafs-closed-with-outcomes");
        assertThat(phased.target().isPhased()).isTrue();
        assertThat(phased.targetFor(parse("2013-04-30"))).isEqualByComparingTo("70");
        assertThat(phased.targetFor(parse("2013-06-30"))).isEqualByComparingTo("70");
        // The county scorecard's July 2013 YTD figure was judged against 72.5.
        assertThat(phased.targetFor(parse("2013-07-31"))).isEqualByComparingTo("72.5");
        assertThat(phased.targetFor(parse("2013-12-31"))).isEqualByComparingTo("75");
        assertThat(phased.targetFor(parse("2014-03-31"))).isEqualByComparingTo("75");
        assertThat(Target.of(new BigDecimal("65")).isPhased()).isFalse();
    }

    @Test
    void shouldNameFileLineAndFieldOfABadThreshold() throws IOException {
        Path file = catalogueFile.write(VALID + """
                  - id: allocation-within-2wd
                    title: Allocated within 2 working days
                    measure: allocation-timeliness
                    parameters:
                      withinWorkingDays: -2
                    polarity: H
                    target: 65
                    periods: [MONTH]
                """);

        assertThatThrownBy(() -> IndicatorCatalogue.load(file)).isInstanceOf(CatalogueException.class)
                .hasMessage(file + ":17: indicators[1].parameters.withinWorkingDays: must be a positive integer, got -2");
    }

    @Test
    void shouldNameAnUnknownMeasure() throws IOException {
        assertError(VALID.replace("measure: referral-to-assessment", "measure: referral-to-asessment"),
                ":9: indicators[0].measure: unknown measure referral-to-asessment; expected one of [allocation-timeliness,");
    }

    @Test
    void shouldNameAnUnknownField() throws IOException {
        assertError(VALID.replace("polarity: T", "polarty: T"),
                ":10: indicators[0].polarty: unknown field; expected one of [ageBand, caseType, caseTypeSet, caseTypes, compare, decimals,");
    }

    @Test
    void shouldNameAParameterTheMeasureDoesNotTake() throws IOException {
        assertError(VALID.replace("polarity: T", "parameters: {anchor: referral}\n    polarity: T"),
                ":10: indicators[0].parameters.anchor: not a parameter of measure referral-to-assessment; it takes [assessmentTypes]");
    }

    @Test
    void shouldNarrowTheStaffKindsToNewlyQualifiedStaffOnly() throws IOException {
        assertError(withMeasure("staff-appraised", "{population: current}"),
                ":10: indicators[0].parameters.population: must be one of [newly-qualified], got current");
        assertError(withMeasure("staff-diversity-recorded", "{population: newly-qualified}"),
                ":10: indicators[0].parameters.population: not a parameter of measure staff-diversity-recorded, which takes none");
    }

    @Test
    void shouldTakeARatingThresholdOnStaffAppraisedOnly() throws IOException {
        assertError(withMeasure("staff-appraised", "{ratedAtLeast: EXCELLENT}"),
                ":10: indicators[0].parameters.ratedAtLeast: must be one of [OUTSTANDING, GOOD, REQUIRES_IMPROVEMENT, INADEQUATE], got EXCELLENT");
        assertError(withMeasure("staff-diversity-recorded", "{ratedAtLeast: GOOD}"),
                ":10: indicators[0].parameters.ratedAtLeast: not a parameter of measure staff-diversity-recorded, which takes none");
        MeasureParameters good = IndicatorCatalogue.defaults().find("nq-appraised-good-12m").orElseThrow().parameters();
        assertThat(good.ratedAtLeast()).isEqualTo(org.casepulse.workforce.AppraisalRating.GOOD);
        assertThat(good.countsRating(org.casepulse.workforce.AppraisalRating.OUTSTANDING)).isTrue();
        assertThat(good.countsRating(org.casepulse.workforce.AppraisalRating.REQUIRES_IMPROVEMENT)).isFalse();
        assertThat(good.countsRating(null)).isFalse();
        assertThat(IndicatorCatalogue.defaults().find("staff-appraised-12m").orElseThrow().parameters().countsRating(null)).isTrue();
    }

    @Test
    void shouldNameAMisspeltParameter() throws IOException {
        assertError(VALID.replace("polarity: T", "parameters: {withinWorkingDay: 2}\n    polarity: T"),
                ":10: indicators[0].parameters.withinWorkingDay: unknown field; expected one of [absenceType, allocation, anchor,");
    }

    @Test
    void shouldNameAMissingRequiredParameter() throws IOException {
        assertError(VALID.replace("measure: referral-to-assessment", "measure: assessment-timeliness")
                        .replace("polarity: T", "parameters:\n      anchor: assessment-start\n    polarity: T"),
                ":10: indicators[0].parameters.withinWorkingDays: missing: measure assessment-timeliness needs it");
    }

    @Test
    void shouldNameAValueOfTheWrongKind() throws IOException {
        assertError(VALID.replace("polarity: T", "parameters: {withinWorkingDays: two}\n    polarity: T")
                        .replace("referral-to-assessment\n", "allocation-timeliness\n"),
                ":10: indicators[0].parameters.withinWorkingDays: must be a whole number, got two");
        assertError(VALID.replace("polarity: T", "parameters: {withinWorkingDays: 2.5}\n    polarity: T")
                        .replace("referral-to-assessment\n", "allocation-timeliness\n"),
                ":10: indicators[0].parameters.withinWorkingDays: must be a whole number");
    }

    @Test
    void shouldNameABadLookback() throws IOException {
        assertError(VALID.replace("referral-to-assessment\n", "re-referral\n")
                        .replace("polarity: T", "parameters: {lookback: a year}\n    polarity: T"),
                ":10: indicators[0].parameters.lookback: must be a whole number of days, weeks, months or years such as"
                        + " '12 months', '365 days', '40 weeks' or '2 years', got a year");
    }

    @Test
    void shouldNameAMissingTargetForPolarityT() throws IOException {
        assertError(VALID.replace("    target: 70\n", ""),
                ":7: indicators[0].target: missing: polarity T judges closeness to a target");
    }

    @Test
    void shouldLetAnHigherOrLowerIsBetterEntryGoWithoutATarget() throws IOException {
        Path file = catalogueFile.write(VALID.replace("    target: 70\n", "").replace("polarity: T", "polarity: H"));

        IndicatorDefinition loaded = IndicatorCatalogue.load(file).indicator("referral-to-assessment");

        assertThat(loaded.polarity()).isEqualTo(Polarity.H);
        assertThat(loaded.target()).isNull();
        assertThat(Rating.rag(Polarity.H, BigDecimal.TEN, loaded.targetFor(parse("2025-07-31")), loaded.tolerance()))
                .isEqualTo(org.casepulse.snapshots.Rag.NOT_RATED);
    }

    @Test
    void shouldReadTheSeedLabelRowsAndSection() throws IOException {
        Path file = catalogueFile.write(VALID.replace("polarity: T", "polarity: T\n    label: NI 68\n    seedRefs: [RF3, AS4]\n"
                + "    section: referral and assessment"));

        IndicatorDefinition loaded = IndicatorCatalogue.load(file).indicator("referral-to-assessment");

        assertThat(loaded.label()).isEqualTo("NI 68");
        assertThat(loaded.seedRefs()).containsExactly("RF3", "AS4");
        assertThat(loaded.section()).isEqualTo("referral and assessment");
        IndicatorDefinition bare = catalogueFile.load(VALID).indicator("referral-to-assessment");
        assertThat(bare.label()).isNull();
        assertThat(bare.seedRefs()).isEmpty();
        assertThat(bare.section()).isEqualTo(IndicatorDefinition.NO_SECTION);
    }

    @Test
    void shouldNameASeedRowThatDoesNotExist() throws IOException {
        assertError(VALID.replace("polarity: T", "polarity: T\n    seedRefs: [RF3, RF13]"),
                ":11: indicators[0].seedRefs[1]: not a row of SEED-INDICATORS.md (such as AL1, CP13), got RF13");
        assertError(VALID.replace("polarity: T", "polarity: T\n    seedRefs: [RF3, RF3]"),
                ":11: indicators[0].seedRefs[1]: RF3 is listed twice");
        assertError(VALID.replace("polarity: T", "polarity: T\n    section: \"  \""),
                ":11: indicators[0].section: must not be blank");
    }

    @Test
    void shouldNameAnIncompletePhasedTarget() throws IOException {
        assertError(VALID.replace("target: 70", "target:\n      Q1: 70\n      Q2: 72.5\n      Q3: 75"),
                ":11: indicators[0].target: missing Q4: a phased target has Q1, Q2, Q3 and Q4");
        assertError(VALID.replace("target: 70", "target:\n      Q1: 70\n      Q5: 72.5"),
                ":13: indicators[0].target.Q5: not a financial quarter; a phased target has Q1, Q2, Q3 and Q4");
    }

    @Test
    void shouldNameADuplicateId() throws IOException {
        assertError(VALID + VALID,
                ":13: indicators[1].id: duplicate id referral-to-assessment, already used by indicators[0] on line 7");
    }

    @Test
    void shouldNameAPeriodTheMeasureDoesNotAllow() throws IOException {
        assertError(VALID.replace("[MONTH, YTD]", "[MONTH, SNAPSHOT]"),
                ":12: indicators[0].periods[1]: period SNAPSHOT is not allowed for measure referral-to-assessment;"
                        + " it allows [MONTH, YTD, R12M]");
        assertError(VALID.replace("referral-to-assessment\n", "workload-allocated\n"),
                ":12: indicators[0].periods[0]: period MONTH is not allowed for measure workload-allocated,"
                        + " a snapshot measure; it allows [YTD, SNAPSHOT]");
        assertError(VALID.replace("referral-to-assessment\n", "demand-change\n").replace("polarity: T", "polarity: NONE"),
                ":12: indicators[0].periods[0]: period MONTH is not allowed for measure demand-change; it allows [YTD]");
    }

    @Test
    void shouldTakeOneOrTwoBaselineYearsOnDemandChangeOnly() throws IOException {
        String demand = VALID.replace("referral-to-assessment\n", "demand-change\n")
                .replace("polarity: T", "polarity: NONE").replace("[MONTH, YTD]", "[YTD]");
        assertError(demand.replace("    polarity: NONE", "    parameters:\n      baselineYears: 3\n    polarity: NONE"),
                ":11: indicators[0].parameters.baselineYears: must be 1 or 2, got 3");
        assertError(VALID.replace("    polarity: T", "    parameters:\n      baselineYears: 2\n    polarity: T"),
                ":11: indicators[0].parameters.baselineYears: not a parameter of measure referral-to-assessment");
    }

    @Test
    void shouldNameAUnitTheMeasureCannotProduce() throws IOException {
        assertError(VALID.replace("polarity: T", "polarity: T\n    unit: RATIO"),
                ":11: indicators[0].unit: measure referral-to-assessment is published as one of [PERCENT, COUNT], got RATIO");
    }

    @Test
    void shouldNameBadEnumsAndNumbers() throws IOException {
        assertError(VALID.replace("polarity: T", "polarity: HIGH"),
                ":10: indicators[0].polarity: must be one of [H, L, T, NONE], got HIGH");
        assertError(VALID.replace("target: 70", "target: 70\n    tolerance: -1"),
                ":12: indicators[0].tolerance: must not be negative, got -1");
        assertError(VALID.replace("target: 70", "target: 70\n    decimals: 9"),
                ":12: indicators[0].decimals: must be 0 to 6, got 9");
        assertError(VALID.replace("id: referral-to-assessment", "id: Referral To Assessment"),
                ":7: indicators[0].id: must be lower-case words joined by hyphens");
    }

    @Test
    void shouldReadTeamTypesOfPostsAndRefuseFilledRolesOnCaseloadPerFte() throws IOException {
        String caseload = """
                  - id: caseload-per-fte-cic
                    title: Cases per FTE in children in care teams
                    measure: caseload-per-fte
                    parameters:
                      posts:
                        teamTypes: [CHILDREN_IN_CARE]
                        filledBy: [PERMANENT, AGENCY]
                    polarity: L
                    periods: [SNAPSHOT]
                """;

        IndicatorDefinition loaded = catalogueFile.load(caseload).indicator("caseload-per-fte-cic");
        assertThat(loaded.parameters().posts().teamTypes()).containsExactly(org.casepulse.workforce.TeamType.CHILDREN_IN_CARE);
        assertThat(loaded.parameters().posts().roles()).isNull();
        assertThat(loaded.unit()).isEqualTo(org.casepulse.snapshots.Unit.RATIO);
        Path withFilledRoles = catalogueFile.write(caseload.replace("filledBy: [PERMANENT, AGENCY]",
                "filledBy: [PERMANENT, AGENCY]\n        filledRoles: [MANAGER]"));
        assertThatThrownBy(() -> IndicatorCatalogue.load(withFilledRoles)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("indicators[0].parameters.posts.filledRoles: not used by caseload-per-fte");
        Path badTeam = catalogueFile.write(caseload.replace("[CHILDREN_IN_CARE]", "[CIC]"));
        assertThatThrownBy(() -> IndicatorCatalogue.load(badTeam)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("indicators[0].parameters.posts.teamTypes[0]").hasMessageContaining("got CIC");
        Path noPosts = catalogueFile.write(caseload.replace("""
                    parameters:
                      posts:
                        teamTypes: [CHILDREN_IN_CARE]
                        filledBy: [PERMANENT, AGENCY]
                """, ""));
        assertThatThrownBy(() -> IndicatorCatalogue.load(noPosts)).isInstanceOf(CatalogueException.class)
                .hasMessageContaining("indicators[0].parameters.posts: missing: measure caseload-per-fte needs it");
    }

    @Test
    void shouldNameAValueMissingFromTheIndicatorAndTheDefaults() throws IOException {
        Path file = Files.writeString(dir.resolve("catalogue.yaml"), "version: x\nindicators:\n" + VALID);

        assertThatThrownBy(() -> IndicatorCatalogue.load(file)).isInstanceOf(CatalogueException.class)
                .hasMessage(file + ":3: indicators[0].tolerance: missing, and the defaults block gives none");
    }

    @Test
    void shouldNameTheLineOfAYamlSyntaxError() throws IOException {
        assertError(VALID.replace("periods: [MONTH, YTD]", "periods: [MONTH, YTD"), ":");
        Path file = catalogueFile.write(VALID.replace("title: Referrals going on to assessment", "title: a: b"));
        assertThatThrownBy(() -> IndicatorCatalogue.load(file)).isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith(file + ":8: ");
    }

    @Test
    void shouldRefuseAnEmptyOrMissingFile() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        assertThatThrownBy(() -> IndicatorCatalogue.load(empty)).isInstanceOf(CatalogueException.class)
                .hasMessage(empty + ": the file is empty");
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> IndicatorCatalogue.load(missing)).isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith(missing + ": cannot read the file");
    }

    @Test
    void shouldRefuseDuplicateIdsBuiltInCode() {
        IndicatorDefinition indicator = IndicatorCatalogue.defaults().indicator("demand-change");
        assertThatThrownBy(() -> new IndicatorCatalogue("x", List.of(indicator, indicator)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("demand-change");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertError(String body, String expectedAfterFileName)
            throws IOException {
        return catalogueFile.assertRefused(body).hasMessageStartingWith(catalogueFile.path() + expectedAfterFileName);
    }

    /** The valid catalogue with its indicator's measure, and parameters for it, replaced. */
    private static String withMeasure(String measure, String parameters) {
        return VALID.replace("measure: referral-to-assessment", "measure: " + measure)
                .replace("polarity: T", "parameters: " + parameters + "\n    polarity: T");
    }
}
