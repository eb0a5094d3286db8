package io.nearcast.kernel.domain;

import java.util.List;

/**
 * Several refusals at once, e.g. every bad feature of a bulk import; nothing of the request was
 * applied. The REST edge answers 422 with one entry per problem.
 */
public final class InvalidFields extends RuntimeException {

    private final List<InvalidField> problems;

    public InvalidFields(String summary, List<InvalidField> problems) {
        super(summary, null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("InvalidFields needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<InvalidField> problems() {
        return problems;
    }
}
