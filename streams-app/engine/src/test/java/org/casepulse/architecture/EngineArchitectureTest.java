package org.casepulse.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules inside the engine: the topology and the operations surface are independent
 * of each other and are wired together in one place, {@code app}.
 */
@AnalyzeClasses(packages = "org.casepulse", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule topologyKnowsNothingOfHttp = noClasses().that().resideInAPackage("org.casepulse.topology..")
            .should().dependOnClassesThat().resideInAnyPackage("org.casepulse.http..", "org.casepulse.app..")
            .because("the topology computes figures; serving them is the operations surface's job");

    @ArchTest
    static final ArchRule httpKnowsNothingOfTheTopology = noClasses().that().resideInAPackage("org.casepulse.http..")
            .should().dependOnClassesThat().resideInAnyPackage("org.casepulse.topology..", "org.casepulse.app..",
                    "org.casepulse.state..", "org.casepulse.indicators.measures..")
            .because("the page and API serve published figures only, as any other consumer of the topic would");

    @ArchTest
    static final ArchRule metricsAreALeaf = noClasses().that().resideInAPackage("org.casepulse.metrics..")
            .should().dependOnClassesThat().resideInAnyPackage("org.casepulse.topology..", "org.casepulse.http..",
                    "org.casepulse.app..");

    @ArchTest
    static final ArchRule onlyTheAppWiresTheParts = noClasses().that().resideOutsideOfPackage("org.casepulse.app..")
            .should().dependOnClassesThat().resideInAPackage("org.casepulse.app..")
            .because("settings and start-up are assembled in one place");
}
