package io.nearcast.app.geofence;

import io.nearcast.geofence.domain.ZoneArea;
import io.nearcast.registry.domain.Zone;
import io.nearcast.registry.domain.ZoneRepository;
import io.nearcast.registry.domain.ZoneShape;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registry's zones as the zone index takes them: every zone of every store, in one read. */
final class RegistryZones {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryZones.class);

    private final ZoneRepository zones;

    RegistryZones(ZoneRepository zones) {
        this.zones = zones;
    }

    /** Every zone; one the index cannot take (the registry validated it, so a bug) is left out and logged by id. */
    List<ZoneArea> all() {
        List<Zone> stored = zones.everyZone();
        List<ZoneArea> areas = new ArrayList<>(stored.size());
        for (Zone zone : stored) {
            try {
                areas.add(area(zone));
            } catch (IllegalArgumentException e) {
                LOG.warn("Zone {} of store {} is left out of the zone index: {}", zone.id(), zone.storeId().value(), e.getMessage());
            }
        }
        return areas;
    }

    static ZoneArea area(Zone zone) {
        ZoneArea.Shape shape = zone.shape() instanceof ZoneShape.Area area
                ? new ZoneArea.Polygonal(area.geometry())
                : circle((ZoneShape.Circle) zone.shape());
        Optional<Duration> dwell = zone.dwellSeconds().isPresent() ? Optional.of(Duration.ofSeconds(zone.dwellSeconds().getAsInt())) : Optional.empty();
        return new ZoneArea(zone.id(), zone.storeId().value(), zone.floor(), shape, dwell);
    }

    private static ZoneArea.Circle circle(ZoneShape.Circle circle) {
        return new ZoneArea.Circle(circle.centre().lat(), circle.centre().lon(), circle.radiusMeters());
    }
}
