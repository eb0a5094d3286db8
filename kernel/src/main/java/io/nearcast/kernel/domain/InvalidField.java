package io.nearcast.kernel.domain;

import java.util.Objects;

/**
 * Content that is well-formed but not acceptable: names the field (a JSON pointer-like path such
 * as {@code location.lat}) and the problem. The REST edge answers 422.
 */
public final class InvalidField extends RuntimeException {

    private final String field;
    private final String problem;

    public InvalidField(String field, String problem) {
        super(field + ": " + problem, null, false, false);
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
