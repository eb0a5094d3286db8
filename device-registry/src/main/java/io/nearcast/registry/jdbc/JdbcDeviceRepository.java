package io.nearcast.registry.jdbc;

import io.nearcast.kernel.persistence.UtcTimestamps;
import io.nearcast.kernel.persistence.Jdbc;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import io.nearcast.registry.domain.Device;
import io.nearcast.registry.domain.DeviceKind;
import io.nearcast.registry.domain.DeviceRepository;
import io.nearcast.registry.domain.PasswordHash;
import io.nearcast.registry.domain.StoreId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Devices in {@code registry_device}; a store's devices listed oldest first. Instants read back
 * truncated to microseconds. Every method throws {@link RepositoryException} when the database
 * fails; {@link #insert} also when the id is taken or the store does not exist, {@link #insert}
 * and {@link #update} when the device's zone is not one of its store's. Thread-safe.
 */
public final class JdbcDeviceRepository implements DeviceRepository {

    private static final String COLUMNS =
            "id, store_id, kind, name, enabled, mqtt_password_hash, psk_sealed, created_at, credentials_issued_at, zone_id";

    private final Jdbc jdbc;

    public JdbcDeviceRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    @Override
    public void insert(Device device) {
        jdbc.run("inserting device " + device.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO registry_device (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(10) + ")")) {
                insert.setString(1, device.id());
                insert.setString(2, device.storeId().value());
                insert.setString(3, device.kind().wireName());
                bindMutable(insert, 4, device);
                UtcTimestamps.set(insert, 8, device.createdAt());
                UtcTimestamps.set(insert, 9, device.credentialsIssuedAt());
                insert.setString(10, device.zoneId().orElse(null));
                return insert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Device> find(String id) {
        return jdbc.run("reading device " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM registry_device WHERE id = ?")) {
                select.setString(1, id);
                return Jdbc.firstRow(select, JdbcDeviceRepository::device);
            }
        });
    }

    @Override
    public Page<Device> list(StoreId storeId, PageRequest request) {
        return jdbc.run("listing the devices of store " + storeId,
                connection -> StorePages.page(connection, "registry_device", COLUMNS, storeId, request, JdbcDeviceRepository::device));
    }

    @Override
    public boolean update(Device device) {
        return jdbc.run("updating device " + device.id(), connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE registry_device SET name = ?, enabled = ?, mqtt_password_hash = ?, psk_sealed = ?, credentials_issued_at = ?,"
                            + " zone_id = ? WHERE id = ?")) {
                bindMutable(update, 1, device);
                UtcTimestamps.set(update, 5, device.credentialsIssuedAt());
                update.setString(6, device.zoneId().orElse(null));
                update.setString(7, device.id());
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(String id) {
        return jdbc.run("deleting device " + id, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM registry_device WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /** name, enabled, password hash, sealed PSK from {@code first} on. */
    private static void bindMutable(PreparedStatement statement, int first, Device device) throws SQLException {
        statement.setString(first, device.name());
        statement.setBoolean(first + 1, device.enabled());
        statement.setString(first + 2, device.mqttPassword().encoded());
        statement.setString(first + 3, device.sealedPsk());
    }

    private static Device device(ResultSet row) throws SQLException {
        String id = row.getString("id");
        try {
            return new Device(id, new StoreId(row.getString("store_id")), kind(id, row.getString("kind")), row.getString("name"),
                    row.getBoolean("enabled"), PasswordHash.parse(row.getString("mqtt_password_hash")), row.getString("psk_sealed"),
                    UtcTimestamps.get(row, "created_at"), UtcTimestamps.get(row, "credentials_issued_at"),
                    Optional.ofNullable(row.getString("zone_id")));
        } catch (IllegalArgumentException e) {
            throw new SQLException("device " + id + " has an unreadable password hash", e);
        }
    }

    private static DeviceKind kind(String id, String text) throws SQLException {
        return Arrays.stream(DeviceKind.values())
                .filter(kind -> kind.wireName().equals(text))
                .findFirst()
                .orElseThrow(() -> new SQLException("device " + id + " has an unknown kind: " + text));
    }
}
