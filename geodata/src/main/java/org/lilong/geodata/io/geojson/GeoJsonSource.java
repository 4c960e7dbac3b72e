package org.lilong.geodata.io.geojson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import org.lilong.geodata.crs.CrsRegistry;
import org.lilong.geodata.io.FeatureSource;
import org.lilong.geodata.io.FeatureSourceException;
import org.lilong.geodata.io.RecordException;
import org.lilong.geodata.io.SourceField;
import org.lilong.geodata.io.SourceRecord;

/**
 * A GeoJSON FeatureCollection (or a single Feature), read with Jackson's streaming parser, straight
 * from the tokens into records.
 *
 * <p>GeoJSON has no schema, so the fields are only known once every feature has been read. {@link
 * #open} therefore reads the whole file once, checking the syntax, collecting every property name
 * and the {@code crs} member (wherever in the object it is), and keeps the records it read for the
 * first iteration, which lets go of each as it hands it out: one pass over the file rather than a
 * scan and then a read, with no more in memory than an import keeps anyway. Any further iteration
 * reads the file again. Without a {@code crs} member the CRS is WGS84 longitude/latitude, as RFC
 * 7946 says; a 2008-style {@code crs} with a name (EPSG:4549, urn:ogc:def:crs:EPSG::4549, ...) is
 * honoured, and the geometries carry its EPSG code as their SRID.
 */
public final class GeoJsonSource implements FeatureSource {

    private final Path file;
    private final List<SourceField> fields;
    private final long size;
    private final String declaredCrs;
    private final Optional<String> crsCode;
    private final boolean singleFeature;
    private final int srid;
    private final List<JsonParser> openParsers = new ArrayList<>();
    /** What open() read, each a SourceRecord or its RecordException, until the first iteration takes it. */
    private List<Object> firstRead;

    private GeoJsonSource(Path file, FirstRead read) {
        this.file = file;
        this.fields = read.types.fields();
        this.size = read.records.size();
        this.declaredCrs = read.crs;
        this.crsCode = declaredCrs == null ? Optional.of("EPSG:4326") : CrsRegistry.codeFromWkt(declaredCrs);
        this.singleFeature = read.isFeature();
        // The EPSG code of the declared CRS, so that an import of lon/lat data need not copy every geometry.
        this.srid = crsCode.filter(code -> code.matches("EPSG:\\d{1,9}")).map(code -> Integer.parseInt(code.substring(5))).orElse(0);
        this.firstRead = read.records;
    }

