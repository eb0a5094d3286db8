package io.nearcast.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCommandGetsTheUsageAndExitCode64() {
        assertThat(run("run")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'run'", "usage:", "bench-ingest");
        assertThat(out.size()).isZero();
    }

    @Test
    void aBadOptionIsAUsageErrorToo() {
        assertThat(run("bench-ingest", "--messages", "lots")).isEqualTo(64);
        assertThat(run("bench-ingest", "--rate=5")).isEqualTo(64);
        assertThat(run()).isEqualTo(64);
    }
}
