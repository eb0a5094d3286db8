package io.nearcast.benchmarks;

import io.nearcast.geofence.domain.ZoneArea;
import io.nearcast.geofence.domain.ZoneIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;

/**
 * Store-like zones for the zone benchmarks, all in one store: aisle rectangles, L-shaped areas and
 * rooms with a pillar (a hole), 3–30 m across, one per 32 m tile, plus a circle in every fifty;
 * and 4,096 query points over the whole area (in one or two zones, or in a corridor). Fixed seed.
 * Every polygon edge is parallel to a meridian or a parallel (exactly, in degrees): the midpoint
 * of an edge lies exactly on it.
 */
final class StoreLikeZones {

    static final String STORE = "store";
    static final int POINTS = 4_096;
    private static final double ORIGIN_LAT = 52.5;
    private static final double ORIGIN_LON = 13.4;
    private static final double LAT_PER_M = 1 / 111_320.0;
    private static final double LON_PER_M = 1 / (111_320.0 * Math.cos(Math.toRadians(ORIGIN_LAT)));
    private static final double TILE_METRES = 32;

    final ZoneIndex index;
    /** Every zone, in id order z0, z1, ...; the same ones {@link #index} holds (for other engines, e.g. PostGIS). */
    final List<ZoneArea> zones;
    final List<Geometry> polygons = new ArrayList<>();
    final double[] lats = new double[POINTS];
    final double[] lons = new double[POINTS];

    StoreLikeZones(int zones) {
        Random random = new Random(20261123L);
        GeometryFactory factory = new GeometryFactory();
        List<ZoneArea> areas = new ArrayList<>(zones);
        int perRow = (int) Math.ceil(Math.sqrt(zones));
        for (int i = 0; i < zones; i++) {
            double x0 = (i % perRow) * TILE_METRES + random.nextDouble() * 2;
            double y0 = (i / perRow) * TILE_METRES + random.nextDouble() * 2;
            double w = 3 + random.nextDouble() * 27;
            double h = 3 + random.nextDouble() * 27;
            if (i % 50 == 49) {
                areas.add(new ZoneArea("z" + i, STORE, OptionalInt.empty(), new ZoneArea.Circle(lat(y0 + h / 2), lon(x0 + w / 2), Math.min(w, h) / 2)));
                continue;
            }
            Geometry shape = switch (i % 3) {
                case 0 -> factory.createPolygon(ring(factory, x0, y0, x0 + w, y0, x0 + w, y0 + h, x0, y0 + h));
                case 1 -> factory.createPolygon(ring(factory, x0, y0, x0 + w, y0, x0 + w, y0 + h / 2, x0 + w / 2, y0 + h / 2, x0 + w / 2, y0 + h, x0, y0 + h));
                default -> factory.createPolygon(ring(factory, x0, y0, x0 + w, y0, x0 + w, y0 + h, x0, y0 + h),
                        new LinearRing[] {ring(factory, x0 + w * 0.4, y0 + h * 0.4, x0 + w * 0.6, y0 + h * 0.4, x0 + w * 0.6, y0 + h * 0.6,
                                x0 + w * 0.4, y0 + h * 0.6)});
            };
            areas.add(new ZoneArea("z" + i, STORE, OptionalInt.empty(), new ZoneArea.Polygonal(shape)));
            polygons.add(shape);
        }
        index = ZoneIndex.of(areas);
        this.zones = List.copyOf(areas);
        double extent = perRow * TILE_METRES;
        for (int i = 0; i < POINTS; i++) {
            lats[i] = lat(random.nextDouble() * extent);
            lons[i] = lon(random.nextDouble() * extent);
        }
    }

    private static double lat(double metresNorth) {
        return ORIGIN_LAT + metresNorth * LAT_PER_M;
    }

    private static double lon(double metresEast) {
        return ORIGIN_LON + metresEast * LON_PER_M;
    }

    private static LinearRing ring(GeometryFactory factory, double... metres) {
        Coordinate[] coordinates = new Coordinate[metres.length / 2 + 1];
        for (int i = 0; i < metres.length / 2; i++) {
            coordinates[i] = new Coordinate(lon(metres[2 * i]), lat(metres[2 * i + 1]));
        }
        coordinates[coordinates.length - 1] = coordinates[0];
        return factory.createLinearRing(coordinates);
    }
}
