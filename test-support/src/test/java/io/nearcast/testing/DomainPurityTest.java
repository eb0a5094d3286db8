package io.nearcast.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

class DomainPurityTest {

    @Test
    void rejectsDomainClassThatImportsJdbc() {
        JavaClasses classes = new ClassFileImporter().importPackages("io.nearcast.testing.fixture.impure");

        EvaluationResult result = DomainPurity.RULE.evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(line -> assertThat(line).contains("java.sql.Connection"));
    }

    @Test
    void acceptsDomainClassThatUsesOnlyTheJdk() {
        JavaClasses classes = new ClassFileImporter().importPackages("io.nearcast.testing.fixture.pure");

        assertThat(DomainPurity.RULE.evaluate(classes).hasViolation()).isFalse();
    }

    @Test
    void forbidsEveryFrameworkNamedInTheStyleGuide() {
        assertThat(DomainPurity.FORBIDDEN).contains("io.micronaut..", "jakarta.inject..", "org.eclipse.paho..", "org.eclipse.californium..");
    }
}
