package io.nearcast.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.nearcast.testing.DomainPurity;
import java.util.List;

/**
 * Architecture rules over the whole product: {@code app} depends on every module, so this sees
 * every class that ships, including modules that have no rule test of their own yet.
 */
@AnalyzeClasses(packages = "io.nearcast", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainCoresArePlainJava = DomainPurity.RULE;

    @ArchTest
    static final ArchRule kernelDependsOnNoService = noClasses()
            .that().resideInAPackage("io.nearcast.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.nearcast.app..", "io.nearcast.gateway..", "io.nearcast.registry..",
                    "io.nearcast.geofence..", "io.nearcast.campaign..", "io.nearcast.sim..", "io.nearcast.broker..")
            .because("the kernel is shared by every module and must stay at the bottom of the graph");

    @ArchTest
    static final ArchRule servicesDoNotReachIntoTheServer = noClasses()
            .that().resideOutsideOfPackage("io.nearcast.app..")
            .should().dependOnClassesThat().resideInAPackage("io.nearcast.app..")
            .because("services talk through ports; only the all-in-one server wires them together");

    /** Guards the rules above against passing on an empty import (e.g. a module missing from the classpath). */
    @ArchTest
    static void seesTheModulesThatHaveCode(JavaClasses classes) {
        for (String module : List.of("io.nearcast.kernel", "io.nearcast.broker", "io.nearcast.gateway", "io.nearcast.app")) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().startsWith(module)))
                    .as("classes of %s are analysed", module).isTrue();
        }
    }
}
