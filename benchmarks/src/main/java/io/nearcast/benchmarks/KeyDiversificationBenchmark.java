package io.nearcast.benchmarks;

import io.nearcast.registry.domain.KeyDiversification;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The cost of deriving one tag's SDM file-read key from its batch master key (NXP AN10922, AES-128). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class KeyDiversificationBenchmark {

    private final byte[] masterKey = HexFormat.of().parseHex("00112233445566778899AABBCCDDEEFF");
    private final byte[] input = HexFormat.of().parseHex("04782E21801D803042F54E585020416275");

    @Benchmark
    public byte[] diversifyOneTagKey() {
        return KeyDiversification.an10922Aes128(masterKey, input);
    }
}
