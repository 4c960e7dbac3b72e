package org.lilong.geodata.io.geojson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import org.lilong.geodata.crs.CrsRegistry;
import org.lilong.geodata.io.FeatureSource;
import org.lilong.geodata.io.FeatureSourceException;
import org.lilong.geodata.io.RecordException;
import org.lilong.geodata.io.SourceField;
import org.lilong.geodata.io.SourceRecord;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A GeoJSON FeatureCollection (or a single Feature), streamed with Jackson so that a large file never
 * sits in memory whole: only one feature at a time is read into a tree.
 *
 * <p>{@link #open} makes a first pass that checks the syntax, counts the features and collects every
 * property name (GeoJSON has no schema) and the {@code crs} member, wherever in the object it is;
 * each iteration is a further pass. Without a {@code crs} member the CRS is WGS84 longitude/latitude,
 * as RFC 7946 says; a 2008-style {@code crs} with a name (EPSG:4549, urn:ogc:def:crs:EPSG::4549, ...)
 * is honoured.
 */
public final class GeoJsonSource implements FeatureSource {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final List<SourceField> fields;
    private final long size;
    private final String declaredCrs;
    private final Optional<String> crsCode;
    private final boolean singleFeature;
    private final List<JsonParser> openParsers = new ArrayList<>();
    private final GeoJsonGeometries geometries = new GeoJsonGeometries(new GeometryFactory());

    private GeoJsonSource(Path file, List<SourceField> fields, long size, String declaredCrs, boolean singleFeature) {
        this.file = file;
        this.fields = List.copyOf(fields);
        this.size = size;
        this.declaredCrs = declaredCrs;
        this.crsCode = declaredCrs == null ? Optional.of("EPSG:4326") : CrsRegistry.codeFromWkt(declaredCrs);
        this.singleFeature = singleFeature;
    }

    /** @throws FeatureSourceException when the file is not valid JSON or not a FeatureCollection or Feature */
    public static GeoJsonSource open(Path file) {
        Scan scan = new Scan();
        Scan lone = new Scan(); // the properties of a file that is a single Feature
        try (JsonParser parser = parser(file)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new FeatureSourceException(file, "not GeoJSON: the file is not a JSON object");
            }
            String type = null;
            boolean sawFeatures = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "type" -> type = parser.getValueAsString();
                    case "crs" -> scan.crs = crsName(parser.readValueAsTree());
                    case "features" -> {
                        sawFeatures = true;
                        if (value != JsonToken.START_ARRAY) {
                            throw new FeatureSourceException(file, "not GeoJSON: \"features\" is not an array");
                        }
                        while (parser.nextToken() != JsonToken.END_ARRAY) {
                            if (parser.currentToken() != JsonToken.START_OBJECT) {
                                throw new FeatureSourceException(file, "not GeoJSON: feature " + (scan.count + 1) + " is not an object");
                            }
                            scan.feature(parser);
                        }
                    }
                    case "properties" -> lone.properties(parser);
                    default -> parser.skipChildren();
                }
            }
            if ("Feature".equals(type)) {
                return new GeoJsonSource(file, lone.fields(), 1, scan.crs, true);
            }
            if (!"FeatureCollection".equals(type) || !sawFeatures) {
                throw new FeatureSourceException(file, "not a GeoJSON FeatureCollection"
                        + (type == null ? "" : " (its type is '" + type + "')"));
            }
            return new GeoJsonSource(file, scan.fields(), scan.count, scan.crs, false);
        } catch (JsonProcessingException e) {
            throw new FeatureSourceException(file, "not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FeatureSourceException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static JsonParser parser(Path file) throws IOException {
        JsonParser parser = MAPPER.getFactory().createParser(file.toFile());
        parser.setCodec(MAPPER);
        return parser;
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The name of a 2008-style {"type": "name", "properties": {"name": ...}} crs member; its text otherwise. */
    private static String crsName(JsonNode crs) {
        if (crs == null || crs.isNull()) {
            return null;
        }
        JsonNode name = crs.path("properties").path("name");
        return name.isTextual() ? name.asText() : crs.toString();
    }

    /** What the first pass learns. */
    private static final class Scan {
        final Map<String, String> fieldTypes = new LinkedHashMap<>();
        long count;
        String crs;

        void feature(JsonParser parser) throws IOException {
            count++;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("properties")) {
                    properties(parser);
                } else {
                    parser.skipChildren();
                }
            }
        }

        void properties(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                String type = switch (value) {
                    case VALUE_STRING -> "string";
                    case VALUE_NUMBER_INT -> "integer";
                    case VALUE_NUMBER_FLOAT -> "number";
                    case VALUE_TRUE, VALUE_FALSE -> "boolean";
                    case START_OBJECT -> "object";
                    case START_ARRAY -> "array";
                    default -> null;
                };
                parser.skipChildren();
                String known = fieldTypes.get(name);
                if (known == null || known.equals("null")) {
                    fieldTypes.put(name, type == null ? "null" : type);
                } else if (type != null && !known.equals(type)) {
                    fieldTypes.put(name, known.equals("integer") && type.equals("number") ? "number" : "mixed");
                }
            }
        }

        List<SourceField> fields() {
            List<SourceField> fields = new ArrayList<>();
            fieldTypes.forEach((name, type) -> fields.add(new SourceField(name, type)));
            return fields;
        }
    }

    @Override
    public Path path() {
        return file;
    }

    @Override
    public List<SourceField> fields() {
        return fields;
    }

    @Override
    public Optional<String> crsCode() {
        return crsCode;
    }

    @Override
    public Optional<String> declaredCrs() {
        return declaredCrs == null ? crsCode : Optional.of(declaredCrs);
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(size);
    }

    @Override
    public Iterator<SourceRecord> iterator() {
        try {
            JsonParser parser = parser(file);
            synchronized (openParsers) {
                openParsers.add(parser);
            }
            return singleFeature ? new SingleFeature(parser) : new Features(parser);
        } catch (IOException e) {
            throw new FeatureSourceException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private SourceRecord record(int number, JsonNode feature) {
        Map<String, Object> values = new LinkedHashMap<>();
        JsonNode properties = feature.path("properties");
        if (properties.isObject()) {
            properties.fields().forEachRemaining(e -> values.put(e.getKey(), value(e.getValue())));
        }
        try {
            return new SourceRecord(number, geometries.read(feature.get("geometry")), values);
        } catch (IllegalArgumentException e) {
            throw new RecordException(number, e.getMessage());
        } catch (RuntimeException e) { // JTS refusing a ring and the like
            throw new RecordException(number, "unreadable geometry: " + e.getMessage());
        }
    }

    private static Object value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return node.toString(); // objects and arrays as their JSON text
    }

    /** Streams the "features" array, one tree per feature. */
    private final class Features implements Iterator<SourceRecord> {
        private final JsonParser parser;
        private JsonNode next;
        private int number;
        private boolean done;

        Features(JsonParser parser) throws IOException {
            this.parser = parser;
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                done = true;
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals("features")) {
                    return; // positioned on START_ARRAY
                }
                parser.skipChildren();
            }
            done = true;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    if (parser.nextToken() == JsonToken.START_OBJECT) {
                        next = parser.readValueAsTree();
                    } else {
                        done = true;
                        parser.close();
                    }
                } catch (IOException e) {
                    throw new FeatureSourceException(file, "cannot be read: " + e.getMessage(), e);
                }
            }
            return next != null;
        }

        @Override
        public SourceRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JsonNode feature = next;
            next = null;
            return record(++number, feature);
        }
    }

    /** A file holding one Feature. */
    private final class SingleFeature implements Iterator<SourceRecord> {
        private final JsonParser parser;
        private boolean done;

        SingleFeature(JsonParser parser) {
            this.parser = parser;
        }

        @Override
        public boolean hasNext() {
            return !done;
        }

        @Override
        public SourceRecord next() {
            if (done) {
                throw new NoSuchElementException();
            }
            done = true;
            try (parser) {
                return record(1, parser.readValueAsTree());
            } catch (IOException e) {
                throw new FeatureSourceException(file, "cannot be read: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (openParsers) {
            for (JsonParser parser : openParsers) {
                try {
                    parser.close();
                } catch (IOException e) {
                    // closing a reader; nothing to lose
                }
            }
            openParsers.clear();
        }
    }
}
