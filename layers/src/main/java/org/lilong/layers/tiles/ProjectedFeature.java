package org.lilong.layers.tiles;

import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A feature's geometry shifted into a datum and projected once to {@link WebMercator} world units,
 * flat in primitive arrays so that cutting a tile only scales and rounds numbers.
 *
 * <p>Vertices are {@code coords[2i], coords[2i + 1]}. Parts are runs of vertices: part {@code p} is
 * vertices {@code partStarts[p]} to {@code partStarts[p + 1] − 1}; a point is a part of one vertex, a
 * line string one part, a polygon ring one part (closed: its last vertex repeats its first). For
 * polygons, polygon {@code q} is parts {@code polygonStarts[q]} (its shell) to
 * {@code polygonStarts[q + 1] − 1} (its holes).
 */
final class ProjectedFeature {

    /** The MVT geometry kinds. */
    enum Kind { POINT, LINE, POLYGON }

    final Feature source;
    final long id;
    /** The attribute values in the layer's attribute order, as MVT can hold them (dates as text); null where absent. */
    final Object[] values;
    final Kind kind;
    final double[] coords;
    final int[] partStarts;
    final int[] polygonStarts;
    final double minX;
    final double minY;
    final double maxX;
    final double maxY;

    private ProjectedFeature(Feature source, Object[] values, Kind kind, double[] coords, int[] partStarts,
            int[] polygonStarts) {
        this.source = source;
        this.id = source.id();
        this.values = values;
        this.kind = kind;
        this.coords = coords;
        this.partStarts = partStarts;
        this.polygonStarts = polygonStarts;
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < coords.length; i += 2) {
            x0 = Math.min(x0, coords[i]);
            x1 = Math.max(x1, coords[i]);
            y0 = Math.min(y0, coords[i + 1]);
            y1 = Math.max(y1, coords[i + 1]);
        }
        this.minX = x0;
        this.minY = y0;
        this.maxX = x1;
        this.maxY = y1;
    }

    /**
     * The feature projected, or null when its geometry has nothing a tile can draw (empty, or a
     * collection mixing kinds, which MVT cannot hold in one feature).
     */
    static ProjectedFeature of(Feature feature, LayerDefinition layer, DatumShift shift) {
        Geometry geometry = feature.geometry();
        if (geometry.isEmpty()) {
            return null;
        }
        Kind kind = kindOf(geometry);
        if (kind == null) {
            return null;
        }
        Builder builder = new Builder(geometry.getNumPoints(), shift);
        for (int g = 0; g < geometry.getNumGeometries(); g++) {
            Geometry part = geometry.getGeometryN(g);
            if (part.isEmpty()) {
                continue;
            }
            switch (kind) {
                case POINT -> builder.part(((Point) part).getCoordinate());
                case LINE -> builder.part(((LineString) part).getCoordinates());
                case POLYGON -> {
                    Polygon polygon = (Polygon) part;
                    builder.polygon();
                    builder.part(polygon.getExteriorRing().getCoordinates());
                    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                        builder.part(polygon.getInteriorRingN(h).getCoordinates());
                    }
                }
            }
        }
        return builder.build(feature, values(feature, layer), kind);
    }

    private static Object[] values(Feature feature, LayerDefinition layer) {
        List<AttributeDefinition> attributes = layer.attributes();
        Object[] values = new Object[attributes.size()];
        for (int a = 0; a < values.length; a++) {
            Object value = feature.get(attributes.get(a).name());
            values[a] = value instanceof TemporalAccessor ? value.toString() : value;
        }
        return values;
    }

    private static Kind kindOf(Geometry geometry) {
        Kind kind = null;
        for (int g = 0; g < geometry.getNumGeometries(); g++) {
            Geometry part = geometry.getGeometryN(g);
            Kind partKind = part instanceof Point ? Kind.POINT
                    : part instanceof LineString ? Kind.LINE
                    : part instanceof Polygon ? Kind.POLYGON : null;
            if (partKind == null || (kind != null && kind != partKind)) {
                return null;
            }
            kind = partKind;
        }
        return kind;
    }

    long id() {
        return id;
    }

    Envelope envelope() {
        return new Envelope(minX, maxX, minY, maxY);
    }

    int partCount() {
        return partStarts.length - 1;
    }

    /** The projected geometry as JTS, in world units (for exact invalidation tests). */
    Geometry toWorldGeometry(GeometryFactory factory) {
        switch (kind) {
            case POINT -> {
                Point[] points = new Point[partCount()];
                for (int p = 0; p < points.length; p++) {
                    points[p] = factory.createPoint(coordinates(p)[0]);
                }
                return points.length == 1 ? points[0] : factory.createMultiPoint(points);
            }
            case LINE -> {
                LineString[] lines = new LineString[partCount()];
                for (int p = 0; p < lines.length; p++) {
                    lines[p] = factory.createLineString(coordinates(p));
                }
                return lines.length == 1 ? lines[0] : factory.createMultiLineString(lines);
            }
            default -> {
                Polygon[] polygons = new Polygon[polygonStarts.length - 1];
                for (int q = 0; q < polygons.length; q++) {
                    LinearRing shell = factory.createLinearRing(coordinates(polygonStarts[q]));
                    LinearRing[] holes = new LinearRing[polygonStarts[q + 1] - polygonStarts[q] - 1];
                    for (int h = 0; h < holes.length; h++) {
                        holes[h] = factory.createLinearRing(coordinates(polygonStarts[q] + 1 + h));
                    }
                    polygons[q] = factory.createPolygon(shell, holes);
                }
                return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
            }
        }
    }

    private Coordinate[] coordinates(int part) {
        Coordinate[] result = new Coordinate[partStarts[part + 1] - partStarts[part]];
        for (int i = 0; i < result.length; i++) {
            int v = partStarts[part] + i;
            result[i] = new Coordinate(coords[2 * v], coords[2 * v + 1]);
        }
        return result;
    }

    /** Collects projected vertices part by part. */
    private static final class Builder {
        private final double[] coords;
        private final DatumShift shift;
        private int vertices;
        private final IntList partStarts = new IntList();
        private final IntList polygonStarts = new IntList();

        Builder(int maxVertices, DatumShift shift) {
            this.coords = new double[2 * maxVertices];
            this.shift = shift;
        }

        void polygon() {
            polygonStarts.add(partStarts.size());
        }

        void part(Coordinate... points) {
            partStarts.add(vertices);
            for (Coordinate point : points) {
                double[] shifted = shift == DatumShift.NONE ? null : shift.apply(point.x, point.y);
                double lon = shifted == null ? point.x : shifted[0];
                double lat = shifted == null ? point.y : shifted[1];
                coords[2 * vertices] = WebMercator.x(lon);
                coords[2 * vertices + 1] = WebMercator.y(lat);
                vertices++;
            }
        }

        ProjectedFeature build(Feature feature, Object[] values, Kind kind) {
            partStarts.add(vertices);
            int[] polygons = null;
            if (kind == Kind.POLYGON) {
                polygonStarts.add(partStarts.size() - 1);
                polygons = polygonStarts.toArray();
            }
            double[] exact = vertices * 2 == coords.length ? coords : java.util.Arrays.copyOf(coords, vertices * 2);
            return new ProjectedFeature(feature, values, kind, exact, partStarts.toArray(), polygons);
        }
    }
}
