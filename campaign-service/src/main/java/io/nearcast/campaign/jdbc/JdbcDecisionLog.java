package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.Decision;
import io.nearcast.campaign.domain.DecisionLog;
import io.nearcast.campaign.domain.TriggerType;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.persistence.RepositoryException;
import io.nearcast.kernel.persistence.UtcTimestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The decision log in {@code campaign_decision}: each decision's verdicts as its one-line
 * {@link Decision#explanation()}, read back with {@link Decision#parseVerdicts}, and the count of
 * unlisted ones beside it. Ties in time are ordered by id; instants read back truncated to
 * microseconds. Thread-safe.
 *
 * <p>Recording a decision whose explanation would not read back (a campaign id with a space)
 * throws {@link IllegalArgumentException}; every database failure, a taken id too, a
 * {@link RepositoryException}.
 */
public final class JdbcDecisionLog implements DecisionLog {

    private static final String COLUMNS = "id, shopper_id, store_id, zone_id, trigger_type, decided_at, explanation, unlisted, offer_id";

    private final Jdbc jdbc;

    public JdbcDecisionLog(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void record(Decision decision) {
        String explanation = decision.explanation();
        if (!readsBack(explanation, decision)) {
            throw new IllegalArgumentException("decision " + decision.id() + " would not read back from its explanation: " + explanation);
        }
        jdbc.run("recording decision " + decision.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO campaign_decision (" + COLUMNS + ") VALUES ("
                    + Jdbc.placeholders(9) + ")")) {
                insert.setString(1, decision.id());
                insert.setString(2, decision.shopperId());
                insert.setString(3, decision.storeId());
                setNullable(insert, 4, decision.zoneId());
                insert.setString(5, decision.trigger().wireName());
                UtcTimestamps.set(insert, 6, decision.at());
                insert.setString(7, explanation);
                insert.setInt(8, decision.unlisted());
                setNullable(insert, 9, decision.offerId());
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public List<Decision> ofShopper(String shopperId) {
        return jdbc.run("reading a shopper's decisions", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM campaign_decision WHERE shopper_id = ?"
                    + " ORDER BY decided_at, id")) {
                select.setString(1, shopperId);
                return Jdbc.rows(select, JdbcDecisionLog::decision);
            }
        });
    }

    @Override
    public Optional<Decision> find(String decisionId) {
        return jdbc.run("reading decision " + decisionId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM campaign_decision WHERE id = ?")) {
                select.setString(1, decisionId);
                return Jdbc.firstRow(select, JdbcDecisionLog::decision);
            }
        });
    }

    @Override
    public Page<Decision> ofStore(String storeId, PageRequest page) {
        return jdbc.run("reading a store's decisions", connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM campaign_decision WHERE store_id = ?")) {
                count.setString(1, storeId);
                total = Jdbc.count(count);
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM campaign_decision WHERE store_id = ?"
                    + " ORDER BY decided_at DESC, id DESC LIMIT ? OFFSET ?")) {
                select.setString(1, storeId);
                select.setInt(2, page.size());
                select.setLong(3, page.offset());
                return Page.of(Jdbc.rows(select, JdbcDecisionLog::decision), page, total);
            }
        });
    }

    @Override
    public long erase(String shopperId) {
        return jdbc.run("erasing a shopper's decisions", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM campaign_decision WHERE shopper_id = ?")) {
                delete.setString(1, shopperId);
                return (long) delete.executeUpdate();
            }
        });
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        return jdbc.run("purging old decisions", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM campaign_decision WHERE decided_at < ?")) {
                UtcTimestamps.set(delete, 1, cutoff);
                return (long) delete.executeUpdate();
            }
        });
    }

    /** Whether the explanation gives back the decision's verdicts (a campaign id with a space would not). */
    private static boolean readsBack(String explanation, Decision decision) {
        try {
            return Decision.parseVerdicts(explanation).equals(decision.verdicts());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void setNullable(PreparedStatement statement, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private static Decision decision(ResultSet row) throws SQLException {
        String trigger = row.getString("trigger_type");
        return new Decision(row.getString("id"), row.getString("shopper_id"), row.getString("store_id"), Optional.ofNullable(row.getString("zone_id")),
                TriggerType.ofWireName(trigger).orElseThrow(() -> new SQLException("unknown trigger type " + trigger)),
                UtcTimestamps.get(row, "decided_at"), Decision.parseVerdicts(row.getString("explanation")), row.getInt("unlisted"),
                Optional.ofNullable(row.getString("offer_id")));
    }
}
