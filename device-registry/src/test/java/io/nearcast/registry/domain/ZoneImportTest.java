package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.InvalidFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** A FeatureCollection's zone properties, the dwell time among them, both ways. */
class ZoneImportTest {

    private static Map<String, Object> circleFeature(Map<String, Object> properties) {
        return Map.of("type", "Feature", "geometry", Map.of("type", "Point", "coordinates", List.of(13.4049, 52.5201)), "properties", properties);
    }

    private static Map<String, Object> collection(Object... features) {
        return Map.of("type", "FeatureCollection", "features", List.of(features));
    }

    @Test
    void readsTheDwellTimeOrItsAbsence() {
        List<NewZone> zones = ZoneImport.read(collection(
                circleFeature(Map.of("name", "Entrance", "radiusMeters", 8, "dwellSeconds", 20)),
                circleFeature(Map.of("name", "Exit", "radiusMeters", 8))));

        assertThat(zones).extracting(NewZone::dwellSeconds).containsExactly(OptionalInt.of(20), OptionalInt.empty());
    }

    @Test
    void namesTheFeatureOfEveryBadDwellTime() {
        assertThatThrownBy(() -> ZoneImport.read(collection(
                circleFeature(Map.of("name", "ok", "radiusMeters", 8, "dwellSeconds", 20)),
                circleFeature(Map.of("name", "zero", "radiusMeters", 8, "dwellSeconds", 0)),
                circleFeature(Map.of("name", "text", "radiusMeters", 8, "dwellSeconds", "20")),
                circleFeature(Map.of("name", "fraction", "radiusMeters", 8, "dwellSeconds", 2.5)))))
                .isInstanceOfSatisfying(InvalidFields.class, e -> assertThat(e.problems()).extracting(InvalidField::getMessage).containsExactly(
                        "features[1].properties.dwellSeconds: must be between 1 and 86400 seconds, got 0",
                        "features[2].properties.dwellSeconds: must be a whole number",
                        "features[3].properties.dwellSeconds: must be a whole number, got 2.5"));
    }

    @Test
    void writesTheDwellTimeWhenTheZoneHasOne() {
        ZoneShape circle = new ZoneShape.Circle(new GeoPoint(52.5201, 13.4049), 8);
        Zone timed = new Zone("a", StoreId.random(), "Entrance", OptionalInt.empty(), List.of(), circle, Instant.EPOCH, OptionalInt.of(20));
        Zone untimed = new Zone("b", timed.storeId(), "Exit", OptionalInt.empty(), List.of(), circle, Instant.EPOCH, OptionalInt.empty());

        List<?> features = (List<?>) ZoneImport.write(List.of(timed, untimed)).get("features");

        assertThat(properties(features.get(0))).containsEntry("dwellSeconds", 20);
        assertThat(properties(features.get(1))).doesNotContainKey("dwellSeconds");
        // AND what is written reads back
        assertThat(ZoneImport.read(ZoneImport.write(List.of(timed)))).extracting(NewZone::dwellSeconds).containsExactly(OptionalInt.of(20));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object feature) {
        return (Map<String, Object>) ((Map<?, ?>) feature).get("properties");
    }
}
