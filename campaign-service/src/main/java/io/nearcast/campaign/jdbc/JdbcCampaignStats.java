package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.CampaignStats;
import io.nearcast.campaign.domain.Metric;
import io.nearcast.kernel.persistence.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The anonymous campaign statistics in {@code campaign_stat}, one row per campaign, variant and
 * zone ({@code ''} for none), one column per {@link Metric} named by its wire name. Additions are
 * UPDATE-then-INSERT in auto-commit mode, and an INSERT that loses a race with another writer
 * (unique violation, SQLState 23505) becomes an UPDATE, so several writers add up correctly on H2
 * and PostgreSQL alike (as {@code JdbcZoneHours} in the geofence service does). Thread-safe.
 */
public final class JdbcCampaignStats implements CampaignStats {

    private static final String NO_ZONE = "";
    private static final List<String> METRIC_COLUMNS = Arrays.stream(Metric.values()).map(Metric::wireName).toList();
    private static final String KEY = "campaign_id = ? AND variant = ? AND zone_id = ?";
    private static final String COLUMNS = "campaign_id, variant, zone_id, " + String.join(", ", METRIC_COLUMNS);

    private final Jdbc jdbc;

    public JdbcCampaignStats(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void add(String campaignId, int variant, Optional<String> zoneId, Metric metric, long n) {
        String zone = zoneId.orElse(NO_ZONE);
        jdbc.run("adding to the statistics of campaign " + campaignId, connection -> {
            if (addTo(connection, campaignId, variant, zone, metric, n) == 0 && !insert(connection, campaignId, variant, zone, metric, n)) {
                addTo(connection, campaignId, variant, zone, metric, n); // another writer created the row meanwhile
            }
            return null;
        });
    }

    private static int addTo(Connection connection, String campaignId, int variant, String zone, Metric metric, long n) throws SQLException {
        String column = METRIC_COLUMNS.get(metric.ordinal());
        try (PreparedStatement update = connection.prepareStatement("UPDATE campaign_stat SET " + column + " = " + column + " + ? WHERE " + KEY)) {
            update.setLong(1, n);
            key(update, 2, campaignId, variant, zone);
            return update.executeUpdate();
        }
    }

    /** False when the row appeared meanwhile. */
    private static boolean insert(Connection connection, String campaignId, int variant, String zone, Metric metric, long n) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO campaign_stat (" + COLUMNS + ") VALUES ("
                + Jdbc.placeholders(3 + METRIC_COLUMNS.size()) + ")")) {
            int i = key(insert, 1, campaignId, variant, zone);
            for (Metric each : Metric.values()) {
                insert.setLong(i++, each == metric ? n : 0);
            }
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (Jdbc.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<Row> of(String campaignId) {
        return jdbc.run("reading the statistics of campaign " + campaignId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM campaign_stat WHERE campaign_id = ?"
                    + " ORDER BY variant, zone_id")) {
                select.setString(1, campaignId);
                return Jdbc.rows(select, JdbcCampaignStats::row);
            }
        });
    }

    @Override
    public List<Row> all() {
        return jdbc.run("reading every campaign's statistics", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM campaign_stat ORDER BY campaign_id, variant, zone_id")) {
                return Jdbc.rows(select, JdbcCampaignStats::row);
            }
        });
    }

    private static int key(PreparedStatement statement, int first, String campaignId, int variant, String zone) throws SQLException {
        statement.setString(first, campaignId);
        statement.setInt(first + 1, variant);
        statement.setString(first + 2, zone);
        return first + 3;
    }

    private static Row row(ResultSet row) throws SQLException {
        long[] counts = new long[METRIC_COLUMNS.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = row.getLong(METRIC_COLUMNS.get(i));
        }
        String zone = row.getString("zone_id");
        return new Row(row.getString("campaign_id"), row.getInt("variant"), zone.isEmpty() ? Optional.empty() : Optional.of(zone), counts);
    }
}
