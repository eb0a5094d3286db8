package io.nearcast.geofence.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Random valid zone geometries around a centre, for the property test. Every geometry is snapped
 * to a grid of 2^-22 degrees (about 2.6 cm), so the midpoint of any edge is a double lying
 * exactly on that edge; generated shapes that are invalid after snapping are thrown away and drawn
 * again.
 */
final class RandomZones {

    enum Kind { CONVEX, STAR, STAR_WITH_HOLES, MULTI, BUFFERED_POINTS, BUFFERED_LINE, RECTILINEAR }

    /** 2^22: coordinates are multiples of 2^-22 degrees. */
    static final double GRID_SCALE = 1 << 22;
    static final GeometryFactory FACTORY = new GeometryFactory();
    private static final PrecisionModel GRID = new PrecisionModel(GRID_SCALE);

    private final Random random;
    int drawn;
    int discarded;

    RandomZones(Random random) {
        this.random = random;
    }

    static double snap(double value) {
        return Math.round(value * GRID_SCALE) / GRID_SCALE;
    }

    /** A valid Polygon or MultiPolygon of the given kind, about {@code size} degrees across, inside the WGS84 range. */
    Geometry next(Kind kind, double cx, double cy, double size) {
        while (true) {
            drawn++;
            Geometry raw = draw(kind, cx, cy, size / 2);
            Geometry snapped = raw == null ? null : GeometryPrecisionReducer.reduce(raw, GRID);
            if (snapped != null && (snapped instanceof Polygon || snapped instanceof MultiPolygon) && !snapped.isEmpty()
                    && snapped.isValid() && snapped.getArea() > 0 && inRange(snapped.getEnvelopeInternal())) {
                return snapped;
            }
            discarded++;
        }
    }

    private static boolean inRange(Envelope box) {
        return box.getMinX() >= -180 && box.getMaxX() <= 180 && box.getMinY() >= -90 && box.getMaxY() <= 90;
    }

