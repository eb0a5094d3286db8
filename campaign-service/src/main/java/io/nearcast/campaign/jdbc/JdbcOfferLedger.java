package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.Offer;
import io.nearcast.campaign.domain.OfferLedger;
import io.nearcast.campaign.domain.OfferStatus;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.persistence.RepositoryException;
import io.nearcast.kernel.persistence.UtcTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The offer ledger in {@code campaign_offer}. Every status change is one conditional
 * {@code UPDATE} whose {@code WHERE} holds the rule (still open, not expired, not opened before),
 * so of concurrent changes to one offer, on one server or several, exactly the allowed ones happen;
 * the offer is read back in the same transaction, under the row lock the update took. Opening
 * needs an open offer not opened before; redeeming and dismissing an open offer not expired by
 * then ({@code expires_at > at}); expiring an open one. Lists are
 * oldest first by delivery time (then id); instants read back truncated to microseconds.
 * Thread-safe.
 *
 * <p>Adding a taken id throws {@link IllegalStateException} (as the in-memory ledger does); every
 * database failure a {@link RepositoryException}.
 */
public final class JdbcOfferLedger implements OfferLedger {

    private static final String COLUMNS = "id, campaign_id, variant, shopper_id, store_id, zone_id, visit_key, decision_id, delivered_at, expires_at,"
            + " status, opened_at, closed_at";
    private static final String OPEN = "status IN ('" + OfferStatus.DELIVERED.wireName() + "', '" + OfferStatus.OPENED.wireName() + "')";
    private static final String OPENING = "UPDATE campaign_offer SET status = '" + OfferStatus.OPENED.wireName() + "', opened_at = ?"
            + " WHERE id = ? AND " + OPEN + " AND opened_at IS NULL";
    private static final String CLOSING = "UPDATE campaign_offer SET status = ?, closed_at = ? WHERE id = ? AND " + OPEN + " AND expires_at > ?";
    private static final String EXPIRING = "UPDATE campaign_offer SET status = '" + OfferStatus.EXPIRED.wireName() + "', closed_at = ?"
            + " WHERE id = ? AND " + OPEN;
    private static final String EXPIRING_AT_EXPIRY = "UPDATE campaign_offer SET status = '" + OfferStatus.EXPIRED.wireName() + "', closed_at = expires_at"
            + " WHERE id = ? AND " + OPEN + " AND expires_at <= ?";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM campaign_offer WHERE id = ?";

    private final Jdbc jdbc;

    public JdbcOfferLedger(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(Offer offer) {
        try {
            jdbc.run("adding an offer", connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO campaign_offer (" + COLUMNS + ") VALUES ("
                        + Jdbc.placeholders(13) + ")")) {
                    insert.setString(1, offer.id());
                    insert.setString(2, offer.campaignId());
                    insert.setInt(3, offer.variant());
                    insert.setString(4, offer.shopperId());
                    insert.setString(5, offer.storeId());
                    setNullable(insert, 6, offer.zoneId());
                    insert.setString(7, offer.visitKey());
                    insert.setString(8, offer.decisionId());
                    UtcTimestamps.set(insert, 9, offer.deliveredAt());
                    UtcTimestamps.set(insert, 10, offer.expiresAt());
                    insert.setString(11, offer.status().wireName());
                    UtcTimestamps.setNullable(insert, 12, offer.openedAt());
                    UtcTimestamps.setNullable(insert, 13, offer.closedAt());
                    return insert.executeUpdate();
                }
            });
        } catch (RepositoryException e) {
            if (e.isDuplicateKey()) {
                throw new IllegalStateException("an offer with this id exists", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Offer> find(String offerId) {
        return jdbc.run("reading an offer", connection -> find(connection, offerId));
    }

    @Override
    public List<Offer> deliveredSince(String shopperId, Instant since) {
        return jdbc.run("reading a shopper's recent offers", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM campaign_offer"
                    + " WHERE shopper_id = ? AND delivered_at >= ? ORDER BY delivered_at, id")) {
                select.setString(1, shopperId);
                UtcTimestamps.set(select, 2, since);
                return Jdbc.rows(select, JdbcOfferLedger::offer);
            }
        });
    }

