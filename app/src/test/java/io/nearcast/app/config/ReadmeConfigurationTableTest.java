package io.nearcast.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's configuration table says exactly what {@link Setting} says: no missing, stale or reworded row. */
class ReadmeConfigurationTableTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void everySettingHasItsRow() throws IOException {
        List<String> lines = Files.readAllLines(README);

        for (Setting setting : Setting.values()) {
            assertThat(lines).as("README row for %s", setting.variable()).contains(row(setting));
        }
    }

    @Test
    void everyRowIsASetting() throws IOException {
        List<String> expected = Arrays.stream(Setting.values()).map(ReadmeConfigurationTableTest::row).toList();

        List<String> rows = Files.readAllLines(README).stream().filter(line -> line.startsWith("| `NEARCAST_")).toList();

        assertThat(rows).containsExactlyElementsOf(expected);
    }

    private static String row(Setting setting) {
        return "| `" + setting.variable() + "` | `" + setting.documentedDefault() + "` | " + setting.meaning() + " |";
    }
}
