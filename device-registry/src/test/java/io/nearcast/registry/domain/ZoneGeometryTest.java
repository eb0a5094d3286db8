package io.nearcast.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nearcast.kernel.domain.InvalidField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GeoJSON zone geometry: what is accepted, and what each refusal names. */
class ZoneGeometryTest {

    // a 20 m x 20 m square in Berlin Mitte, [lon, lat]
    private static final List<List<Double>> SQUARE = List.of(
            List.of(13.4050, 52.5200), List.of(13.4053, 52.5200), List.of(13.4053, 52.5202), List.of(13.4050, 52.5202), List.of(13.4050, 52.5200));

    private static Map<String, Object> polygon(List<?>... rings) {
        return Map.of("type", "Polygon", "coordinates", List.of(rings));
    }

    @Test
    void acceptsAPolygonAndKeepsLongitudeAsX() {
        ZoneShape.Area area = ZoneGeometry.parse("geometry", polygon(SQUARE));

        assertThat(area.geometry().getGeometryType()).isEqualTo("Polygon");
        assertThat(area.geometry().getCoordinates()[0].x).isEqualTo(13.4050);
        assertThat(area.geometry().getCoordinates()[0].y).isEqualTo(52.5200);
    }

    @Test
    void acceptsAMultiPolygonAndAPolygonWithAHole() {
        List<List<Double>> hole = List.of(List.of(13.4051, 52.52005), List.of(13.4052, 52.52005), List.of(13.4052, 52.52015), List.of(13.4051, 52.52015), List.of(13.4051, 52.52005));

        assertThat(ZoneGeometry.parse("geometry", polygon(SQUARE, hole)).geometry().getArea()).isPositive();
        assertThat(ZoneGeometry.parse("geometry", Map.of("type", "MultiPolygon", "coordinates", List.of(List.of(SQUARE)))).geometry().getGeometryType())
                .isEqualTo("MultiPolygon");
    }

    @Test
    void namesAnUnclosedRing() {
        List<List<Double>> open = SQUARE.subList(0, 4);
        List<List<Double>> openFive = List.of(SQUARE.get(0), SQUARE.get(1), SQUARE.get(2), SQUARE.get(3), List.of(13.4050, 52.5201));

        assertThatThrownBy(() -> ZoneGeometry.parse("geometry", polygon(openFive)))
                .isInstanceOf(InvalidField.class)
                .hasMessage("geometry.coordinates[0]: ring is not closed: the last position [13.405, 52.5201] must repeat the first [13.405, 52.52]");
        assertThatThrownBy(() -> ZoneGeometry.parse("geometry", polygon(open.subList(0, 3))))
                .hasMessage("geometry.coordinates[0]: a ring needs at least 4 positions (3 corners and the first again), got 3");
    }

    @Test
    void namesASelfIntersectionAndWhereItIs() {
        List<List<Double>> bowtie = List.of(List.of(13.4050, 52.5200), List.of(13.4053, 52.5202), List.of(13.4053, 52.5200), List.of(13.4050, 52.5202), List.of(13.4050, 52.5200));

        assertThatThrownBy(() -> ZoneGeometry.parse("geometry", polygon(bowtie)))
                .isInstanceOf(InvalidField.class)
                .hasMessageStartingWith("geometry: self-intersection at [13.4051")
                .satisfies(e -> assertThat(((InvalidField) e).field()).isEqualTo("geometry"));
    }

    @Test
    void namesAHoleOutsideItsShell() {
        List<List<Double>> farHole = List.of(List.of(13.41, 52.52), List.of(13.4101, 52.52), List.of(13.4101, 52.5201), List.of(13.41, 52.5201), List.of(13.41, 52.52));

        assertThatThrownBy(() -> ZoneGeometry.parse("geometry", polygon(SQUARE, farHole)))
                .hasMessageStartingWith("geometry: hole lies outside shell at [13.41");
    }

    @Test
    void namesTheCoordinateOutOfRange() {
        List<List<Double>> swapped = List.of(List.of(52.52, 13.405), List.of(52.52, 200.0), List.of(52.53, 13.405), List.of(52.52, 13.405));

        assertThatThrownBy(() -> ZoneGeometry.parse("geometry", polygon(swapped)))
                .hasMessage("geometry.coordinates[0][1]: latitude 200.0 is out of range (-90 to 90); positions are [longitude, latitude]");
    }

    @Test
    void refusesAbsurdSizes() {
        List<List<Double>> country = List.of(List.of(6.0, 47.0), List.of(15.0, 47.0), List.of(15.0, 55.0), List.of(6.0, 55.0), List.of(6.0, 47.0));
        List<List<Double>> sliver = List.of(List.of(13.4050, 52.5200), List.of(13.405001, 52.5200), List.of(13.405001, 52.520001), List.of(13.4050, 52.5200));

        assertThatThrownBy(() -> ZoneGeometry.parse("geometry", polygon(country))).hasMessageContaining("a zone may span at most 20000 m");
        assertThatThrownBy(() -> ZoneGeometry.parse("geometry", polygon(sliver))).hasMessageContaining("a zone needs at least 1 m²");
    }

    @Test
    void namesTypeAndShapeProblems() {
        assertThatThrownBy(() -> ZoneGeometry.parse("geometry", Map.of("type", "Point", "coordinates", List.of(13.4, 52.5))))
                .hasMessage("geometry.type: 'Point' is not a zone geometry; use Polygon or MultiPolygon (or a circle)");
        assertThatThrownBy(() -> ZoneGeometry.parse("geometry", Map.of("type", "Polygon")))
                .hasMessage("geometry.coordinates: is required");
        assertThatThrownBy(() -> ZoneGeometry.parse("geometry", polygon(List.of(List.of("a", 1), SQUARE.get(1), SQUARE.get(2), SQUARE.get(0)))))
                .hasMessage("geometry.coordinates[0][0][0]: must be a number");
        assertThatThrownBy(() -> ZoneGeometry.parse("geometry", "POLYGON"))
                .hasMessage("geometry: must be a GeoJSON Polygon or MultiPolygon object");
    }

    @Test
    void checksACirclesRadius() {
        GeoPoint centre = new GeoPoint(52.52, 13.405);

        assertThat(ZoneGeometry.circle("circle", centre, 15).radiusMeters()).isEqualTo(15);
        assertThatThrownBy(() -> ZoneGeometry.circle("circle", centre, 0))
                .hasMessage("circle.radiusMeters: must be between 1 and 20000 metres, got 0.0");
        assertThatThrownBy(() -> ZoneGeometry.circle("circle", centre, Double.NaN))
                .isInstanceOf(InvalidField.class);
    }
}
