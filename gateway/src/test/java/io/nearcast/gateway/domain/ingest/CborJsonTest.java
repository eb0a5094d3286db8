package io.nearcast.gateway.domain.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CborJsonTest {

    private static byte[] cbor(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    private static String json(String hex) {
        return CborJson.transcode(cbor(hex));
    }

    private static CborException rejection(byte[] input) {
        CborException e = catchThrowableOfType(() -> CborJson.transcode(input), CborException.class);
        assertThat(e).as("rejected").isNotNull();
        return e;
    }

    private static void assertRejected(String hex, String reason, int offset) {
        CborException e = rejection(cbor(hex));
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.offset()).isEqualTo(offset);
        assertThat(e.getMessage()).contains("at byte " + offset);
    }

    /** RFC 8949 Appendix A, the examples JSON can express, with the JSON we produce. */
    @Nested
    class Rfc8949AppendixA {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                00                   | 0
                01                   | 1
                0a                   | 10
                17                   | 23
                1818                 | 24
                1819                 | 25
                1864                 | 100
                1903e8               | 1000
                1a000f4240           | 1000000
                1b000000e8d4a51000   | 1000000000000
                1bffffffffffffffff   | 18446744073709551615
                1b8000000000000000   | 9223372036854775808
                20                   | -1
                29                   | -10
                3863                 | -100
                3903e7               | -1000
                3b7fffffffffffffff   | -9223372036854775808
                3b8000000000000000   | -9223372036854775809
                3bffffffffffffffff   | -18446744073709551616
                """)
        void integers(String hex, String expected) {
            assertThat(json(hex)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                f90000               | 0
                f98000               | -0
                f93c00               | 1
                fb3ff199999999999a   | 1.1
                f93e00               | 1.5
                f97bff               | 65504
                fa47c35000           | 100000
                fa7f7fffff           | 3.4028234663852886E38
                fb7e37e43c8800759c   | 1.0E300
                f90400               | 6.103515625E-5
                f9c400               | -4
                fbc010666666666666   | -4.1
                fac2860000           | -67
                f9d430               | -67
                fbc050c00000000000   | -67
                f9d438               | -67.5
                """)
        void floats(String hex, String expected) {
            assertThat(json(hex)).isEqualTo(expected);
        }

        /**
         * 2^-24, the smallest half subnormal. JDK 17's Double.toString prints the exact value
         * 5.9604644775390625E-8; JDK 19 and later print the shortest form 5.960464477539063E-8
         * (JDK-4511638). Both denote the same double.
         */
        @Test
        void smallestHalfSubnormal() {
            String json = json("f90001");
            assertThat(json).isIn("5.960464477539063E-8", "5.9604644775390625E-8");
            assertThat(Double.parseDouble(json)).isEqualTo(0x1p-24);
        }

        @ParameterizedTest
        @ValueSource(strings = {"f97c00", "f97e00", "f9fc00", "fa7f800000", "fa7fc00000", "faff800000",
            "fb7ff0000000000000", "fb7ff8000000000000", "fbfff0000000000000"})
        void infinityAndNanAreRejected(String hex) {
            assertRejected(hex, "cbor-non-finite-number", 0);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                f4 | false
                f5 | true
                f6 | null
                f7 | null
                """)
        void simpleValues(String hex, String expected) {
            assertThat(json(hex)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                40                   | ""
                4401020304           | "01020304"
                60                   | ""
                6161                 | "a"
                6449455446           | "IETF"
                62225c               | "\\"\\\\"
                62c3bc               | "ü"
                63e6b0b4             | "水"
                64f0908591           | "𐅑"
                """)
        void strings(String hex, String expected) {
            assertThat(json(hex)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                80                                 | []
                83010203                           | [1,2,3]
                8301820203820405                   | [1,[2,3],[4,5]]
                a0                                 | {}
                a26161016162820203                 | {"a":1,"b":[2,3]}
                826161a161626163                   | ["a",{"b":"c"}]
                a56161614161626142616361436164614461656145 | {"a":"A","b":"B","c":"C","d":"D","e":"E"}
                """)
        void arraysAndMaps(String hex, String expected) {
            assertThat(json(hex)).isEqualTo(expected);
        }

        @Test
        void arrayOfTwentyFive() {
            assertThat(json("98190102030405060708090a0b0c0d0e0f101112131415161718181819"))
                    .isEqualTo("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                5f42010243030405ff                 | "0102030405"
                7f657374726561646d696e67ff         | "streaming"
                9fff                               | []
                9f018202039f0405ffff               | [1,[2,3],[4,5]]
                9f01820203820405ff                 | [1,[2,3],[4,5]]
                83018202039f0405ff                 | [1,[2,3],[4,5]]
                83019f0203ff820405                 | [1,[2,3],[4,5]]
                bf61610161629f0203ffff             | {"a":1,"b":[2,3]}
                826161bf61626163ff                 | ["a",{"b":"c"}]
                bf6346756ef563416d7421ff           | {"Fun":true,"Amt":-2}
                5fff                               | ""
                7fff                               | ""
                bfff                               | {}
                """)
        void indefiniteLengths(String hex, String expected) {
            assertThat(json(hex)).isEqualTo(expected);
        }

        @Test
        void indefiniteArrayOfTwentyFive() {
            assertThat(json("9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff"))
                    .isEqualTo("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25]");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
                c074323031332d30332d32315432303a30343a30305a | "2013-03-21T20:04:00Z"
                c11a514b67b0                       | 1363896240
                c1fb41d452d9ec200000               | 1.3638962405E9
                d74401020304                       | "01020304"
                d818456449455446                   | "6449455446"
                d82076687474703a2f2f7777772e6578616d706c652e636f6d | "http://www.example.com"
                c249010000000000000000             | "010000000000000000"
                """)
        void tagsAreIgnored(String hex, String expected) {
            assertThat(json(hex)).isEqualTo(expected);
        }
    }

    @Test
    void transcodesARealisticSightingReport() {
        String report = "a2"
                + "6274731b000001a208903c00" // "ts": 1795440000000
                + "697369676874696e677381a2" // "sightings": [ {
                + "63616476581e" // "adv": h'…' (30 bytes)
                + "0201061aff4c000215e2c56db5dffb48d2b060d0f5a71096e000010002c5"
                + "64727373693842"; // "rssi": -67 } ]

        assertThat(json(report)).isEqualTo("{\"ts\":1795440000000,\"sightings\":[{"
                + "\"adv\":\"0201061AFF4C000215E2C56DB5DFFB48D2B060D0F5A71096E000010002C5\",\"rssi\":-67}]}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersOnly() {
        // "a\"b\\c" LF, TAB, U+0001, U+001F, then '/', DEL and 'é' unchanged
        assertThat(json("6d 61 22 62 5c 63 0a 09 01 1f 2f 7f c3a9"))
                .isEqualTo("\"a\\\"b\\\\c\\u000A\\u0009\\u0001\\u001F/\u007fé\"");
    }

    @Test
    void escapesMapKeysToo() {
        assertThat(json("a1 62 0a22 01")).isEqualTo("{\"\\u000A\\\"\":1}");
    }

    @Test
    void acceptsTheMaximumDepth() {
        assertThat(json("81".repeat(CborJson.MAX_DEPTH) + "00"))
                .isEqualTo("[".repeat(CborJson.MAX_DEPTH) + "0" + "]".repeat(CborJson.MAX_DEPTH));
        assertThat(json("c0".repeat(CborJson.MAX_DEPTH) + "00")).isEqualTo("0");
    }

    @Test
    void acceptsTheMaximumNumberOfItems() {
        int elements = CborJson.MAX_ITEMS - 1; // plus the array itself
        byte[] input = new byte[3 + elements];
        input[0] = (byte) 0x99;
        input[1] = (byte) (elements >>> 8);
        input[2] = (byte) elements;
        assertThat(CborJson.transcode(input)).startsWith("[0,0,").endsWith(",0]").hasSize(1 + 2 * elements);
    }

    @Test
    void halfPrecisionDecodingMatchesTheFloatConversionForEveryValue() {
        for (int half = 0; half < 0x10000; half++) {
            double decoded = CborJson.halfToDouble(half);
            int exponent = (half >>> 10) & 0x1F;
            int fraction = half & 0x3FF;
            double sign = (half & 0x8000) != 0 ? -1 : 1;
            double expected = exponent == 0 ? sign * fraction * 0x1p-24
                    : exponent == 31 ? (fraction == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN)
                    : sign * (1 + fraction / 1024.0) * Math.pow(2, exponent - 15);
            assertThat(Double.doubleToLongBits(decoded)).as("half 0x%04x", half)
                    .isEqualTo(Double.doubleToLongBits(expected));
        }
    }

    /** One test per rejection reason: the reason and the byte offset named in the message. */
    @Nested
    class Rejections {

        @Test
        void empty() {
            CborException e = rejection(new byte[0]);
            assertThat(e.reason()).isEqualTo("cbor-empty");
            assertThat(e.getMessage()).contains("at byte 0");
            assertThat(rejection(null).reason()).isEqualTo("cbor-empty");
        }

        @Test
        void trailingBytes() {
            assertRejected("0001", "cbor-trailing-bytes", 1);
            assertRejected("8201020304", "cbor-trailing-bytes", 3);
        }

        @Test
        void truncated() {
            assertRejected("18", "cbor-truncated", 1);        // 1-byte argument missing
            assertRejected("1a0001", "cbor-truncated", 1);    // 4-byte argument cut short
            assertRejected("6261", "cbor-truncated", 0);      // string of 2 bytes with 1 left
            assertRejected("8201", "cbor-truncated", 0);      // 2 elements declared, 1 byte left
            assertRejected("a16161", "cbor-truncated", 3);    // a key without its value
            assertRejected("9f01", "cbor-truncated", 2);      // indefinite array without its break
            assertRejected("5f4101", "cbor-truncated", 3);    // indefinite string without its break
            assertRejected("c0", "cbor-truncated", 1);        // tag without its item
        }

        @Test
        void reservedAdditionalInformation() {
            assertRejected("1c", "cbor-reserved-info", 0);
            assertRejected("811d", "cbor-reserved-info", 1);
            assertRejected("fe", "cbor-reserved-info", 0);
            assertRejected("1f", "cbor-reserved-info", 0); // indefinite is only for strings, arrays and maps
            assertRejected("3f", "cbor-reserved-info", 0);
            assertRejected("df00", "cbor-reserved-info", 0);
        }

        @Test
        void unexpectedBreak() {
            assertRejected("ff", "cbor-unexpected-break", 0);
            assertRejected("8201ff", "cbor-unexpected-break", 2);
            assertRejected("bf6161ff", "cbor-unexpected-break", 3); // a key without its value
        }

        @Test
        void badChunk() {
            assertRejected("5f6161ff", "cbor-bad-chunk", 1);   // text chunk in a byte string
            assertRejected("7f4161ff", "cbor-bad-chunk", 1);   // byte chunk in a text string
            assertRejected("7f7fffff", "cbor-bad-chunk", 1);   // nested indefinite chunk
            assertRejected("5f00ff", "cbor-bad-chunk", 1);
        }

        @Test
        void invalidUtf8() {
            assertRejected("646162ff63", "cbor-invalid-utf8", 3);
            assertRejected("62c328", "cbor-invalid-utf8", 1);      // bad continuation
            assertRejected("62c080", "cbor-invalid-utf8", 1);      // overlong NUL
            assertRejected("63eda080", "cbor-invalid-utf8", 1);    // encoded surrogate
            assertRejected("7f61c361bcff", "cbor-invalid-utf8", 2); // chunks split a character
        }

        @Test
        void mapKeyNotText() {
            assertRejected("a10102", "cbor-map-key", 1);
            assertRejected("a1416101", "cbor-map-key", 1);        // a byte string is not a key
            assertRejected("a1c0616101", "cbor-map-key", 1);      // nor a tagged text string
        }

        @Test
        void duplicateKey() {
            assertRejected("a2616101616102", "cbor-duplicate-key", 4);
            assertRejected("bf616101 7f6161ff 02 ff", "cbor-duplicate-key", 4); // same key, chunked
        }

        @Test
        void nonFiniteNumber() {
            assertRejected("8201f97c00", "cbor-non-finite-number", 2);
        }

        @Test
        void unsupportedSimpleValue() {
            assertRejected("f0", "cbor-unsupported-simple", 0);
            assertRejected("f8ff", "cbor-unsupported-simple", 0);
            assertRejected("f818", "cbor-unsupported-simple", 0);
        }

        @Test
        void tooDeep() {
            assertRejected("81".repeat(CborJson.MAX_DEPTH + 1) + "00", "cbor-too-deep", CborJson.MAX_DEPTH);
            assertRejected("a16161".repeat(CborJson.MAX_DEPTH + 1) + "00", "cbor-too-deep", 3 * CborJson.MAX_DEPTH);
            assertRejected("c0".repeat(CborJson.MAX_DEPTH + 1) + "00", "cbor-too-deep", CborJson.MAX_DEPTH);
            assertRejected("c0" + "81".repeat(CborJson.MAX_DEPTH) + "00", "cbor-too-deep", CborJson.MAX_DEPTH);
        }

        @Test
        void tooDeepEvenWhenDeclaredFarDeeper() {
            byte[] input = new byte[100_000];
            Arrays.fill(input, (byte) 0x9f);
            assertThat(rejection(input).reason()).isEqualTo("cbor-too-deep");
        }

        @Test
        void tooManyItems() {
            int elements = CborJson.MAX_ITEMS; // plus the array itself
            byte[] input = new byte[3 + elements];
            input[0] = (byte) 0x99;
            input[1] = (byte) (elements >>> 8);
            input[2] = (byte) elements;
            CborException e = rejection(input);
            assertThat(e.reason()).isEqualTo("cbor-too-many-items");
            assertThat(e.getMessage()).contains("at byte " + (input.length - 1));
        }
    }

    /** Declared lengths are checked against the input before anything is allocated. */
    @Nested
    class AttackerDeclaredLengths {

        @Test
        @Timeout(value = 1, unit = TimeUnit.SECONDS)
        void arrayOf2To63ItemsIsRejectedQuickly() {
            assertRejected("9b8000000000000000", "cbor-truncated", 0);
            assertRejected("9bffffffffffffffff00", "cbor-truncated", 0);
        }

        @Test
        @Timeout(value = 1, unit = TimeUnit.SECONDS)
        void hugeMapIsRejectedQuickly() {
            assertRejected("bb4000000000000000", "cbor-truncated", 0);
            assertRejected("ba7fffffff0000", "cbor-truncated", 0);
        }

        @Test
        void byteStringOf2To62BytesIsTruncated() {
            assertRejected("5b4000000000000000", "cbor-truncated", 0);
        }

        @Test
        void stringsLongerThanAnArrayCanHoldAreTruncated() {
            assertRejected("7b8000000000000000", "cbor-truncated", 0);
            assertRejected("5bffffffffffffffff", "cbor-truncated", 0);
            assertRejected("5a7fffffff", "cbor-truncated", 0);
            assertRejected("5f5a7fffffffff", "cbor-truncated", 1);
        }
    }
}
