package io.nearcast.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs after the unit tests (failsafe): the whole unit-test run's log (target/test-run.log,
 * written unmasked) holds none of the shopper ids, tokens, tag UIDs and keys the API tests used
 * (target/sensitive-values.txt, recorded by ApiServer). Masking in logback.xml is only the second
 * line of defence; this proves the code does not log them at all.
 */
class LogHygieneIT {

    @Test
    void theTestRunsLogHoldsNoShopperIdTokenTagUidOrKey() throws Exception {
        Path log = Path.of("target", "test-run.log");
        Path values = Path.of("target", "sensitive-values.txt");
        assertThat(log).as("the unit tests' log (run 'mvn verify', not only the ITs)").exists();
        assertThat(values).exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        List<String> used = Files.readAllLines(values, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList();

        assertThat(text).as("the log is not empty").contains("INFO");
        assertThat(used).as("the API tests recorded what they used").hasSizeGreaterThan(50);
        assertThat(used).as("values in the log").noneMatch(text::contains);
    }
}
