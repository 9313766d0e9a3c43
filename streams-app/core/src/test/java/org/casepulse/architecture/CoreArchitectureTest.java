package org.casepulse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules inside the counting core (Maven keeps Kafka out of it; these keep its layers).
 * The calendar knows nothing of indicators, the domain knows nothing of the read model built on
 * its published figures.
 */
@AnalyzeClasses(packages = "org.casepulse", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule calendarStandsAlone = noClasses().that().resideInAPackage("org.casepulse.calendar..")
            .should().dependOnClassesThat().resideInAnyPackage("org.casepulse.indicators..", "org.casepulse.scorecard..",
                    "org.casepulse.state..")
            .because("working days and periods are the base every measure stands on");

    @ArchTest
    static final ArchRule domainIgnoresTheReadModel = noClasses()
            .that().resideInAnyPackage("org.casepulse.calendar..", "org.casepulse.reference..", "org.casepulse.indicators..")
            .should().dependOnClassesThat().resideInAPackage("org.casepulse.scorecard..")
            .because("the scorecard reads published figures; counting must not depend on how they are shown");

    @ArchTest
    static final ArchRule readModelIgnoresState = noClasses().that().resideInAPackage("org.casepulse.scorecard..")
            .should().dependOnClassesThat().resideInAnyPackage("org.casepulse.state..", "org.casepulse.indicators.measures..")
            .because("the read model sees figures as the snapshot topic carries them, never the engine's state");
}
