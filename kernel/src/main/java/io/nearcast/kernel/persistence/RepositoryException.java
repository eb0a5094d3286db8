package io.nearcast.kernel.persistence;

import java.sql.SQLException;

/**
 * The database failed a repository operation. The message names the operation and the SQLState
 * only; the driver's text, which can quote stored values, stays in the cause for the log.
 */
public final class RepositoryException extends RuntimeException {

    /** SQLState class 23, code 505: a unique or primary key already holds the value (H2 and PostgreSQL). */
    private static final String UNIQUE_VIOLATION = "23505";

    /** SQLState class 23, code 503: a foreign key still refers to the row (H2 and PostgreSQL). */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final String sqlState;

    public RepositoryException(String operation, SQLException cause) {
        super(operation + " failed (SQLState " + cause.getSQLState() + ")", cause);
        this.sqlState = cause.getSQLState();
    }

    /** The SQLState the driver reported; may be null. */
    public String sqlState() {
        return sqlState;
    }

    /** Whether the operation failed because a row with the same key already exists. */
    public boolean isDuplicateKey() {
        return UNIQUE_VIOLATION.equals(sqlState);
    }

    /** Whether a delete failed because other rows still refer to the row. */
    public boolean isStillReferenced() {
        return FOREIGN_KEY_VIOLATION.equals(sqlState);
    }
}
