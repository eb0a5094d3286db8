package io.nearcast.geofence.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.Boundable;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Which zones of a store cover a position: an immutable spatial index over {@link ZoneArea}s of
 * one or many stores, built once ({@link #of}) and queried many times ({@link #zonesCovering}).
 *
 * <p><b>Semantics.</b> Positions are WGS84 degrees (latitude -90..90, longitude -180..180).
 * <ul>
 *   <li>A polygonal zone covers a position in the JTS sense of {@code covers}: inside, or on the
 *       boundary (a vertex or an edge of the shell, or of a hole). A position strictly inside a
 *       hole is outside. Polygons are planar in longitude/latitude (straight edges in degrees);
 *       longitude -180 and 180 are the same meridian, so a position on it is tested at both. A
 *       pole is not treated as one point for polygons (latitude 90 at different longitudes are
 *       different positions there); a zone around a pole should be a circle.</li>
 *   <li>A circle covers a position whose {@link Haversine} distance from the centre is at most the
 *       radius (metres).</li>
 *   <li>Floors: a query with a floor matches the zones on that floor and the zones without a
 *       floor; a query without a floor (a GPS fix, a scanner that does not know its floor)
 *       matches zones on every floor.</li>
 *   <li>A query for one store never answers another store's zones; an unknown store has none.</li>
 * </ul>
 *
 * <p><b>How.</b> Per store, one JTS {@link STRtree} holds every zone's envelope; a query walks it
 * for the envelopes containing the position, then tests each candidate exactly: a polygon with
 * {@link PreparedGeometry#covers}, a circle with the haversine distance. A circle's envelope is a
 * conservative latitude/longitude box: its longitude half-width is {@code asin(sin δ / cos φ)} for
 * the angular radius δ (widening towards the poles), padded a little for rounding. A circle that
 * reaches a pole, or whose box would cross the antimeridian, gets a box spanning every longitude
 * (-180..180): always correct, only a wider pre-filter for those rare circles.
 *
 * <p><b>Accuracy circles.</b> {@link #zonesReached} answers which zones the circle of a GPS fix's
 * accuracy reaches, and for each whether the circle lies wholly inside ({@link ZoneMatch#within}):
 * for a circular zone from the haversine distance d to its centre (reached when d ≤ R + a, within
 * when d + a ≤ R), for a polygon by testing a polygon circumscribed about the accuracy circle (see
 * {@code AccuracyCircle}). Across stores, a tree over the stores' bounding boxes finds the stores
 * that can answer.
 *
 * <p><b>Thread-safety.</b> Immutable once built and safe to share between any number of threads:
 * the trees and prepared geometries are built, and their lazily built parts forced, before the
 * constructor returns, and queries walk the trees themselves rather than through
 * {@code STRtree.query}, which enters the tree's monitor on every call (one lock per store, taken
 * by every reader). JTS's prepared polygons still enter a short monitor of their own per tested
 * candidate. To change the zones, build a new index; {@link LiveZoneIndex} swaps it in atomically.
 */
public final class ZoneIndex {

    /** Padding of a circle's box beyond the rounding of the formulas: 1e-9° is about 0.1 mm. */
    private static final double PAD_DEGREES = 1e-9;
    private static final double PAD_RELATIVE = 1e-9;
    private static final GeometryFactory FACTORY = new GeometryFactory();
    private static final ZoneIndex EMPTY = new ZoneIndex(Map.of(), 0);

    private final Map<String, StoreZones> stores;
    /** Every store's zones by the box around them, for queries that name no store; null when empty. */
    private final AbstractNode storeRoot;
    private final int size;

    private ZoneIndex(Map<String, StoreZones> stores, int size) {
        this.stores = stores;
        this.size = size;
        if (stores.isEmpty()) {
            this.storeRoot = null;
        } else {
            STRtree tree = new STRtree();
            stores.values().forEach(store -> tree.insert(store.bounds, store));
            this.storeRoot = tree.getRoot();
        }
    }

    /** An index without zones: every query answers an empty list. */
    public static ZoneIndex empty() {
        return EMPTY;
    }

    /**
     * Builds the index; the work is proportional to the zones' vertices, on the calling thread.
     *
     * @throws IllegalArgumentException when a zone id appears twice within one store
     * @throws NullPointerException     when {@code zones} is or holds null
     */
    public static ZoneIndex of(Collection<ZoneArea> zones) {
        Objects.requireNonNull(zones, "zones");
        Map<String, List<ZoneArea>> byStore = new HashMap<>();
        Set<List<String>> seen = new HashSet<>();
        for (ZoneArea zone : zones) {
            Objects.requireNonNull(zone, "zones must not hold null");
            if (!seen.add(List.of(zone.storeId(), zone.zoneId()))) {
                throw new IllegalArgumentException("zoneId " + zone.zoneId() + " appears more than once in store " + zone.storeId());
            }
            byStore.computeIfAbsent(zone.storeId(), store -> new ArrayList<>()).add(zone);
        }
        if (byStore.isEmpty()) {
            return EMPTY;
        }
        Map<String, StoreZones> stores = new HashMap<>();
        byStore.forEach((store, list) -> stores.put(store, new StoreZones(store, list)));
        return new ZoneIndex(Collections.unmodifiableMap(stores), seen.size());
    }

    /**
     * The ids of the store's zones that cover the position on the given floor, sorted (by
     * {@link String#compareTo}); empty when none does or the store has no zones.
     *
     * @param floor the floor the position is on, or empty to match zones on every floor
     * @throws IllegalArgumentException when {@code lat} or {@code lon} is out of range or not a number
     */
    public List<String> zonesCovering(String storeId, double lat, double lon, OptionalInt floor) {
        Objects.requireNonNull(storeId, "storeId");
        ZoneArea.requireLatitude("lat", lat);
        ZoneArea.requireLongitude("lon", lon);
        Objects.requireNonNull(floor, "floor");
        StoreZones store = stores.get(storeId);
        return store == null ? List.of() : store.covering(lat, lon, floor);
    }

    /**
     * The store's zones that the accuracy circle around a position reaches, sorted by zone id.
     * With a radius of 0 this is {@link #zonesCovering}, each match {@code within}.
     *
     * @param accuracyMeters radius of the circle, 0 or more
     * @throws IllegalArgumentException for a position out of range or a negative or non-finite radius
     */
    public List<ZoneMatch> zonesReached(String storeId, double lat, double lon, double accuracyMeters, OptionalInt floor) {
        Objects.requireNonNull(storeId, "storeId");
        Reach reach = reach(lat, lon, accuracyMeters, floor);
        StoreZones store = stores.get(storeId);
        if (store != null) {
            store.reach(reach);
        }
        return reach.result();
    }

    /**
     * Like {@link #zonesReached} over every store (a GPS fix names none), on every floor; sorted
     * by store id, then zone id.
     */
    public List<ZoneMatch> zonesReached(double lat, double lon, double accuracyMeters) {
        Reach reach = reach(lat, lon, accuracyMeters, OptionalInt.empty());
        if (storeRoot != null) {
            visitStores(storeRoot, reach);
        }
        return reach.result();
    }

    /** The zone with this id in this store, if the index holds it. */
    public Optional<ZoneArea> zone(String storeId, String zoneId) {
        StoreZones store = stores.get(storeId);
        return store == null ? Optional.empty() : Optional.ofNullable(store.areas.get(zoneId));
    }

    private static Reach reach(double lat, double lon, double accuracyMeters, OptionalInt floor) {
        ZoneArea.requireLatitude("lat", lat);
        ZoneArea.requireLongitude("lon", lon);
        Objects.requireNonNull(floor, "floor");
        if (!(accuracyMeters >= 0) || Double.isInfinite(accuracyMeters)) {
            throw new IllegalArgumentException("accuracyMeters must be a finite number of 0 or more, got " + accuracyMeters);
        }
        return new Reach(lat, lon, accuracyMeters, floor);
    }

    private static void visitStores(AbstractNode node, Reach reach) {
        for (Object child : node.getChildBoundables()) {
            Boundable boundable = (Boundable) child;
            if (!((Envelope) boundable.getBounds()).intersects(reach.box)) {
                continue;
            }
            if (boundable instanceof AbstractNode inner) {
                visitStores(inner, reach);
            } else {
                ((StoreZones) ((ItemBoundable) boundable).getItem()).reach(reach);
            }
        }
    }

    /** The number of zones, over all stores. */
    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return "ZoneIndex[" + size + " zones in " + stores.size() + " stores]";
    }

    /**
     * A conservative longitude/latitude box around a circle: every position whose haversine
     * distance from the centre is at most {@code radiusMeters} lies inside it.
     */
    static Envelope circleEnvelope(double lat, double lon, double radiusMeters) {
        double delta = radiusMeters / Haversine.EARTH_RADIUS_METERS * (1 + PAD_RELATIVE); // angular radius
        double phi = Math.toRadians(lat);
        double south = Math.toDegrees(phi - delta) - PAD_DEGREES;
        double north = Math.toDegrees(phi + delta) + PAD_DEGREES;
        if (south <= -90 || north >= 90) { // a pole is within reach: every longitude
            return new Envelope(-180, 180, Math.max(-90, south), Math.min(90, north));
        }
        double sinRatio = Math.sin(delta) / Math.cos(phi);
        if (!(sinRatio < 1)) {
            return new Envelope(-180, 180, south, north);
        }
        double halfWidth = Math.toDegrees(Math.asin(sinRatio)) + PAD_DEGREES;
        double west = lon - halfWidth;
        double east = lon + halfWidth;
        if (west <= -180 || east >= 180) { // across (or onto) the antimeridian: every longitude
            return new Envelope(-180, 180, south, north);
        }
        return new Envelope(west, east, south, north);
    }

    /** One store's zones: the root of a built STR-tree whose items are {@link Entry}s. */
    private static final class StoreZones {

        private final String storeId;
        private final AbstractNode root;
        private final Envelope bounds = new Envelope();
        private final Map<String, ZoneArea> areas = new HashMap<>();

        StoreZones(String storeId, List<ZoneArea> zones) {
            this.storeId = storeId;
            STRtree tree = new STRtree();
            for (ZoneArea zone : zones) {
                Entry entry = entry(zone);
                tree.insert(entry.envelope, entry);
                bounds.expandToInclude(entry.envelope);
                areas.put(zone.zoneId(), zone);
            }
            this.root = tree.getRoot(); // builds the tree; never modified afterwards
        }

        void reach(Reach reach) {
            reach.visit(this, root);
        }

        List<String> covering(double lat, double lon, OptionalInt floor) {
            Search search = new Search(lat, floor);
            search.visit(root, lon);
            if (lon == 180 || lon == -180) {
                search.visit(root, -lon); // the same meridian
            }
            return search.result();
        }

        private static Entry entry(ZoneArea zone) {
            ZoneArea.Shape shape = zone.shape();
            if (shape instanceof ZoneArea.Circle circle) {
                return new CircleEntry(zone, circle);
            }
            return new PolygonEntry(zone, (ZoneArea.Polygonal) shape);
        }
    }

    /** One query: the position, the floor, and the zones found so far. */
    private static final class Search {

        final double lat;
        final OptionalInt floor;
        final List<String> hits = new ArrayList<>(4);
        private Point point;

        Search(double lat, OptionalInt floor) {
            this.lat = lat;
            this.floor = floor;
        }

        void visit(AbstractNode node, double lon) {
            for (Object child : node.getChildBoundables()) {
                Boundable boundable = (Boundable) child;
                if (!((Envelope) boundable.getBounds()).intersects(lon, lat)) {
                    continue;
                }
                if (boundable instanceof AbstractNode inner) {
                    visit(inner, lon);
                } else {
                    Entry entry = (Entry) ((ItemBoundable) boundable).getItem();
                    if (entry.onFloor(floor) && entry.covers(this, lon) && !hits.contains(entry.zoneId)) {
                        hits.add(entry.zoneId);
                    }
                }
            }
        }

        Point point(double lon) {
            if (point == null || point.getX() != lon) {
                point = FACTORY.createPoint(new Coordinate(lon, lat));
            }
            return point;
        }

        List<String> result() {
            if (hits.isEmpty()) {
                return List.of();
            }
            Collections.sort(hits);
            return Collections.unmodifiableList(hits);
        }
    }

    /** One accuracy-circle query: the circle, its box, the floor, and the zones found so far. */
    private static final class Reach {

        final double lat;
        final double lon;
        final double radius;
        final OptionalInt floor;
        final Envelope box;
        final List<ZoneMatch> hits = new ArrayList<>(4);
        private Geometry area;

        Reach(double lat, double lon, double radius, OptionalInt floor) {
            this.lat = lat;
            this.lon = lon;
            this.radius = radius;
            this.floor = floor;
            this.box = radius == 0 ? new Envelope(lon, lon, lat, lat) : circleEnvelope(lat, lon, radius);
        }

        void visit(StoreZones store, AbstractNode node) {
            for (Object child : node.getChildBoundables()) {
                Boundable boundable = (Boundable) child;
                if (!((Envelope) boundable.getBounds()).intersects(box)) {
                    continue;
                }
                if (boundable instanceof AbstractNode inner) {
                    visit(store, inner);
                } else {
                    Entry entry = (Entry) ((ItemBoundable) boundable).getItem();
                    if (entry.onFloor(floor)) {
                        Relation relation = entry.reach(this);
                        if (relation != Relation.APART) {
                            hits.add(new ZoneMatch(store.storeId, entry.zoneId, relation == Relation.WITHIN));
                        }
                    }
                }
            }
        }

        /** The accuracy circle as a polygon (or the point itself for radius 0), built once per query. */
        Geometry area() {
            if (area == null) {
                area = radius == 0 ? FACTORY.createPoint(new Coordinate(lon, lat)) : AccuracyCircle.polygon(FACTORY, lat, lon, radius);
            }
            return area;
        }

        List<ZoneMatch> result() {
            if (hits.isEmpty()) {
                return List.of();
            }
            hits.sort(Comparator.comparing(ZoneMatch::storeId).thenComparing(ZoneMatch::zoneId));
            return Collections.unmodifiableList(hits);
        }
    }

    /** How an accuracy circle lies to a zone. */
    private enum Relation { APART, TOUCHING, WITHIN }

    private abstract static class Entry {

        final String zoneId;
        final Envelope envelope;
        private final boolean hasFloor;
        private final int floor;

        Entry(ZoneArea zone, Envelope envelope) {
            this.zoneId = zone.zoneId();
            this.envelope = envelope;
            this.hasFloor = zone.floor().isPresent();
            this.floor = zone.floor().orElse(0);
        }

        final boolean onFloor(OptionalInt query) {
            return !hasFloor || query.isEmpty() || query.getAsInt() == floor;
        }

        abstract boolean covers(Search search, double lon);

        abstract Relation reach(Reach reach);
    }

    private static final class PolygonEntry extends Entry {

        private final PreparedGeometry prepared;

        PolygonEntry(ZoneArea zone, ZoneArea.Polygonal shape) {
            this(zone, shape.geometry().copy()); // the index's own copy: nobody else can change it
        }

        private PolygonEntry(ZoneArea zone, Geometry geometry) {
            super(zone, geometry.getEnvelopeInternal());
            this.prepared = PreparedGeometryFactory.prepare(geometry);
            // force the lazily built point locator now, before the index is shared
            prepared.covers(FACTORY.createPoint(envelope.centre()));
        }

        @Override
        boolean covers(Search search, double lon) {
            return prepared.covers(search.point(lon));
        }

        @Override
        Relation reach(Reach reach) {
            Geometry area = reach.area();
            if (!prepared.intersects(area)) {
                return Relation.APART;
            }
            return prepared.covers(area) ? Relation.WITHIN : Relation.TOUCHING;
        }
    }

    private static final class CircleEntry extends Entry {

        private final double lat;
        private final double lon;
        private final double radiusMeters;

        CircleEntry(ZoneArea zone, ZoneArea.Circle circle) {
            super(zone, circleEnvelope(circle.lat(), circle.lon(), circle.radiusMeters()));
            this.lat = circle.lat();
            this.lon = circle.lon();
            this.radiusMeters = circle.radiusMeters();
        }

        @Override
        boolean covers(Search search, double queryLon) {
            return Haversine.distanceMeters(lat, lon, search.lat, queryLon) <= radiusMeters;
        }

        @Override
        Relation reach(Reach reach) {
            double distance = Haversine.distanceMeters(lat, lon, reach.lat, reach.lon);
            if (distance + reach.radius <= radiusMeters) {
                return Relation.WITHIN;
            }
            return distance <= radiusMeters + reach.radius ? Relation.TOUCHING : Relation.APART;
        }
    }
}
