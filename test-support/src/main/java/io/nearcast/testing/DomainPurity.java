package io.nearcast.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rule every module runs: a domain core ({@code ..domain..} packages) is plain
 * Java and never depends on a framework, a protocol library or a persistence technology.
 *
 * <p>Use it from a module's test as
 * {@code @ArchTest static final ArchRule domainIsPlainJava = DomainPurity.RULE;}.
 */
public final class DomainPurity {

    /** Packages a domain core must not touch, with the reason shown when the rule fails. */
    static final String[] FORBIDDEN = {
        "io.micronaut..",           // framework: belongs in the module's edge
        "jakarta.inject..",         // dependency injection is wiring, not domain
        "javax.inject..",
        "org.eclipse.paho..",       // MQTT client
        "org.eclipse.californium..", // CoAP / DTLS
        "com.hivemq..",             // embedded broker
        "io.netty..",
        "java.sql..",               // persistence lives behind ports
        "javax.sql..",
        "com.zaxxer..",
        "org.flywaydb..",
        "com.fasterxml.jackson..",  // wire formats are mapped at the edge
    };

    public static final ArchRule RULE = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(FORBIDDEN)
            .because("a domain core is plain Java; frameworks and protocols stay in the module's edge (STYLE.md, habit 1)")
            .allowEmptyShould(true);

    private DomainPurity() {
    }
}
