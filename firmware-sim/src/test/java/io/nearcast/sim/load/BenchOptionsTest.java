package io.nearcast.sim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void takesBothOptionSpellingsAndKeepsTheDefaultsOfTheRest() {
        BenchOptions options = BenchOptions.parse("--runs", "3", "--mqtt=tcp://broker:1884", "--server-jar", "x/nearcast.jar");

        assertThat(options).isEqualTo(new BenchOptions("tcp://broker:1884", Path.of("x/nearcast.jar"), 50_000, 4, 3));
    }

    @Test
    void refusesUnknownOptionsMissingValuesAndCountsBelowOne() {
        assertThatThrownBy(() -> BenchOptions.parse("--rate", "5")).hasMessageContaining("unknown option --rate");
        assertThatThrownBy(() -> BenchOptions.parse("--devices")).hasMessageContaining("--devices needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--messages=0")).hasMessageContaining("at least 1");
    }
}
