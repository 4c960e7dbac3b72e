package org.lilong.geodata.io.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.lilong.geodata.io.FeatureSource;
import org.lilong.geodata.io.FeatureSourceException;
import org.lilong.geodata.io.RecordException;
import org.lilong.geodata.io.SourceField;
import org.lilong.geodata.io.SourceRecord;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A CSV file with a header row (RFC 4180 quoting, through Apache Commons CSV). The geometry is a
 * point from a longitude column ({@code lon}, {@code lng}, {@code longitude} or {@code x}) and a
 * latitude column ({@code lat}, {@code latitude} or {@code y}), or any geometry from a WKT column
 * ({@code wkt}, {@code geometry}, {@code geom} or {@code the_geom}); names are matched
 * case-insensitively, and the WKT column wins when both are there. Every other column is a text
 * field; empty cells are null.
 *
 * <p>A row whose coordinates do not parse, or whose longitude/latitude columns lie outside
 * −180…180 / −90…90 (columns named x/y may hold projected metres, so they are not range-checked), is
 * a {@link RecordException} naming the row (data rows count from 1, the header not included) and the
 * line. CSV declares no CRS.
 */
public final class CsvSource implements FeatureSource {

    private static final List<String> LON_NAMES = List.of("lon", "lng", "long", "longitude", "x");
    private static final List<String> LAT_NAMES = List.of("lat", "latitude", "y");
    private static final List<String> WKT_NAMES = List.of("wkt", "geometry", "geom", "the_geom");
    private static final Set<String> DEGREE_NAMES = Set.of("lon", "lng", "long", "longitude", "lat", "latitude");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
            .get();

    private final Path file;
    private final Charset encoding;
    private final List<String> header;
    private final String lonColumn;
    private final String latColumn;
    private final String wktColumn;
    private final List<SourceField> fields;
    private final List<CSVParser> openParsers = new ArrayList<>();
    private final GeometryFactory factory = new GeometryFactory();

    private CsvSource(Path file, Charset encoding, List<String> header) {
        this.file = file;
        this.encoding = encoding;
        this.header = header;
        this.wktColumn = find(header, WKT_NAMES);
        this.lonColumn = wktColumn == null ? find(header, LON_NAMES) : null;
        this.latColumn = wktColumn == null ? find(header, LAT_NAMES) : null;
        if (wktColumn == null && (lonColumn == null || latColumn == null)) {
            throw new FeatureSourceException(file, "no geometry columns: the header " + header
                    + " needs lon/lng/longitude/x and lat/latitude/y columns, or a wkt/geometry column");
        }
        List<SourceField> list = new ArrayList<>();
        for (String column : header) {
            if (!column.isBlank() && !column.equals(wktColumn) && !column.equals(lonColumn) && !column.equals(latColumn)) {
                list.add(new SourceField(column, "text"));
            }
        }
        this.fields = List.copyOf(list);
    }

    /** @throws FeatureSourceException when the file cannot be read or its header names no geometry columns */
    public static CsvSource open(Path file, Charset encoding) {
        try (CSVParser parser = parser(file, encoding)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new FeatureSourceException(file, "empty CSV file: no header row");
            }
            return new CsvSource(file, encoding, List.copyOf(header));
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(file, encoding, "", e);
        } catch (IllegalArgumentException e) { // commons-csv on a malformed header
            throw new FeatureSourceException(file, "bad CSV header: " + e.getMessage(), e);
        }
    }

    /** A decoding error says which encoding was wrong; any other says what failed. */
    private static FeatureSourceException unreadable(Path file, Charset encoding, String where, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        while (cause != null && !(cause instanceof CharacterCodingException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof CharacterCodingException) {
            return new FeatureSourceException(file, "is not valid " + encoding.name() + " text" + where
                    + "; give its encoding (e.g. GBK)", e);
        }
        return new FeatureSourceException(file, "cannot be read as CSV" + where + ": " + e.getMessage(), e);
    }

    private static CSVParser parser(Path file, Charset encoding) throws IOException {
        CharsetDecoder decoder = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        Reader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder));
        reader.mark(1);
        if (reader.read() != '\uFEFF') { // a byte-order mark, as Excel writes, is not part of the first name
            reader.reset();
        }
        return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    }

    private static String find(List<String> header, List<String> names) {
        for (String name : names) {
            for (String column : header) {
                if (column.trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return column;
                }
            }
        }
        return null;
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
        return Optional.empty();
    }

    @Override
    public String recordLabel() {
        return "row";
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.empty();
    }

    @Override
    public Iterator<SourceRecord> iterator() {
        CSVParser parser;
        try {
            parser = parser(file, encoding);
        } catch (IOException e) {
            throw new FeatureSourceException(file, "cannot be read: " + e.getMessage(), e);
        }
        synchronized (openParsers) {
            openParsers.add(parser);
        }
        Iterator<CSVRecord> rows = parser.iterator();
        return new Iterator<>() {
            private int row;

            @Override
            public boolean hasNext() {
                try {
                    return rows.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw unreadable(file, encoding, " after row " + row, e);
                }
            }

            @Override
            public SourceRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CSVRecord csv = rows.next();
                row++;
                return record(row, parser.getCurrentLineNumber(), csv);
            }
        };
    }

    private SourceRecord record(int row, long line, CSVRecord csv) {
        if (csv.size() != header.size()) {
            throw new RecordException("row", row, "has " + csv.size() + " fields, the header " + header.size() + " (line " + line + ")");
        }
        Geometry geometry = wktColumn != null ? wkt(row, line, csv.get(wktColumn)) : point(row, line, csv);
        Map<String, Object> values = new LinkedHashMap<>();
        for (SourceField field : fields) {
            String cell = csv.get(field.name());
            values.put(field.name(), cell == null || cell.isEmpty() ? null : cell);
        }
        return new SourceRecord(row, geometry, values);
    }

    private Geometry wkt(int row, long line, String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        try {
            return new WKTReader(factory).read(cell);
        } catch (ParseException | RuntimeException e) {
            throw new RecordException("row", row, "column '" + wktColumn + "' is not WKT: " + e.getMessage() + " (line " + line + ")");
        }
    }

    private Geometry point(int row, long line, CSVRecord csv) {
        double lon = coordinate(row, line, lonColumn, csv.get(lonColumn), 180);
        double lat = coordinate(row, line, latColumn, csv.get(latColumn), 90);
        return factory.createPoint(new Coordinate(lon, lat));
    }

    private double coordinate(int row, long line, String column, String cell, double limit) {
        if (cell == null || cell.isBlank()) {
            throw new RecordException("row", row, "column '" + column + "' is empty (line " + line + ")");
        }
        double value;
        try {
            value = Double.parseDouble(cell.trim());
        } catch (NumberFormatException e) {
            throw new RecordException("row", row, "column '" + column + "': '" + cell + "' is not a number (line " + line + ")");
        }
        if (!Double.isFinite(value)) {
            throw new RecordException("row", row, "column '" + column + "': '" + cell + "' is not a finite number (line " + line + ")");
        }
        if (DEGREE_NAMES.contains(column.trim().toLowerCase(Locale.ROOT)) && Math.abs(value) > limit) {
            throw new RecordException("row", row, "column '" + column + "': " + cell.trim() + " is out of range (-" + (int) limit
                    + " to " + (int) limit + ") (line " + line + ")");
        }
        return value;
    }

    @Override
    public void close() {
        synchronized (openParsers) {
            for (CSVParser parser : openParsers) {
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