    @Override
    public Optional<Offer> transition(String offerId, OfferStatus next, Instant at) {
        if (next == OfferStatus.DELIVERED) {
            throw new IllegalArgumentException("an offer never moves back to delivered");
        }
        return jdbc.inTransaction("moving an offer to " + next.wireName(), connection -> {
            int changed;
            switch (next) {
                case OPENED -> {
                    try (PreparedStatement update = connection.prepareStatement(OPENING)) {
                        UtcTimestamps.set(update, 1, at);
                        update.setString(2, offerId);
                        changed = update.executeUpdate();
                    }
                }
                case EXPIRED -> {
                    try (PreparedStatement update = connection.prepareStatement(EXPIRING)) {
                        UtcTimestamps.set(update, 1, at);
                        update.setString(2, offerId);
                        changed = update.executeUpdate();
                    }
                }
                default -> {
                    try (PreparedStatement update = connection.prepareStatement(CLOSING)) {
                        update.setString(1, next.wireName());
                        UtcTimestamps.set(update, 2, at);
                        update.setString(3, offerId);
                        UtcTimestamps.set(update, 4, at);
                        changed = update.executeUpdate();
                    }
                }
            }
            return changed == 1 ? find(connection, offerId) : Optional.<Offer>empty();
        });
    }

    @Override
    public List<Offer> expire(Instant now) {
        List<String> due = jdbc.run("finding expired offers", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM campaign_offer WHERE " + OPEN
                    + " AND expires_at <= ? ORDER BY expires_at, id")) {
                UtcTimestamps.set(select, 1, now);
                return Jdbc.rows(select, row -> row.getString(1));
            }
        });
        List<Offer> expired = new ArrayList<>(due.size());
        for (String id : due) {
            jdbc.inTransaction("expiring an offer", connection -> {
                try (PreparedStatement update = connection.prepareStatement(EXPIRING_AT_EXPIRY)) {
                    update.setString(1, id);
                    UtcTimestamps.set(update, 2, now);
                    return update.executeUpdate() == 1 ? find(connection, id) : Optional.<Offer>empty();
                }
            }).ifPresent(expired::add);
        }
        return expired;
    }

    @Override
    public List<Offer> ofShopper(String shopperId) {
        return jdbc.run("reading a shopper's offers", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM campaign_offer WHERE shopper_id = ?"
                    + " ORDER BY delivered_at, id")) {
                select.setString(1, shopperId);
                return Jdbc.rows(select, JdbcOfferLedger::offer);
            }
        });
    }

    @Override
    public long erase(String shopperId) {
        return jdbc.run("erasing a shopper's offers", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM campaign_offer WHERE shopper_id = ?")) {
                delete.setString(1, shopperId);
                return (long) delete.executeUpdate();
            }
        });
    }

    @Override
    public long purgeDeliveredBefore(Instant cutoff) {
        return jdbc.run("purging old offers", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM campaign_offer WHERE delivered_at < ?")) {
                UtcTimestamps.set(delete, 1, cutoff);
                return (long) delete.executeUpdate();
            }
        });
    }

    private static Optional<Offer> find(Connection connection, String offerId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_ONE)) {
            select.setString(1, offerId);
            return Jdbc.firstRow(select, JdbcOfferLedger::offer);
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private static Offer offer(ResultSet row) throws SQLException {
        String status = row.getString("status");
        return new Offer(row.getString("id"), row.getString("campaign_id"), row.getInt("variant"), row.getString("shopper_id"),
                row.getString("store_id"), Optional.ofNullable(row.getString("zone_id")), row.getString("visit_key"), row.getString("decision_id"),
                UtcTimestamps.get(row, "delivered_at"), UtcTimestamps.get(row, "expires_at"),
                OfferStatus.ofWireName(status).orElseThrow(() -> new SQLException("unknown offer status " + status)),
                UtcTimestamps.getNullable(row, "opened_at"), UtcTimestamps.getNullable(row, "closed_at"));
    }
}
