package io.nearcast.gateway.domain.frames;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing (Jazzer) of the advertisement parser: whatever the bytes, it answers
 * with exactly one of a frame or a rejection and never throws. Every build replays the inputs in
 * {@code BeaconFramesFuzzTestInputs/} (regression mode, incl. any input that ever crashed);
 * {@code .ci/run} fuzzes for a bounded time with {@code JAZZER_FUZZ=1}.
 */
class BeaconFramesFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void answersEveryInputWithAFrameOrARejection(byte[] input) {
        ParsedAdvertisement fromBytes = BeaconFrames.parse(input);
        assertThat(fromBytes.frame().isPresent()).isNotEqualTo(fromBytes.rejection().isPresent());

        ParsedAdvertisement fromText = BeaconFrames.parseHex(new String(input, StandardCharsets.ISO_8859_1));
        assertThat(fromText.frame().isPresent()).isNotEqualTo(fromText.rejection().isPresent());
    }
}
