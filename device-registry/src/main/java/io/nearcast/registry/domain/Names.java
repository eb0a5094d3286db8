package io.nearcast.registry.domain;

import io.nearcast.kernel.domain.InvalidField;

/** Rules for human-readable names and for echoing client text in error messages. */
final class Names {

    private Names() {
    }

    /** A trimmed name of 1 to {@code max} characters without control characters. */
    static String require(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidField(field, "is required");
        }
        String name = value.strip();
        if (name.length() > max) {
            throw new InvalidField(field, "is longer than " + max + " characters");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidField(field, "must not contain control characters");
        }
        return name;
    }

    /** Client text made safe and short for an error message. */
    static String printable(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }
}
