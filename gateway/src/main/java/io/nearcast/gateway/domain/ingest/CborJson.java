package io.nearcast.gateway.domain.ingest;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Transcodes one CBOR data item (RFC 8949) into the equivalent JSON text, so that a scanner
 * report a CoAP device sends as CBOR (Content-Format 60) can take the same path as its JSON
 * form. Pure, stateless and thread-safe; depends on nothing but the JDK.
 *
 * <p>Mapping:
 * <ul>
 *   <li>unsigned and negative integers: JSON integers over the whole CBOR range
 *       (-2<sup>64</sup> to 2<sup>64</sup>-1);</li>
 *   <li>byte strings: a JSON string of UPPERCASE hex digits (a raw BLE advertisement becomes
 *       the {@code adv} hex the JSON contract expects);</li>
 *   <li>text strings: a JSON string; the bytes must be valid UTF-8, and quotes, backslashes and
 *       control characters are escaped (controls as <code>&#92;u00XX</code>);</li>
 *   <li>arrays and maps: JSON arrays and objects; map keys must be text strings and distinct;</li>
 *   <li>tags: ignored, the tagged item is transcoded (but a tag counts toward the depth);</li>
 *   <li>false, true, null; undefined becomes null; half, single and double floats become JSON
 *       numbers: an integral value below 2<sup>53</sup> in magnitude prints as an integer
 *       ({@code -67.0} as {@code -67}, {@code -0.0} as {@code -0}), any other value as
 *       {@link Double#toString(double)} prints it, which parses back to the very same
 *       double (e.g. {@code 1.1}, {@code -4.1}, {@code 6.103515625E-5}, {@code 1.0E300});</li>
 *   <li>indefinite-length strings, arrays and maps are accepted.</li>
 * </ul>
 *
 * <p>Everything else is rejected with a {@link CborException} whose {@link CborException#reason()
 * reason} is one of {@code cbor-empty}, {@code cbor-truncated}, {@code cbor-trailing-bytes},
 * {@code cbor-reserved-info}, {@code cbor-unexpected-break}, {@code cbor-bad-chunk},
 * {@code cbor-invalid-utf8}, {@code cbor-map-key}, {@code cbor-duplicate-key},
 * {@code cbor-non-finite-number}, {@code cbor-unsupported-simple}, {@code cbor-too-deep} or
 * {@code cbor-too-many-items}. No other exception escapes, whatever the input (fuzzed by
 * {@code CborJsonFuzzTest}).
 */
public final class CborJson {

    /**
     * Most arrays, maps and tags one data item may be nested in (the top-level item is at depth
     * 0, the items of a top-level array at depth 1); a deeper one is {@code cbor-too-deep}. It
     * also bounds the recursion, so no input can exhaust the stack.
     */
    public static final int MAX_DEPTH = 16;

    /**
     * Most data items one input may hold, counting every head: each integer, string, string
     * chunk, array, map, map key and value, tag and simple value; more is
     * {@code cbor-too-many-items}.
     */
    public static final int MAX_ITEMS = 10_000;

    private static final int UNSIGNED = 0;
    private static final int NEGATIVE = 1;
    private static final int BYTES = 2;
    private static final int TEXT = 3;
    private static final int ARRAY = 4;
    private static final int MAP = 5;
    private static final int TAG = 6;

    private static final int FALSE = 20;
    private static final int TRUE = 21;
    private static final int NULL = 22;
    private static final int UNDEFINED = 23;
    private static final int ONE_BYTE = 24;
    private static final int HALF = 25;
    private static final int SINGLE = 26;
    private static final int DOUBLE = 27;
    private static final int INDEFINITE = 31;
    private static final int BREAK = 0xFF;

    /** Floats with an integral value below this magnitude print as JSON integers. */
    private static final double EXACT_INTEGERS = 0x1p53;

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final Reader in;
    private final StringBuilder out;
    private int items;

    private CborJson(byte[] cbor) {
        this.in = new Reader(cbor);
        this.out = new StringBuilder(2 * Math.min(cbor.length, 1 << 16) + 16);
    }

    /**
     * Transcodes exactly one CBOR data item into JSON text.
     *
     * <p>Limits: at most {@value #MAX_DEPTH} levels of nested arrays, maps and tags and at most
     * {@value #MAX_ITEMS} data items; a declared length or count is checked against the bytes that
     * remain before anything is allocated or read, so memory and time stay linear in the input
     * length, as does the output (under 8 characters per input byte).
     *
     * @param cbor the encoded data item, with nothing after it
     * @return the equivalent JSON text
     * @throws CborException if the input is empty, malformed, truncated, has trailing bytes,
     *     exceeds a limit or holds something JSON cannot express (see the class documentation)
     */
    public static String transcode(byte[] cbor) {
        if (cbor == null || cbor.length == 0) {
            throw new CborException("cbor-empty", 0, "no CBOR data item");
        }
        CborJson transcoder = new CborJson(cbor);
        transcoder.item(0);
        transcoder.requireEnd();
        return transcoder.out.toString();
    }

    private void requireEnd() {
        if (in.remaining() > 0) {
            throw new CborException("cbor-trailing-bytes", in.position(),
                    in.remaining() + " byte(s) follow the data item");
        }
    }

    /** The head of a data item: where it starts, its major type, additional info and argument. */
    private record Head(int offset, int major, int info, long argument) {

        boolean indefinite() {
            return info == INDEFINITE;
        }
    }

    /** Transcodes the next data item, nested in {@code depth} arrays, maps and tags. */
    private void item(int depth) {
        Head head = head();
        switch (head.major()) {
            case UNSIGNED -> out.append(Long.toUnsignedString(head.argument()));
            case NEGATIVE -> negative(head.argument());
            case BYTES -> bytes(head);
            case TEXT -> quoted(text(head));
            case ARRAY -> array(head, nested(head, depth));
            case MAP -> map(head, nested(head, depth));
            case TAG -> item(nested(head, depth));
            default -> simple(head);
        }
    }

    /** Reads the next head, counting it toward {@link #MAX_ITEMS}; a break is not a data item. */
    private Head head() {
        int offset = in.position();
        int initial = in.u8();
        if (initial == BREAK) {
            throw new CborException("cbor-unexpected-break", offset, "break (0xFF) where a data item is expected");
        }
        if (++items > MAX_ITEMS) {
            throw new CborException("cbor-too-many-items", offset, "more than " + MAX_ITEMS + " data items");
        }
        int major = initial >>> 5;
        int info = initial & 0x1F;
        return new Head(offset, major, info, argument(offset, major, info));
    }

    private long argument(int offset, int major, int info) {
        if (info < ONE_BYTE) {
            return info;
        }
        return switch (info) {
            case ONE_BYTE -> in.u8();
            case HALF -> in.u16();
            case SINGLE -> in.u32();
            case DOUBLE -> in.u64();
            case INDEFINITE -> indefinite(offset, major);
            default -> throw new CborException("cbor-reserved-info", offset,
                    "reserved additional information " + info);
        };
    }

    /** Indefinite length exists for strings, arrays and maps only (0xFF, the break, is handled before). */
    private static long indefinite(int offset, int major) {
        if (major == UNSIGNED || major == NEGATIVE || major == TAG) {
            throw new CborException("cbor-reserved-info", offset,
                    "additional information 31 (indefinite) is not valid for major type " + major);
        }
        return 0;
    }

    private static int nested(Head head, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new CborException("cbor-too-deep", head.offset(), "nested deeper than " + MAX_DEPTH + " levels");
        }
        return depth + 1;
    }

    /** -1 - n for the unsigned 64-bit n; below Long.MIN_VALUE when n is at least 2^63. */
    private void negative(long n) {
        if (n >= 0) {
            out.append(-1 - n);
        } else {
            out.append(new BigInteger(Long.toUnsignedString(n)).add(BigInteger.ONE).negate());
        }
    }

    private void bytes(Head head) {
        out.append('"');
        if (!head.indefinite()) {
            hex(in.skip(head.argument(), head.offset()), (int) head.argument());
        } else {
            while (!in.atBreak()) {
                Head chunk = chunk(head);
                hex(in.skip(chunk.argument(), chunk.offset()), (int) chunk.argument());
            }
            in.skipBreak();
        }
        out.append('"');
    }

    private void hex(int start, int length) {
        HEX.formatHex(out, in.bytes, start, start + length);
    }

    private String text(Head head) {
        if (!head.indefinite()) {
            return utf8(head);
        }
        StringBuilder joined = new StringBuilder();
        while (!in.atBreak()) {
            joined.append(utf8(chunk(head)));
        }
        in.skipBreak();
        return joined.toString();
    }

    /** The head of the next chunk of an indefinite string: a definite string of the same major type. */
    private Head chunk(Head string) {
        Head chunk = head();
        if (chunk.major() != string.major() || chunk.indefinite()) {
            throw new CborException("cbor-bad-chunk", chunk.offset(),
                    "a chunk of an indefinite-length string must be a definite string of the same type");
        }
        return chunk;
    }

    /** Decodes a definite text string, rejecting malformed UTF-8 (including overlong forms and surrogates). */
    private String utf8(Head head) {
        int length = (int) head.argument();
        int start = in.skip(head.argument(), head.offset());
        ByteBuffer encoded = ByteBuffer.wrap(in.bytes, start, length);
        CharBuffer decoded = CharBuffer.allocate(length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
        CoderResult result = decoder.decode(encoded, decoded, true);
        if (result.isUnderflow()) {
            result = decoder.flush(decoded);
        }
        if (!result.isUnderflow()) {
            throw new CborException("cbor-invalid-utf8", encoded.position(), "text string is not valid UTF-8");
        }
        return decoded.flip().toString();
    }

    /** Appends the text as a JSON string. */
    private void quoted(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00").append(HEX.toHexDigits((byte) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private void array(Head head, int depth) {
        out.append('[');
        if (head.indefinite()) {
            for (boolean first = true; !in.atBreak(); first = false) {
                element(first, depth);
            }
            in.skipBreak();
        } else {
            int count = in.count(head.argument(), 1, head.offset());
            for (int i = 0; i < count; i++) {
                element(i == 0, depth);
            }
        }
        out.append(']');
    }

    private void element(boolean first, int depth) {
        if (!first) {
            out.append(',');
        }
        item(depth);
    }

    private void map(Head head, int depth) {
        out.append('{');
        Set<String> keys = new HashSet<>();
        if (head.indefinite()) {
            while (!in.atBreak()) {
                entry(keys, depth);
            }
            in.skipBreak();
        } else {
            int count = in.count(head.argument(), 2, head.offset());
            for (int i = 0; i < count; i++) {
                entry(keys, depth);
            }
        }
        out.append('}');
    }

    /** One key/value pair; {@code keys} holds the keys seen so far in this map. */
    private void entry(Set<String> keys, int depth) {
        if (!keys.isEmpty()) {
            out.append(',');
        }
        Head key = head();
        if (key.major() != TEXT) {
            throw new CborException("cbor-map-key", key.offset(),
                    "map key of major type " + key.major() + " is not a text string");
        }
        String name = text(key);
        if (!keys.add(name)) {
            throw new CborException("cbor-duplicate-key", key.offset(), "duplicate map key");
        }
        quoted(name);
        out.append(':');
        item(depth);
    }

    private void simple(Head head) {
        switch (head.info()) {
            case FALSE -> out.append("false");
            case TRUE -> out.append("true");
            case NULL, UNDEFINED -> out.append("null");
            case HALF -> number(halfToDouble((int) head.argument()), head.offset());
            case SINGLE -> number(Float.intBitsToFloat((int) head.argument()), head.offset());
            case DOUBLE -> number(Double.longBitsToDouble(head.argument()), head.offset());
            default -> throw new CborException("cbor-unsupported-simple", head.offset(),
                    "simple value " + head.argument() + " is not supported");
        }
    }

    private void number(double value, int offset) {
        if (!Double.isFinite(value)) {
            throw new CborException("cbor-non-finite-number", offset, "NaN and infinities have no JSON form");
        }
        if (value == 0 && Double.doubleToRawLongBits(value) < 0) {
            out.append("-0");
        } else if (value == Math.rint(value) && Math.abs(value) < EXACT_INTEGERS) {
            out.append((long) value);
        } else {
            out.append(value);
        }
    }

    /** IEEE 754 binary16 (1 sign, 5 exponent, 10 fraction bits) as a double (RFC 8949 Appendix D). */
    static double halfToDouble(int half) {
        int exponent = (half >>> 10) & 0x1F;
        int fraction = half & 0x3FF;
        double magnitude;
        if (exponent == 0) {
            magnitude = Math.scalb((double) fraction, -24); // subnormal
        } else if (exponent == 31) {
            magnitude = fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else {
            magnitude = Math.scalb((double) (fraction + 1024), exponent - 25);
        }
        return (half & 0x8000) != 0 ? -magnitude : magnitude;
    }

    /** A cursor over the input; every read checks what remains and reports {@code cbor-truncated}. */
    private static final class Reader {

        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int position() {
            return position;
        }

        int remaining() {
            return bytes.length - position;
        }

        int u8() {
            need(1);
            return bytes[position++] & 0xFF;
        }

        int u16() {
            need(2);
            return u8() << 8 | u8();
        }

        long u32() {
            need(4);
            return (long) u16() << 16 | u16();
        }

        long u64() {
            need(8);
            return u32() << 32 | u32();
        }

        /** Whether the next byte is a break; the input must not end here. */
        boolean atBreak() {
            need(1);
            return (bytes[position] & 0xFF) == BREAK;
        }

        void skipBreak() {
            position++;
        }

        /**
         * Steps over a string's declared length of bytes, checked against the bytes that remain
         * before anything is allocated; returns where they start.
         */
        int skip(long length, int itemOffset) {
            if (Long.compareUnsigned(length, remaining()) > 0) {
                throw new CborException("cbor-truncated", itemOffset, "string declares "
                        + Long.toUnsignedString(length) + " bytes but only " + remaining() + " remain");
            }
            int start = position;
            position += (int) length;
            return start;
        }

        /** A declared count of items, each at least {@code minBytes} long, checked against the bytes that remain. */
        int count(long declared, int minBytes, int itemOffset) {
            if (Long.compareUnsigned(declared, remaining() / minBytes) > 0) {
                throw new CborException("cbor-truncated", itemOffset, "declares "
                        + Long.toUnsignedString(declared) + " entries but only " + remaining() + " bytes remain");
            }
            return (int) declared;
        }

        private void need(int n) {
            if (remaining() < n) {
                throw new CborException("cbor-truncated", position, "input ends where " + n + " more byte(s) are needed");
            }
        }
    }
}
