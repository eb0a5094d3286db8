package io.nearcast.kernel.domain;

/** What a repository's delete found: the row is gone, was not there, or other rows still refer to it. */
public enum Deletion {
    DELETED,
    NOT_FOUND,
    IN_USE
}
