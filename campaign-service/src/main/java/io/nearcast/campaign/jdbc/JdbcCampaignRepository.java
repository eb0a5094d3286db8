package io.nearcast.campaign.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nearcast.campaign.domain.Campaign;
import io.nearcast.campaign.domain.CampaignDefinition;
import io.nearcast.campaign.domain.CampaignRepository;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.persistence.RepositoryException;
import io.nearcast.kernel.persistence.UtcTimestamps;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Campaigns in {@code campaign}: the definition as JSON text ({@link CampaignDefinition#write}),
 * read back with {@link CampaignDefinition#read}; id, store, name, status, priority, creation time
 * and version also in columns of their own. {@code createdAt} reads back truncated to
 * microseconds. A replacement is one conditional {@code UPDATE} on the expected version, so of two
 * concurrent ones only the first wins. Thread-safe.
 *
 * <p>Inserting a taken id throws {@link IllegalStateException} (as the in-memory repository does);
 * a campaign whose JSON form would not read back as the same campaign (which the REST edge never
 * makes: it reads campaigns from that form) {@link IllegalArgumentException}; every database
 * failure a {@link RepositoryException}.
 */
public final class JdbcCampaignRepository implements CampaignRepository {

    private static final String COLUMNS = "id, store_id, name, status, priority, definition, created_at, version";
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public JdbcCampaignRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(Campaign campaign) {
        String definition = definition(campaign);
        try {
            jdbc.run("inserting campaign " + campaign.id(), connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO campaign (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(8) + ")")) {
                    insert.setString(1, campaign.id());
                    insert.setString(2, campaign.storeId());
                    insert.setString(3, campaign.name());
                    insert.setString(4, campaign.status().wireName());
                    insert.setInt(5, campaign.priority());
                    insert.setString(6, definition);
                    UtcTimestamps.set(insert, 7, campaign.createdAt());
                    insert.setLong(8, campaign.version());
                    return insert.executeUpdate();
                }
            });
        } catch (RepositoryException e) {
            if (e.isDuplicateKey()) {
                throw new IllegalStateException("campaign " + campaign.id() + " exists", e);
            }
            throw e;
        }
    }

    @Override
    public boolean replace(Campaign campaign, long expectedVersion) {
        String definition = definition(campaign);
        return jdbc.run("replacing campaign " + campaign.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE campaign SET store_id = ?, name = ?, status = ?, priority = ?,"
                    + " definition = ?, created_at = ?, version = ? WHERE id = ? AND version = ?")) {
                update.setString(1, campaign.storeId());
                update.setString(2, campaign.name());
                update.setString(3, campaign.status().wireName());
                update.setInt(4, campaign.priority());
                update.setString(5, definition);
                UtcTimestamps.set(update, 6, campaign.createdAt());
                update.setLong(7, campaign.version());
                update.setString(8, campaign.id());
                update.setLong(9, expectedVersion);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<Campaign> find(String id) {
        return jdbc.run("reading campaign " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM campaign WHERE id = ?")) {
                select.setString(1, id);
                return Jdbc.firstRow(select, this::campaign);
            }
        });
    }

    @Override
    public Page<Campaign> ofStores(Collection<String> storeIds, PageRequest page) {
        if (storeIds.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        List<String> stores = List.copyOf(storeIds);
        String where = " WHERE store_id IN (" + Jdbc.placeholders(stores.size()) + ")";
        return jdbc.run("listing the campaigns of " + stores.size() + " stores", connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM campaign" + where)) {
                stores(count, stores);
                total = Jdbc.count(count);
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM campaign" + where
                    + " ORDER BY created_at, id LIMIT ? OFFSET ?")) {
                int i = stores(select, stores);
                select.setInt(i++, page.size());
                select.setLong(i, page.offset());
                return Page.of(Jdbc.rows(select, this::campaign), page, total);
            }
        });
    }

    @Override
    public List<Campaign> all() {
        return jdbc.run("reading every campaign", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM campaign ORDER BY created_at, id")) {
                return Jdbc.rows(select, this::campaign);
            }
        });
    }

    private static int stores(PreparedStatement statement, List<String> stores) throws SQLException {
        int i = 1;
        for (String store : stores) {
            statement.setString(i++, store);
        }
        return i;
    }

    /**
     * The campaign's JSON text, checked to read back as the same campaign: a campaign the reader
     * would refuse (or change) never reaches the table, where it would break {@link #all()}.
     */
    private String definition(Campaign campaign) {
        String text;
        try {
            text = json.writeValueAsString(CampaignDefinition.write(campaign));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " does not write as JSON", e);
        }
        Campaign readBack;
        try {
            readBack = fromDefinition(campaign.id(), text, campaign.createdAt(), campaign.version());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " would not read back from its JSON form: " + e.getMessage(), e);
        }
        if (!readBack.equals(campaign)) {
            throw new IllegalArgumentException("campaign " + campaign.id() + " would read back changed from its JSON form"
                    + " (e.g. an offer validity or dwell time that is not whole minutes or seconds)");
        }
        return text;
    }

    private Campaign campaign(ResultSet row) throws SQLException {
        return fromDefinition(row.getString("id"), row.getString("definition"), UtcTimestamps.get(row, "created_at"), row.getLong("version"));
    }

    private Campaign fromDefinition(String id, String text, Instant createdAt, long version) {
        Map<String, Object> definition;
        try {
            definition = json.readValue(text, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the definition of campaign " + id + " is not JSON", e);
        }
        if (!(definition.get("offerValidityMinutes") instanceof Number minutes)) {
            throw new IllegalStateException("the definition of campaign " + id + " has no offerValidityMinutes");
        }
        return CampaignDefinition.read(definition).toCampaign(id, createdAt, version, Duration.ofMinutes(minutes.longValue()));
    }
}
