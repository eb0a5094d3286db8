package io.nearcast.geofence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The index against brute force: thousands of random valid zones (convex, concave, with holes,
 * multipolygons, axis-aligned) and circles in stores that overlap on the map, queried at random
 * positions, at every vertex and at edge midpoints (exactly on the boundary, see
 * {@link RandomZones}), on every floor. The reference tests every zone of the store with
 * {@link Geometry#covers} or the haversine distance. Replay a failure with the seed from its
 * message: {@code mvn -pl geofence-service test -Dtest=ZoneIndexPropertyTest -Dzoneindex.seed=<seed>}.
 */
class ZoneIndexPropertyTest {

    private static final long SEED = Long.getLong("zoneindex.seed", 20_250_611L);
    private static final int STORES = 160;
    private static final int POLYGONS_PER_STORE = 14;
    private static final int CIRCLES_PER_STORE = 3;
    /** About 22 m of latitude: zones are 1 to 4 units across and scattered over ±8 units of the site. */
    private static final double UNIT = 0.0002;
    private static final List<OptionalInt> QUERY_FLOORS = List.of(OptionalInt.empty(), OptionalInt.of(0), OptionalInt.of(1), OptionalInt.of(2));

    /** Where the stores are: equator, Berlin, Sydney, Reykjavík, Svalbard, Tokyo, next to the antimeridian, Ushuaia. */
    private static final double[][] SITES = {
        {0.0, 10.0}, {52.5, 13.4}, {-33.9, 151.2}, {64.1, -21.9}, {78.2, 15.6}, {35.7, 139.7}, {-17.0, 179.997}, {-54.8, -68.3},
    };

    private record Zone(ZoneArea area, Geometry geometry, ZoneArea.Circle circle) {

        boolean covers(double lat, double lon) {
            if (circle != null) {
                return Haversine.distanceMeters(circle.lat(), circle.lon(), lat, lon) <= circle.radiusMeters();
            }
            return geometry.covers(RandomZones.FACTORY.createPoint(new Coordinate(lon, lat)));
        }

        boolean onFloor(OptionalInt query) {
            return area.floor().isEmpty() || query.isEmpty() || query.getAsInt() == area.floor().getAsInt();
        }
    }

    /** A query position; {@code onBoundaryOf} names the zone whose boundary it lies exactly on, if any. */
    private record Probe(double lat, double lon, String onBoundaryOf) {
    }

    private final Random random = new Random(SEED);
    private final RandomZones shapes = new RandomZones(random);

    @Test
    void agreesWithBruteForceOnRandomZonesAndPositions() {
        long started = System.nanoTime();
        List<List<Zone>> stores = new ArrayList<>();
        List<ZoneArea> all = new ArrayList<>();
        int polygons = 0;
        int withHoles = 0;
        int multi = 0;
        int concave = 0;
        for (int s = 0; s < STORES; s++) {
            double[] site = SITES[s % SITES.length];
            List<Zone> zones = zonesOfStore("store-" + s, site[0], site[1]);
            for (Zone zone : zones) {
                all.add(zone.area());
                if (zone.geometry() != null) {
                    polygons++;
                    withHoles += hasHoles(zone.geometry()) ? 1 : 0;
                    multi += zone.geometry().getNumGeometries() > 1 ? 1 : 0;
                    concave += zone.geometry().getArea() < zone.geometry().convexHull().getArea() * 0.999 ? 1 : 0;
                }
            }
            stores.add(zones);
        }
        ZoneIndex index = ZoneIndex.of(all);
        assertThat(index.size()).isEqualTo(all.size());

        List<String> mismatches = new ArrayList<>();
        long queries = 0;
        long boundaryProbes = 0;
        long answersWithZones = 0;
        for (int s = 0; s < STORES; s++) {
            String storeId = "store-" + s;
            List<Zone> zones = stores.get(s);
            for (Probe probe : probes(zones, SITES[s % SITES.length])) {
                boolean[] covered = new boolean[zones.size()];
                for (int z = 0; z < zones.size(); z++) {
                    covered[z] = zones.get(z).covers(probe.lat(), probe.lon());
                }
                boundaryProbes += probe.onBoundaryOf() == null ? 0 : 1;
                for (OptionalInt floor : QUERY_FLOORS) {
                    List<String> expected = new ArrayList<>();
                    for (int z = 0; z < zones.size(); z++) {
                        if (covered[z] && zones.get(z).onFloor(floor)) {
                            expected.add(zones.get(z).area().zoneId());
                        }
                    }
                    expected.sort(null);
                    List<String> actual = index.zonesCovering(storeId, probe.lat(), probe.lon(), floor);
                    queries++;
                    answersWithZones += actual.isEmpty() ? 0 : 1;
                    if (!actual.equals(expected) && mismatches.size() < 20) {
                        mismatches.add(storeId + " at lat " + probe.lat() + " lon " + probe.lon() + " floor " + floor + ": index " + actual + ", brute force " + expected);
                    }
                    if (probe.onBoundaryOf() != null && floor.isEmpty() && !actual.contains(probe.onBoundaryOf()) && mismatches.size() < 20) {
                        mismatches.add(storeId + " at lat " + probe.lat() + " lon " + probe.lon() + " lies on the boundary of " + probe.onBoundaryOf() + " but the index answers " + actual);
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("ZoneIndexPropertyTest seed %d: %d stores, %d polygons (%d with holes, %d multipolygons, %d concave), %d circles;"
                        + " %d queries (%d on boundaries), %d answered zones; %d shapes discarded as invalid; %.1f s%n",
                SEED, STORES, polygons, withHoles, multi, concave, all.size() - polygons, queries, boundaryProbes * QUERY_FLOORS.size(),
                answersWithZones, shapes.discarded, seconds);

        assertThat(mismatches).as("seed %d: index vs brute force (replay with -Dzoneindex.seed=%d)", SEED, SEED).isEmpty();
        assertThat(polygons).as("seed %d", SEED).isGreaterThanOrEqualTo(2_000);
        assertThat(withHoles).as("seed %d: polygons with holes", SEED).isGreaterThan(200);
        assertThat(multi).as("seed %d: multipolygons", SEED).isGreaterThan(200);
        assertThat(concave).as("seed %d: concave polygons", SEED).isGreaterThan(500);
        assertThat(boundaryProbes).as("seed %d: boundary positions", SEED).isGreaterThan(20_000);
        assertThat(answersWithZones).as("seed %d: queries answered with a zone", SEED).isGreaterThan(queries / 5);
    }

    private List<Zone> zonesOfStore(String storeId, double siteLat, double siteLon) {
        List<Zone> zones = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        RandomZones.Kind[] kinds = RandomZones.Kind.values();
        for (int i = 0; i < POLYGONS_PER_STORE + CIRCLES_PER_STORE; i++) {
            String id = uniqueId(ids);
            OptionalInt floor = random.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(random.nextInt(3));
            double lat = siteLat + (random.nextDouble() * 2 - 1) * 8 * UNIT;
            double lon = Math.min(180, siteLon + (random.nextDouble() * 2 - 1) * 8 * UNIT);
            if (i < POLYGONS_PER_STORE) {
                Geometry geometry = shapes.next(kinds[i % kinds.length], lon, lat, UNIT * (1 + 3 * random.nextDouble()));
                zones.add(new Zone(new ZoneArea(id, storeId, floor, new ZoneArea.Polygonal(geometry)), geometry, null));
            } else {
                ZoneArea.Circle circle = new ZoneArea.Circle(lat, lon, 5 + random.nextDouble() * 150);
                zones.add(new Zone(new ZoneArea(id, storeId, floor, circle), null, circle));
            }
        }
        return zones;
    }

    /** Random positions over the site, around each zone, on its vertices and edge midpoints, and just inside and outside each circle. */
    private List<Probe> probes(List<Zone> zones, double[] site) {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            add(probes, site[0] + (random.nextDouble() * 2 - 1) * 10 * UNIT, site[1] + (random.nextDouble() * 2 - 1) * 10 * UNIT, null);
        }
        for (Zone zone : zones) {
            String id = zone.area().zoneId();
            if (zone.circle() != null) {
                ZoneArea.Circle c = zone.circle();
                for (int i = 0; i < 8; i++) {
                    double bearing = random.nextDouble() * 360;
                    double[] in = Geo.destination(c.lat(), c.lon(), bearing, c.radiusMeters() - 0.01);
                    double[] out = Geo.destination(c.lat(), c.lon(), bearing, c.radiusMeters() + 0.01);
                    double[] any = Geo.destination(c.lat(), c.lon(), bearing, c.radiusMeters() * 1.5 * random.nextDouble());
                    add(probes, in[0], in[1], null);
                    add(probes, out[0], out[1], null);
                    add(probes, any[0], any[1], null);
                }
                continue;
            }
            Geometry g = zone.geometry();
            var box = g.getEnvelopeInternal();
            for (int i = 0; i < 8; i++) {
                add(probes, box.getMinY() - 0.1 * box.getHeight() + random.nextDouble() * 1.2 * box.getHeight(),
                        box.getMinX() - 0.1 * box.getWidth() + random.nextDouble() * 1.2 * box.getWidth(), null);
            }
            for (Coordinate[] ring : rings(g)) { // shells and holes; a ring's last point repeats its first
                for (int i = 0; i + 1 < ring.length; i++) {
                    Coordinate a = ring[i];
                    Coordinate b = ring[i + 1];
                    if (random.nextInt(3) == 0) { // a sample of the vertices
                        add(probes, a.y, a.x, id);
                    }
                    // exactly on the edge: both ends are multiples of 2^-22, so the midpoint is exact in binary
                    add(probes, (a.y + b.y) / 2, (a.x + b.x) / 2, id);
                }
            }
        }
        return probes;
    }

    private static List<Coordinate[]> rings(Geometry g) {
        List<Coordinate[]> rings = new ArrayList<>();
        for (int p = 0; p < g.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) g.getGeometryN(p);
            rings.add(polygon.getExteriorRing().getCoordinates());
            for (int r = 0; r < polygon.getNumInteriorRing(); r++) {
                rings.add(polygon.getInteriorRingN(r).getCoordinates());
            }
        }
        return rings;
    }

    private static void add(List<Probe> probes, double lat, double lon, String onBoundaryOf) {
        if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) {
            probes.add(new Probe(lat, lon, onBoundaryOf));
        }
    }

    private static boolean hasHoles(Geometry g) {
        for (int p = 0; p < g.getNumGeometries(); p++) {
            if (((Polygon) g.getGeometryN(p)).getNumInteriorRing() > 0) {
                return true;
            }
        }
        return false;
    }

    private String uniqueId(Set<String> ids) {
        while (true) {
            String id = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            if (ids.add(id)) {
                return id;
            }
        }
    }
}
