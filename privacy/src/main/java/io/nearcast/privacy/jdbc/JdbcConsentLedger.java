package io.nearcast.privacy.jdbc;

import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.persistence.UtcTimestamps;
import io.nearcast.privacy.domain.ConsentEntry;
import io.nearcast.privacy.domain.ConsentLedger;
import io.nearcast.privacy.domain.Purpose;
import io.nearcast.privacy.domain.ShopperId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The consent ledger in {@code privacy_consent}: INSERT and SELECT only, plus the erasure of a
 * whole shopper. Entries read back in insertion order ({@code seq}). Thread-safe.
 */
public final class JdbcConsentLedger implements ConsentLedger {

    private static final String COLUMNS = "shopper_id, purpose, granted, at, source, notice_version";

    private final Jdbc jdbc;

    public JdbcConsentLedger(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void append(List<ConsentEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.inTransaction("appending " + entries.size() + " consent entries", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO privacy_consent (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                for (ConsentEntry entry : entries) {
                    insert.setString(1, entry.shopperId().value());
                    insert.setString(2, entry.purpose().wireName());
                    insert.setBoolean(3, entry.granted());
                    UtcTimestamps.set(insert, 4, entry.at());
                    insert.setString(5, entry.source());
                    insert.setString(6, entry.noticeVersion());
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public List<ConsentEntry> history(ShopperId shopperId) {
        return jdbc.run("reading a consent history", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM privacy_consent WHERE shopper_id = ? ORDER BY seq")) {
                select.setString(1, shopperId.value());
                return Jdbc.rows(select, JdbcConsentLedger::entry);
            }
        });
    }

    @Override
    public long eraseAll(ShopperId shopperId) {
        return jdbc.run("erasing a consent history", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM privacy_consent WHERE shopper_id = ?")) {
                delete.setString(1, shopperId.value());
                return (long) delete.executeUpdate();
            }
        });
    }

    private static ConsentEntry entry(ResultSet row) throws SQLException {
        String purpose = row.getString("purpose");
        return new ConsentEntry(new ShopperId(row.getString("shopper_id")),
                Purpose.fromWireName(purpose).orElseThrow(() -> new SQLException("unknown purpose in the ledger: " + purpose)),
                row.getBoolean("granted"), UtcTimestamps.get(row, "at"), row.getString("source"), row.getString("notice_version"));
    }
}
