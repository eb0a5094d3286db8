package io.nearcast.sim.load;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.stream.Collectors;

/** Just enough JSON writing for the result line. */
final class Json {

    private Json() {
    }

    /** A number rounded to {@code decimals} places; {@code null} for NaN and infinities. */
    static String number(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "null";
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    static String string(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> string(e.getKey()) + ":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }
}
