package io.nearcast.campaign;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.nearcast.testing.DomainPurity;

@AnalyzeClasses(packages = "io.nearcast.campaign")
class DomainPurityTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = DomainPurity.RULE;
}
