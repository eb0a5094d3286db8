package io.nearcast.campaign.jdbc;

import io.nearcast.campaign.domain.Journey;
import io.nearcast.campaign.domain.JourneyStage;
import io.nearcast.campaign.domain.Journeys;
import io.nearcast.campaign.domain.Localized;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.persistence.RepositoryException;
import io.nearcast.kernel.persistence.UtcTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Journeys in {@code campaign_journey} (stage, segments comma-separated, language, last update)
 * and {@code campaign_journey_visit} (visits per store). A save is one transaction: the journey row
 * is updated, or inserted when there is none, and its visit rows are replaced; the row lock the
 * update takes orders concurrent saves of one shopper, so the last save wins whole. A save that
 * loses the race to insert a shopper's first journey runs again as an update. Erasure and retention
 * delete journey rows; their visits go with them (foreign key, on delete cascade). Thread-safe.
 */
public final class JdbcJourneys implements Journeys {

    private static final String SEPARATOR = ",";
    private static final int ATTEMPTS = 5;

    private final Jdbc jdbc;

    public JdbcJourneys(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public Optional<Journey> find(String shopperId) {
        return jdbc.run("reading a shopper's journey", connection -> {
            // one statement, so the journey and its visits come from the same save
            try (PreparedStatement select = connection.prepareStatement("SELECT j.shopper_id, j.stage, j.segments, j.language, j.updated_at,"
                    + " v.store_id, v.visits FROM campaign_journey j LEFT JOIN campaign_journey_visit v ON v.shopper_id = j.shopper_id"
                    + " WHERE j.shopper_id = ?")) {
                select.setString(1, shopperId);
                try (ResultSet rows = select.executeQuery()) {
                    Journey journey = null;
                    Map<String, Integer> visits = new HashMap<>();
                    while (rows.next()) {
                        if (journey == null) {
                            journey = journey(rows);
                        }
                        String store = rows.getString("store_id");
                        if (store != null) {
                            visits.put(store, rows.getInt("visits"));
                        }
                    }
                    return Optional.ofNullable(journey).map(j -> new Journey(j.shopperId(), j.stage(), visits, j.segments(), j.language(), j.updatedAt()));
                }
            }
        });
    }

    @Override
    public void save(Journey journey) {
        String segments = segments(journey);
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.inTransaction("saving a shopper's journey", connection -> {
                    if (update(connection, journey, segments) == 0) {
                        insert(connection, journey, segments);
                    }
                    replaceVisits(connection, journey);
                    return null;
                });
                return;
            } catch (RepositoryException e) {
                if (!e.isDuplicateKey() || attempt == ATTEMPTS) {
                    throw e;
                }
                // another save inserted the shopper's first journey meanwhile: this one now updates it
            }
        }
    }

    private static int update(Connection connection, Journey journey, String segments) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE campaign_journey SET stage = ?, segments = ?, language = ?, updated_at = ?"
                + " WHERE shopper_id = ?")) {
            int i = journeyColumns(update, 1, journey, segments);
            update.setString(i, journey.shopperId());
            return update.executeUpdate();
        }
    }

    private static void insert(Connection connection, Journey journey, String segments) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO campaign_journey (stage, segments, language, updated_at, shopper_id)"
                + " VALUES (?, ?, ?, ?, ?)")) {
            int i = journeyColumns(insert, 1, journey, segments);
            insert.setString(i, journey.shopperId());
            insert.executeUpdate();
        }
    }

    private static int journeyColumns(PreparedStatement statement, int first, Journey journey, String segments) throws SQLException {
        int i = first;
        if (journey.stage().isPresent()) {
            statement.setString(i++, journey.stage().get().wireName());
        } else {
            statement.setNull(i++, Types.VARCHAR);
        }
        statement.setString(i++, segments);
        if (journey.language().isPresent()) {
            statement.setString(i++, journey.language().get().tag());
        } else {
            statement.setNull(i++, Types.VARCHAR);
        }
        UtcTimestamps.set(statement, i++, journey.updatedAt());
        return i;
    }

    private static void replaceVisits(Connection connection, Journey journey) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM campaign_journey_visit WHERE shopper_id = ?")) {
            delete.setString(1, journey.shopperId());
            delete.executeUpdate();
        }
        if (journey.visitsByStore().isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO campaign_journey_visit (shopper_id, store_id, visits) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Integer> visits : journey.visitsByStore().entrySet()) {
                insert.setString(1, journey.shopperId());
                insert.setString(2, visits.getKey());
                insert.setInt(3, visits.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public long erase(String shopperId) {
        return jdbc.run("erasing a shopper's journey", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM campaign_journey WHERE shopper_id = ?")) {
                delete.setString(1, shopperId);
                return (long) delete.executeUpdate();
            }
        });
    }

    @Override
    public long purgeNotUpdatedSince(Instant cutoff) {
        return jdbc.run("purging journeys not updated for long", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM campaign_journey WHERE updated_at < ?")) {
                UtcTimestamps.set(delete, 1, cutoff);
                return (long) delete.executeUpdate();
            }
        });
    }

    /** The segments as stored: sorted, comma-separated; '' for none. */
    private static String segments(Journey journey) {
        for (String segment : journey.segments()) {
            if (segment.isEmpty() || segment.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a segment is not empty and has no comma: '" + segment + "'");
            }
        }
        return String.join(SEPARATOR, journey.segments().stream().sorted().toList());
    }

    private static Journey journey(ResultSet row) throws SQLException {
        String stage = row.getString("stage");
        String language = row.getString("language");
        String segments = row.getString("segments");
        Set<String> segmentSet = segments.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(segments.split(SEPARATOR)));
        return new Journey(row.getString("shopper_id"),
                stage == null ? Optional.empty() : Optional.of(JourneyStage.ofWireName(stage).orElseThrow(() -> new SQLException("unknown stage " + stage))),
                Map.of(), segmentSet,
                language == null ? Optional.empty()
                        : Optional.of(Localized.Language.ofTag(language).orElseThrow(() -> new SQLException("unknown language " + language))),
                UtcTimestamps.get(row, "updated_at"));
    }
}