    private Geometry draw(Kind kind, double cx, double cy, double r) {
        switch (kind) {
            case CONVEX:
                return convex(cx, cy, r);
            case STAR:
                return star(cx, cy, 3 + random.nextInt(14), 0.2 * r, r);
            case STAR_WITH_HOLES:
                return starWithHoles(cx, cy, r);
            case MULTI:
                return multi(cx, cy, r);
            case BUFFERED_POINTS:
                return bufferedPoints(cx, cy, r);
            case BUFFERED_LINE:
                return bufferedLine(cx, cy, r);
            case RECTILINEAR:
                return rectilinear(cx, cy, r);
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private Geometry convex(double cx, double cy, double r) {
        int n = 3 + random.nextInt(10);
        Coordinate[] points = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            points[i] = new Coordinate(cx + (random.nextDouble() * 2 - 1) * r, cy + (random.nextDouble() * 2 - 1) * r);
        }
        Geometry hull = new ConvexHull(points, FACTORY).getConvexHull();
        return hull instanceof Polygon ? hull : null;
    }

    /**
     * A polygon star-shaped around the centre: k angles, one in each of k equal sectors, with
     * radii in [rMin, rMax]. Simple because the angles increase; contains the disc of radius
     * rMin·cos(gap/2) where gap < 2·2π/k.
     */
    Polygon star(double cx, double cy, int k, double rMin, double rMax) {
        return FACTORY.createPolygon(starRing(cx, cy, k, rMin, rMax));
    }

    private LinearRing starRing(double cx, double cy, int k, double rMin, double rMax) {
        Coordinate[] ring = new Coordinate[k + 1];
        double sector = 2 * Math.PI / k;
        for (int i = 0; i < k; i++) {
            double angle = (i + 0.1 + 0.8 * random.nextDouble()) * sector;
            double radius = rMin + random.nextDouble() * (rMax - rMin);
            ring[i] = new Coordinate(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
        }
        ring[k] = ring[0].copy();
        return FACTORY.createLinearRing(ring);
    }

    /** A star shell with radii ≥ 0.6 r and 8+ sectors (so it contains the disc of 0.42 r) around one or two star holes within 0.35 r. */
    private Polygon starWithHoles(double cx, double cy, double r) {
        LinearRing shell = starRing(cx, cy, 8 + random.nextInt(9), 0.6 * r, r);
        int holes = 1 + random.nextInt(2);
        LinearRing[] rings = new LinearRing[holes];
        for (int i = 0; i < holes; i++) {
            double side = i == 0 ? 1 : -1;
            rings[i] = starRing(cx + side * 0.2 * r, cy, 3 + random.nextInt(6), 0.05 * r, 0.15 * r);
        }
        return FACTORY.createPolygon(shell, rings);
    }

    /** Two or three parts side by side, each convex, a star or a star with holes. */
    private Geometry multi(double cx, double cy, double r) {
        int parts = 2 + random.nextInt(2);
        double partRadius = r / parts;
        List<Polygon> polygons = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            double px = cx - r + partRadius * (2 * i + 1);
            double py = cy + (random.nextDouble() * 2 - 1) * partRadius;
            double pr = partRadius * (0.5 + 0.45 * random.nextDouble());
            int shape = random.nextInt(3);
            Geometry part = shape == 0 ? convex(px, py, pr / 1.5) : shape == 1 ? star(px, py, 3 + random.nextInt(10), 0.3 * pr, pr) : starWithHoles(px, py, pr);
            if (!(part instanceof Polygon)) {
                return null;
            }
            polygons.add((Polygon) part);
        }
        return FACTORY.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    /** Discs around a few points, merged where they overlap: a Polygon or MultiPolygon, sometimes with holes. */
    private Geometry bufferedPoints(double cx, double cy, double r) {
        int n = 2 + random.nextInt(5);
        Coordinate[] points = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            points[i] = new Coordinate(cx + (random.nextDouble() * 2 - 1) * r * 0.7, cy + (random.nextDouble() * 2 - 1) * r * 0.7);
        }
        return FACTORY.createMultiPointFromCoords(points).buffer(r * (0.15 + 0.3 * random.nextDouble()), 2 + random.nextInt(4));
    }

    /** A thick random path: concave, and a hole where it crosses itself into a loop. */
    private Geometry bufferedLine(double cx, double cy, double r) {
        int n = 3 + random.nextInt(5);
        Coordinate[] points = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            points[i] = new Coordinate(cx + (random.nextDouble() * 2 - 1) * r * 0.8, cy + (random.nextDouble() * 2 - 1) * r * 0.8);
        }
        LineString path = FACTORY.createLineString(points);
        return path.buffer(r * (0.03 + 0.1 * random.nextDouble()), 1 + random.nextInt(3));
    }

    /** Axis-aligned: a rectangle with rectangular holes, or the union of a few rectangles. */
    private Geometry rectilinear(double cx, double cy, double r) {
        if (random.nextBoolean()) {
            Polygon shell = rectangle(cx - r, cy - r * 0.8, cx + r, cy + r * 0.8);
            int holes = random.nextInt(3);
            LinearRing[] rings = new LinearRing[holes];
            for (int i = 0; i < holes; i++) {
                double left = cx - r * 0.8 + i * r * 0.55;
                rings[i] = rectangle(left, cy - r * 0.5 * random.nextDouble() - 0.1 * r, left + r * (0.1 + 0.3 * random.nextDouble()),
                        cy + r * 0.5 * random.nextDouble() + 0.1 * r).getExteriorRing();
            }
            return FACTORY.createPolygon(shell.getExteriorRing(), rings);
        }
        int n = 2 + random.nextInt(4);
        List<Geometry> rectangles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = cx + (random.nextDouble() * 2 - 1) * r * 0.6;
            double y = cy + (random.nextDouble() * 2 - 1) * r * 0.6;
            double w = r * (0.1 + 0.4 * random.nextDouble());
            double h = r * (0.1 + 0.4 * random.nextDouble());
            rectangles.add(rectangle(x - w, y - h, x + w, y + h));
        }
        return UnaryUnionOp.union(rectangles);
    }

    static Polygon rectangle(double minX, double minY, double maxX, double maxY) {
        double x0 = snap(minX);
        double y0 = snap(minY);
        double x1 = snap(maxX);
        double y1 = snap(maxY);
        return FACTORY.createPolygon(new Coordinate[] {
            new Coordinate(x0, y0), new Coordinate(x1, y0), new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }
}
