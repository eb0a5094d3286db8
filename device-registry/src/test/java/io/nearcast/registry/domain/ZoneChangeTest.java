package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.InvalidField;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A zone PATCH read as a JSON merge patch: absent stays, null removes what may be removed, every mistake named. */
class ZoneChangeTest {

    private static final List<List<Double>> SQUARE = List.of(
            List.of(13.4050, 52.5200), List.of(13.4053, 52.5200), List.of(13.4053, 52.5202), List.of(13.4050, 52.5202), List.of(13.4050, 52.5200));
    private static final Map<String, Object> POLYGON = Map.of("type", "Polygon", "coordinates", List.of(SQUARE));
    private static final Zone ZONE = new Zone("z1", StoreId.random(), "Wine", OptionalInt.of(1), List.of("wine"),
            new ZoneShape.Circle(new GeoPoint(52.52, 13.405), 15), Instant.parse("2026-01-01T00:00:00Z"), OptionalInt.of(30));

    /** A map that keeps null values, as a JSON object does. */
    private static Map<String, Object> json(Object... keysAndValues) {
        Map<String, Object> json = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }

    @Test
    void anEmptyChangeKeepsEverything() {
        ZoneChange change = ZoneChange.read(json());

        assertThat(change.applyTo(ZONE)).isEqualTo(ZONE);
        assertThat(change.summary()).isEqualTo("no change");
    }

    @Test
    void changesOnlyTheFieldsGivenAndIgnoresOnesItDoesNotKnow() {
        Zone changed = ZoneChange.read(json("name", " Wine & spirits ", "tags", List.of("spirits", "wine", "spirits"), "id", "ignored",
                "createdAt", "ignored")).applyTo(ZONE);

        assertThat(changed).isEqualTo(new Zone("z1", ZONE.storeId(), "Wine & spirits", OptionalInt.of(1), List.of("spirits", "wine"),
                ZONE.shape(), ZONE.createdAt(), OptionalInt.of(30)));
    }

    @Test
    void nullRemovesTheFloorTheTagsAndTheDwellTime() {
        ZoneChange change = ZoneChange.read(json("floor", null, "tags", null, "dwellSeconds", null));

        Zone changed = change.applyTo(ZONE);

        assertThat(changed.floor()).isEmpty();
        assertThat(changed.tags()).isEmpty();
        assertThat(changed.dwellSeconds()).isEmpty();
        assertThat(change.summary()).isEqualTo("floor removed, tags, dwellSeconds removed");
    }

    @Test
    void aGeometryOrACircleReplacesTheShapeWhicheverItWas() {
        Zone area = ZoneChange.read(json("geometry", POLYGON)).applyTo(ZONE);
        Zone circle = ZoneChange.read(json("circle", Map.of("lat", 52.5, "lon", 13.4, "radiusMeters", 8))).applyTo(area);

        assertThat(area.shape()).isInstanceOf(ZoneShape.Area.class);
        assertThat(circle.shape()).isEqualTo(new ZoneShape.Circle(new GeoPoint(52.5, 13.4), 8));
    }

    @Test
    void aNullShapeBesideTheOtherIsAcceptedAsWhenAZoneIsSentBack() {
        Zone changed = ZoneChange.read(json("geometry", POLYGON, "circle", null)).applyTo(ZONE);

        assertThat(changed.shape()).isInstanceOf(ZoneShape.Area.class);
    }

    @Test
    void acceptsAWholeNumberWrittenWithAFraction() {
        assertThat(ZoneChange.read(json("dwellSeconds", 45.0, "floor", -2L)).applyTo(ZONE))
                .satisfies(zone -> {
                    assertThat(zone.dwellSeconds()).isEqualTo(OptionalInt.of(45));
                    assertThat(zone.floor()).isEqualTo(OptionalInt.of(-2));
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "dwell zero        | dwellSeconds | 0         | dwellSeconds | must be between 1 and 86400 seconds, got 0",
        "dwell over a day  | dwellSeconds | 86401     | dwellSeconds | must be between 1 and 86400 seconds, got 86401",
        "dwell fraction    | dwellSeconds | 1.5       | dwellSeconds | must be a whole number, got 1.5",
        "dwell text        | dwellSeconds | '30'      | dwellSeconds | must be a whole number",
        "dwell huge        | dwellSeconds | 1e12      | dwellSeconds | is out of range, got 1000000000000",
        "floor range       | floor        | 201       | floor        | must be between -10 and 200, got 201",
        "name blank        | name         | `'  '`    | name         | is required",
        "name number       | name         | 7         | name         | must be a string",
    })
    void namesTheFieldOfABadValue(String label, String key, String value, String field, String problem) {
        Object parsed = value.startsWith("'") ? value.substring(1, value.length() - 1)
                : value.contains(".") || value.contains("e") ? (Object) Double.valueOf(value) : (Object) Long.valueOf(value);

        assertThatThrownBy(() -> ZoneChange.read(json(key, parsed)))
                .isInstanceOfSatisfying(InvalidField.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).isEqualTo(problem);
                });
    }

    @Test
    void refusesToRemoveTheNameOrTheShape() {
        assertThatThrownBy(() -> ZoneChange.read(json("name", null)))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> ZoneChange.read(json("geometry", null)))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("geometry"));
        assertThatThrownBy(() -> ZoneChange.read(json("geometry", null, "circle", null)))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.problem()).startsWith("a zone always has a shape"));
    }

    @Test
    void refusesBothShapesAndBadShapesAsCreationDoes() {
        assertThatThrownBy(() -> ZoneChange.read(json("geometry", POLYGON, "circle", Map.of("lat", 1, "lon", 1, "radiusMeters", 5))))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("circle"));
        assertThatThrownBy(() -> ZoneChange.read(json("circle", Map.of("lat", 52.5, "lon", 13.4))))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.getMessage()).isEqualTo("circle.radiusMeters: is required"));
        assertThatThrownBy(() -> ZoneChange.read(json("circle", Map.of("lat", 95, "lon", 13.4, "radiusMeters", 5))))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("circle.lat"));
        assertThatThrownBy(() -> ZoneChange.read(json("circle", Map.of("lat", 52.5, "lon", 13.4, "radiusMeters", 500_000))))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("circle.radiusMeters"));
        assertThatThrownBy(() -> ZoneChange.read(json("circle", "round")))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("circle"));
        assertThatThrownBy(() -> ZoneChange.read(json("geometry", Map.of("type", "Point", "coordinates", List.of(13.4, 52.5)))))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("geometry.type"));
        assertThatThrownBy(() -> ZoneChange.read(json("tags", List.of("Wine Aisle"))))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("tags[0]"));
        assertThatThrownBy(() -> ZoneChange.read(json("tags", "wine")))
                .isInstanceOfSatisfying(InvalidField.class, e -> assertThat(e.field()).isEqualTo("tags"));
    }

    @Test
    void aZoneRefusesADwellTimeOutOfRange() {
        assertThatThrownBy(() -> new Zone("z", StoreId.random(), "x", OptionalInt.empty(), List.of(), ZONE.shape(), Instant.EPOCH, OptionalInt.of(0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Optional.of(NewZone.of("x", null, null, ZONE.shape(), null).dwellSeconds())).contains(OptionalInt.empty());
    }
}
