package io.nearcast.geofence.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Hand-made cases for the index's semantics: boundaries and holes, floors, stores, validation. */
class ZoneIndexTest {

    private static final OptionalInt ANY_FLOOR = OptionalInt.empty();
    private static final String STORE = "store-a";

    /** 13.0..13.5 E, 52.0..52.5 N with a hole 13.125..13.375, 52.125..52.375: every value here is exact in binary. */
    private static final String SQUARE_WITH_HOLE =
            "POLYGON ((13 52, 13.5 52, 13.5 52.5, 13 52.5, 13 52), (13.125 52.125, 13.375 52.125, 13.375 52.375, 13.125 52.375, 13.125 52.125))";

    static Geometry wkt(String text) {
        try {
            return new WKTReader().read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static ZoneArea polygon(String zoneId, String storeId, OptionalInt floor, String wkt) {
        return new ZoneArea(zoneId, storeId, floor, new ZoneArea.Polygonal(wkt(wkt)));
    }

    private static List<String> at(ZoneIndex index, double lat, double lon) {
        return index.zonesCovering(STORE, lat, lon, ANY_FLOOR);
    }

    @Nested
    class Polygons {

        private final ZoneIndex index = ZoneIndex.of(List.of(polygon("square", STORE, ANY_FLOOR, SQUARE_WITH_HOLE)));

        @ParameterizedTest(name = "lat {0} lon {1}: {2}")
        @CsvSource({
            "52.0625, 13.0625, inside",
            "52.0,    13.0,    shell vertex",
            "52.5,    13.5,    shell vertex",
            "52.0,    13.25,   shell edge",
            "52.3125, 13.5,    shell edge",
            "52.125,  13.25,   hole edge",
            "52.25,   13.375,  hole edge",
            "52.375,  13.125,  hole vertex",
            "52.125,  13.375,  hole vertex",
        })
        void coversInsideAndTheWholeBoundaryOfShellAndHoles(double lat, double lon, String where) {
            assertThat(at(index, lat, lon)).as(where).containsExactly("square");
        }

        @ParameterizedTest(name = "lat {0} lon {1}: {2}")
        @CsvSource({
            "52.25,        13.25,         inside the hole",
            "52.1250001,   13.25,         just inside the hole",
            "51.9999999,   13.25,         just below the shell",
            "52.25,        13.5000001,    just east of the shell",
            "52.5,         13.5000001,    beside a vertex",
            "0,            0,             far away",
        })
        void doesNotCoverTheHoleOrTheOutside(double lat, double lon, String where) {
            assertThat(at(index, lat, lon)).as(where).isEmpty();
        }

        @Test
        void concavePolygonDoesNotCoverItsNotch() {
            // an L: the notch 13.25..13.5 E, 52.25..52.5 N is outside
            ZoneIndex l = ZoneIndex.of(List.of(polygon("l", STORE, ANY_FLOOR,
                    "POLYGON ((13 52, 13.5 52, 13.5 52.25, 13.25 52.25, 13.25 52.5, 13 52.5, 13 52))")));
            assertThat(at(l, 52.4, 13.4)).isEmpty();
            assertThat(at(l, 52.4, 13.1)).containsExactly("l");
            assertThat(at(l, 52.25, 13.375)).as("on the notch's edge").containsExactly("l");
            assertThat(at(l, 52.25, 13.25)).as("the reflex vertex").containsExactly("l");
        }

        @Test
        void multiPolygonCoversEachPartAndNotTheGapBetween() {
            ZoneIndex multi = ZoneIndex.of(List.of(polygon("two", STORE, ANY_FLOOR,
                    "MULTIPOLYGON (((13 52, 13.25 52, 13.25 52.25, 13 52.25, 13 52)), ((13.5 52, 13.75 52, 13.75 52.25, 13.5 52.25, 13.5 52)))")));
            assertThat(at(multi, 52.125, 13.125)).containsExactly("two");
            assertThat(at(multi, 52.125, 13.625)).containsExactly("two");
            assertThat(at(multi, 52.125, 13.375)).isEmpty();
            assertThat(at(multi, 52.125, 13.5)).as("on the second part's edge").containsExactly("two");
        }

        @Test
        void overlappingZonesComeSortedById() {
            ZoneIndex overlapping = ZoneIndex.of(List.of(
                    polygon("zeta", STORE, ANY_FLOOR, "POLYGON ((13 52, 13.5 52, 13.5 52.5, 13 52.5, 13 52))"),
                    polygon("alpha", STORE, ANY_FLOOR, "POLYGON ((13.25 52.25, 13.75 52.25, 13.75 52.75, 13.25 52.75, 13.25 52.25))"),
                    new ZoneArea("mu", STORE, ANY_FLOOR, new ZoneArea.Circle(52.375, 13.375, 1000))));
            assertThat(at(overlapping, 52.375, 13.375)).containsExactly("alpha", "mu", "zeta");
            assertThat(at(overlapping, 52.125, 13.125)).containsExactly("zeta");
        }

        @Test
        void aPositionOnTheAntimeridianIsTestedAtBothLongitudes() {
            ZoneIndex dateLine = ZoneIndex.of(List.of(
                    polygon("east", STORE, ANY_FLOOR, "POLYGON ((179.5 -17, 180 -17, 180 -16.5, 179.5 -16.5, 179.5 -17))"),
                    polygon("west", STORE, ANY_FLOOR, "POLYGON ((-180 -16, -179.5 -16, -179.5 -15.5, -180 -15.5, -180 -16))")));
            assertThat(at(dateLine, -16.75, 180)).containsExactly("east");
            assertThat(at(dateLine, -16.75, -180)).as("-180 is the meridian of 180").containsExactly("east");
            assertThat(at(dateLine, -15.75, 180)).containsExactly("west");
            assertThat(at(dateLine, -15.75, -179.75)).containsExactly("west");
            assertThat(at(dateLine, -15.75, 179.75)).isEmpty();
        }

        @Test
        void laterChangesToTheCallersGeometryDoNotReachTheIndex() {
            Polygon square = (Polygon) wkt("POLYGON ((13 52, 13.5 52, 13.5 52.5, 13 52.5, 13 52))");
            ZoneArea.Polygonal shape = new ZoneArea.Polygonal(square);
            ZoneIndex built = ZoneIndex.of(List.of(new ZoneArea("square", STORE, ANY_FLOOR, shape)));

            square.apply((Coordinate c) -> c.x += 10);
            square.geometryChanged();
            shape.geometry().apply((Coordinate c) -> c.x += 10);
            shape.geometry().geometryChanged();

            assertThat(at(built, 52.25, 13.25)).containsExactly("square");
            assertThat(at(built, 52.25, 23.25)).isEmpty();
        }
    }

    @Nested
    class Floors {

        private final String square = "POLYGON ((13 52, 13.5 52, 13.5 52.5, 13 52.5, 13 52))";
        private final ZoneIndex index = ZoneIndex.of(List.of(
                polygon("ground", STORE, OptionalInt.of(0), square),
                polygon("first", STORE, OptionalInt.of(1), square),
                polygon("basement", STORE, OptionalInt.of(-1), square),
                polygon("every-floor", STORE, ANY_FLOOR, square),
                new ZoneArea("first-circle", STORE, OptionalInt.of(1), new ZoneArea.Circle(52.25, 13.25, 50))));

        @Test
        void aQueryOnAFloorMatchesThatFloorAndZonesWithoutAFloor() {
            assertThat(index.zonesCovering(STORE, 52.25, 13.25, OptionalInt.of(0))).containsExactly("every-floor", "ground");
            assertThat(index.zonesCovering(STORE, 52.25, 13.25, OptionalInt.of(1))).containsExactly("every-floor", "first", "first-circle");
            assertThat(index.zonesCovering(STORE, 52.25, 13.25, OptionalInt.of(-1))).containsExactly("basement", "every-floor");
            assertThat(index.zonesCovering(STORE, 52.25, 13.25, OptionalInt.of(7))).containsExactly("every-floor");
        }

        @Test
        void aQueryWithoutAFloorMatchesEveryFloor() {
            assertThat(index.zonesCovering(STORE, 52.25, 13.25, ANY_FLOOR))
                    .containsExactly("basement", "every-floor", "first", "first-circle", "ground");
        }
    }

    @Nested
    class Stores {

        private final String square = "POLYGON ((13 52, 13.5 52, 13.5 52.5, 13 52.5, 13 52))";

        @Test
        void aStoreOnlyEverSeesItsOwnZonesEvenWhereStoresOverlap() {
            ZoneIndex index = ZoneIndex.of(List.of(
                    polygon("a-hall", "store-a", ANY_FLOOR, square),
                    new ZoneArea("a-door", "store-a", ANY_FLOOR, new ZoneArea.Circle(52.25, 13.25, 10)),
                    polygon("b-hall", "store-b", ANY_FLOOR, square),
                    new ZoneArea("b-door", "store-b", ANY_FLOOR, new ZoneArea.Circle(52.25, 13.25, 10))));
            assertThat(index.zonesCovering("store-a", 52.25, 13.25, ANY_FLOOR)).containsExactly("a-door", "a-hall");
            assertThat(index.zonesCovering("store-b", 52.25, 13.25, ANY_FLOOR)).containsExactly("b-door", "b-hall");
            assertThat(index.zonesCovering("store-c", 52.25, 13.25, ANY_FLOOR)).isEmpty();
            assertThat(index.size()).isEqualTo(4);
        }

        @Test
        void theSameZoneIdMayAppearInTwoStoresButNotTwiceInOne() {
            assertThat(ZoneIndex.of(List.of(polygon("z", "store-a", ANY_FLOOR, square), polygon("z", "store-b", ANY_FLOOR, square))).size())
                    .isEqualTo(2);
            assertThatThrownBy(() -> ZoneIndex.of(List.of(polygon("z", "store-a", ANY_FLOOR, square),
                    new ZoneArea("z", "store-a", OptionalInt.of(1), new ZoneArea.Circle(52, 13, 5)))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("zoneId z appears more than once in store store-a");
        }
    }

    @Test
    void anEmptyIndexAnswersNothing() {
        for (ZoneIndex empty : List.of(ZoneIndex.empty(), ZoneIndex.of(List.of()))) {
            assertThat(empty.size()).isZero();
            assertThat(empty.zonesCovering(STORE, 52.25, 13.25, ANY_FLOOR)).isEmpty();
            assertThat(empty.zonesCovering(STORE, 90, 180, OptionalInt.of(0))).isEmpty();
        }
    }

    @Test
    void answersAreUnmodifiable() {
        ZoneIndex index = ZoneIndex.of(List.of(polygon("square", STORE, ANY_FLOOR, SQUARE_WITH_HOLE)));
        assertThatThrownBy(() -> at(index, 52.0625, 13.0625).add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> at(index, 0, 0).add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Nested
    class Validation {

        private final ZoneIndex index = ZoneIndex.of(List.of(polygon("square", STORE, ANY_FLOOR, SQUARE_WITH_HOLE)));

        @ParameterizedTest(name = "lat {0} lon {1}")
        @CsvSource({
            "90.000001, 13,  'lat must be between -90 and 90, got 90.000001'",
            "-91,       13,  'lat must be between -90 and 90, got -91.0'",
            "NaN,       13,  'lat must be between -90 and 90, got NaN'",
            "Infinity,  13,  'lat must be between -90 and 90, got Infinity'",
            "52,  180.5,     'lon must be between -180 and 180, got 180.5'",
            "52,  -Infinity, 'lon must be between -180 and 180, got -Infinity'",
            "52,  NaN,       'lon must be between -180 and 180, got NaN'",
        })
        void aQueryOutsideWgs84IsRefusedNamingTheField(double lat, double lon, String message) {
            assertThatThrownBy(() -> index.zonesCovering(STORE, lat, lon, ANY_FLOOR))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
        }

        @Test
        void theCornersOfTheRangeAreAccepted() {
            for (double lat : new double[] {-90, 90}) {
                for (double lon : new double[] {-180, 180}) {
                    assertThat(index.zonesCovering(STORE, lat, lon, ANY_FLOOR)).isEmpty();
                }
            }
        }

        @Test
        void missingQueryPartsAreNamed() {
            assertThatNullPointerException().isThrownBy(() -> index.zonesCovering(null, 52, 13, ANY_FLOOR)).withMessage("storeId");
            assertThatNullPointerException().isThrownBy(() -> index.zonesCovering(STORE, 52, 13, null)).withMessage("floor");
            assertThatNullPointerException().isThrownBy(() -> ZoneIndex.of(null)).withMessage("zones");
            List<ZoneArea> withNull = new ArrayList<>();
            withNull.add(null);
            assertThatNullPointerException().isThrownBy(() -> ZoneIndex.of(withNull)).withMessage("zones must not hold null");
        }

        @ParameterizedTest(name = "lat {0} lon {1} radius {2}")
        @CsvSource({
            "91,   0,    10,        'lat must be between -90 and 90, got 91.0'",
            "NaN,  0,    10,        'lat must be between -90 and 90, got NaN'",
            "0,    -181, 10,        'lon must be between -180 and 180, got -181.0'",
            "0,    NaN,  10,        'lon must be between -180 and 180, got NaN'",
            "0,    0,    0,         'radiusMeters must be a finite number above 0, got 0.0'",
            "0,    0,    -5,        'radiusMeters must be a finite number above 0, got -5.0'",
            "0,    0,    NaN,       'radiusMeters must be a finite number above 0, got NaN'",
            "0,    0,    Infinity,  'radiusMeters must be a finite number above 0, got Infinity'",
        })
        void aCircleIsValidated(double lat, double lon, double radius, String message) {
            assertThatThrownBy(() -> new ZoneArea.Circle(lat, lon, radius))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message);
        }

        @Test
        void aPolygonalShapeIsAValidPolygonOrMultiPolygonWithinWgs84() {
            assertThatThrownBy(() -> new ZoneArea.Polygonal(wkt("LINESTRING (13 52, 13.5 52.5)")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("geometry must be a Polygon or MultiPolygon, not a LineString");
            assertThatThrownBy(() -> new ZoneArea.Polygonal(wkt("POLYGON EMPTY")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("geometry must not be empty");
            assertThatThrownBy(() -> new ZoneArea.Polygonal(wkt("POLYGON ((13 52, 13.5 52.5, 13.5 52, 13 52.5, 13 52))")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("geometry is not valid: Self-intersection at (13.25, 52.25");
            assertThatThrownBy(() -> new ZoneArea.Polygonal(wkt("POLYGON ((179 52, 181 52, 181 53, 179 53, 179 52))")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("geometry has a longitude (x) outside -180..180: 179.0 to 181.0");
            assertThatThrownBy(() -> new ZoneArea.Polygonal(wkt("POLYGON ((13 89, 14 89, 14 91, 13 91, 13 89))")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("geometry has a latitude (y) outside -90..90: 89.0 to 91.0");
            GeometryFactory factory = new GeometryFactory();
            Polygon withNaN = factory.createPolygon(new Coordinate[] {
                new Coordinate(13, 52), new Coordinate(Double.NaN, 52), new Coordinate(13.5, 52.5), new Coordinate(13, 52)});
            assertThatThrownBy(() -> new ZoneArea.Polygonal(withNaN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("geometry is not valid: Invalid Coordinate");
            assertThatNullPointerException().isThrownBy(() -> new ZoneArea.Polygonal(null)).withMessage("geometry");
        }

        @Test
        void aZoneNamesItsStoreAndItself() {
            ZoneArea.Circle circle = new ZoneArea.Circle(52, 13, 5);
            assertThatThrownBy(() -> new ZoneArea(" ", STORE, ANY_FLOOR, circle))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("zoneId must not be blank");
            assertThatThrownBy(() -> new ZoneArea("z", "", ANY_FLOOR, circle))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("storeId must not be blank");
            assertThatNullPointerException().isThrownBy(() -> new ZoneArea(null, STORE, ANY_FLOOR, circle)).withMessage("zoneId");
            assertThatNullPointerException().isThrownBy(() -> new ZoneArea("z", null, ANY_FLOOR, circle)).withMessage("storeId");
            assertThatNullPointerException().isThrownBy(() -> new ZoneArea("z", STORE, null, circle)).withMessage("floor");
            assertThatNullPointerException().isThrownBy(() -> new ZoneArea("z", STORE, ANY_FLOOR, null)).withMessage("shape");
        }
    }
}
