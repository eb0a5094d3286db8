package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.UtcTimestamps;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.registry.domain.AuditEntry;
import io.nearcast.registry.domain.AuditLog;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The audit trail in {@code registry_audit}, listed newest first (by insertion order, so entries
 * recorded in the same microsecond keep their order). {@code at} reads back truncated to
 * microseconds. Thread-safe.
 *
 * <p>A summary longer than {@value #MAX_SUMMARY} characters is cut to that length, ending in
 * {@code …}: an over-long summary must not make the change it describes fail.
 *
 * <p>Every method throws {@link RepositoryException} when the database fails.
 */
public final class JdbcAuditLog implements AuditLog {

    /** The length of the {@code summary} column, in UTF-16 chars (so also in code points). */
    static final int MAX_SUMMARY = 1000;

    private static final String ELLIPSIS = "…";

    private final Jdbc jdbc;

    public JdbcAuditLog(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void record(AuditEntry entry) {
        jdbc.run("recording " + entry.action() + " of " + entry.resource(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO registry_audit (at, actor, action, resource, summary) VALUES (?, ?, ?, ?, ?)")) {
                UtcTimestamps.set(insert, 1, entry.at());
                insert.setString(2, entry.actor());
                insert.setString(3, entry.action());
                insert.setString(4, entry.resource());
                insert.setString(5, shortened(entry.summary()));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Page<AuditEntry> list(PageRequest request) {
        return jdbc.run("listing the audit log", connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM registry_audit")) {
                total = Jdbc.count(count);
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT at, actor, action, resource, summary FROM registry_audit ORDER BY seq DESC LIMIT ? OFFSET ?")) {
                select.setInt(1, request.size());
                select.setLong(2, request.offset());
                return Page.of(Jdbc.rows(select, JdbcAuditLog::entry), request, total);
            }
        });
    }

    /** The summary cut to fit its column, never between the two halves of a surrogate pair. */
    static String shortened(String summary) {
        if (summary.length() <= MAX_SUMMARY) {
            return summary;
        }
        int end = MAX_SUMMARY - ELLIPSIS.length();
        if (Character.isHighSurrogate(summary.charAt(end - 1))) {
            end--;
        }
        return summary.substring(0, end) + ELLIPSIS;
    }

    private static AuditEntry entry(ResultSet row) throws SQLException {
        return new AuditEntry(
                UtcTimestamps.get(row, "at"),
                row.getString("actor"),
                row.getString("action"),
                row.getString("resource"),
                row.getString("summary"));
    }
}