    /** @throws FeatureSourceException when the file is not valid JSON or not a FeatureCollection or Feature */
    public static GeoJsonSource open(Path file) {
        try (JsonParser parser = parser(file)) {
            return new GeoJsonSource(file, FirstRead.of(file, parser));
        } catch (JsonProcessingException e) {
            throw new FeatureSourceException(file, "not valid JSON" + at(e.getLocation()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FeatureSourceException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static JsonParser parser(Path file) throws IOException {
        return JsonText.FACTORY.createParser(file.toFile());
    }

    private static String at(JsonLocation location) {
        return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The one pass of {@link #open}: what the file is, its records, property types and crs. */
    private static final class FirstRead {
        FieldTypes types = new FieldTypes();
        final List<Object> records = new ArrayList<>();
        String type;
        String crs;

        static FirstRead of(Path file, JsonParser parser) throws IOException {
            FirstRead read = new FirstRead();
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new FeatureSourceException(file, "not GeoJSON: the file is not a JSON object");
            }
            FieldTypes rootTypes = new FieldTypes();
            FeatureMembers root = new FeatureMembers(rootTypes); // in case the file is a single Feature
            boolean sawFeatures = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "type" -> read.type = parser.getValueAsString();
                    case "crs" -> read.crs = crsName(parser);
                    case "features" -> {
                        sawFeatures = true;
                        if (value != JsonToken.START_ARRAY) {
                            throw new FeatureSourceException(file, "not GeoJSON: \"features\" is not an array");
                        }
                        read.features(file, parser);
                    }
                    default -> root.member(name, parser);
                }
            }
            if (read.isFeature()) {
                read.types = rootTypes;
                read.records.clear();
                read.records.add(record(() -> root.record(1)));
            } else if (!"FeatureCollection".equals(read.type) || !sawFeatures) {
                throw new FeatureSourceException(file, "not a GeoJSON FeatureCollection"
                        + (read.type == null ? "" : " (its type is '" + read.type + "')"));
            }
            return read;
        }

        boolean isFeature() {
            return "Feature".equals(type);
        }

        private void features(Path file, JsonParser parser) throws IOException {
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    throw new FeatureSourceException(file, "not GeoJSON: feature " + (records.size() + 1) + " is not an object");
                }
                int number = records.size() + 1;
                records.add(record(() -> FeatureMembers.read(number, parser, types)));
            }
        }

        private static Object record(RecordRead read) throws IOException {
            try {
                return read.record();
            } catch (RecordException e) {
                return e;
            }
        }

        @FunctionalInterface
        private interface RecordRead {
            SourceRecord record() throws IOException;
        }
    }

    /** The name of a 2008-style {"type": "name", "properties": {"name": ...}} crs member; its JSON text otherwise. */
    private static String crsName(JsonParser parser) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        String crs = JsonText.of(parser);
        try (JsonParser member = JsonText.FACTORY.createParser(crs)) {
            if (member.nextToken() == JsonToken.START_OBJECT) {
                while (member.nextToken() == JsonToken.FIELD_NAME) {
                    String name = member.currentName();
                    if (member.nextToken() == JsonToken.START_OBJECT && name.equals("properties")) {
                        while (member.nextToken() == JsonToken.FIELD_NAME) {
                            if (member.nextToken() == JsonToken.VALUE_STRING && member.currentName().equals("name")) {
                                return member.getText();
                            }
                            member.skipChildren();
                        }
                    } else {
                        member.skipChildren();
                    }
                }
            }
        }
        return crs;
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
        List<Object> records;
        synchronized (this) {
            records = firstRead;
            firstRead = null;
        }
        if (records != null) {
            return new FirstIteration(records);
        }
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

    /** The record with the declared CRS's SRID on its geometry, which was made for it alone. */
    private SourceRecord withSrid(SourceRecord record) {
        if (srid != 0 && record.geometry() != null) {
            record.geometry().setSRID(srid);
        }
        return record;
    }

    /** Hands out the records open() read, letting go of each. */
    private final class FirstIteration implements Iterator<SourceRecord> {
        private final List<Object> records;
        private int next;

        FirstIteration(List<Object> records) {
            this.records = records;
        }

        @Override
        public boolean hasNext() {
            return next < records.size();
        }

        @Override
        public SourceRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Object record = records.set(next++, null);
            if (record instanceof RecordException e) {
                throw e;
            }
            return withSrid((SourceRecord) record);
        }
    }

    /** Reads the "features" array again, each feature as it comes. */
    private final class Features implements Iterator<SourceRecord> {
        private final JsonParser parser;
        private boolean positioned; // on the next feature's START_OBJECT
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
            if (!positioned && !done) {
                try {
                    if (parser.nextToken() == JsonToken.START_OBJECT) {
                        positioned = true;
                    } else {
                        done = true;
                        parser.close();
                    }
                } catch (IOException e) {
                    throw new FeatureSourceException(file, "cannot be read: " + e.getMessage(), e);
                }
            }
            return positioned;
        }

        @Override
        public SourceRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            positioned = false;
            try {
                return withSrid(FeatureMembers.read(++number, parser, null));
            } catch (IOException e) {
                throw new FeatureSourceException(file, "cannot be read: " + e.getMessage(), e);
            }
        }
    }

    /** Reads a file holding one Feature again. */
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
                parser.nextToken(); // the START_OBJECT open() found
                return withSrid(FeatureMembers.read(1, parser, null));
            } catch (IOException e) {
                throw new FeatureSourceException(file, "cannot be read: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            firstRead = null;
        }
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
