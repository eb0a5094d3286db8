package io.nearcast.gateway.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of the CBOR to JSON transcoder: whatever the bytes, it answers
 * with well-formed JSON text or a {@link CborException}, and nothing else escapes (no other
 * runtime exception, no StackOverflowError, no OutOfMemoryError). Every build replays the inputs
 * in {@code CborJsonFuzzTestInputs/} (regression mode, incl. any input that ever crashed);
 * {@code .ci/run} fuzzes for a bounded time with {@code JAZZER_FUZZ=1}.
 */
class CborJsonFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void answersEveryInputWithJsonOrACborException(byte[] input) {
        String json;
        try {
            json = CborJson.transcode(input);
        } catch (CborException rejected) {
            assertThat(rejected.reason()).startsWith("cbor-");
            assertThat(rejected.getMessage()).contains("at byte ");
            return;
        }
        assertThat(json.length()).as("output length").isLessThan(8 * input.length);
        assertThat(structuralProblem(json)).as("JSON structure of %s", json).isNull();
    }

    /**
     * A small structural check, not a JSON parser: brackets balance and match outside strings,
     * strings are closed, escapes are JSON escapes and no raw control character is inside a
     * string. Returns the problem, or null.
     */
    private static String structuralProblem(String json) {
        StringBuilder open = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '"') {
                    inString = false;
                } else if (c == '\\') {
                    i++;
                    if (i >= json.length() || "\"\\/bfnrtu".indexOf(json.charAt(i)) < 0) {
                        return "bad escape at " + i;
                    }
                    if (json.charAt(i) == 'u' && !isHex4(json, i + 1)) {
                        return "bad \\u escape at " + i;
                    }
                } else if (c < 0x20) {
                    return "raw control character in a string at " + i;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                open.append(c);
            } else if (c == ']' || c == '}') {
                char expected = c == ']' ? '[' : '{';
                if (open.length() == 0 || open.charAt(open.length() - 1) != expected) {
                    return "unbalanced " + c + " at " + i;
                }
                open.setLength(open.length() - 1);
            }
        }
        if (inString) {
            return "unterminated string";
        }
        return open.length() == 0 ? null : "unclosed " + open;
    }

    private static boolean isHex4(String s, int from) {
        if (from + 4 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 4; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
