package org.lilong.geodata.io.shp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
import java.util.stream.Stream;
import org.lilong.geodata.crs.CrsRegistry;
import org.lilong.geodata.io.FeatureSource;
import org.lilong.geodata.io.FeatureSourceException;
import org.lilong.geodata.io.RecordException;
import org.lilong.geodata.io.SourceField;
import org.lilong.geodata.io.SourceRecord;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * An ESRI Shapefile: the .shp geometries ({@link ShpReader}), the .dbf attributes ({@link DbfReader}),
 * the .prj CRS and the .cpg encoding, read side by side record by record. The .shx index is not
 * needed, since records are read in order.
 *
 * <p>Hand-written: GeoTools, the usual Java shapefile library, is not published on Maven Central
 * (only on OSGeo's own repository), and the format is small.
 *
 * <p>The attribute encoding is, in this order: the one the .cpg file names (UTF-8, GBK, CP936, 936,
 * GB2312, GB18030, ...); else the one the .dbf's language driver id names (0x4D and 0x7A: GBK); else
 * the caller's fallback. Text that is not valid in the chosen encoding is an error, not mojibake.
 * Records the .dbf flags deleted are skipped; record numbers are those of the .shp (1-based).
 */
public final class ShapefileSource implements FeatureSource {

    private final Path shp;
    private final Path dbf;
    private final Charset encoding;
    private final String encodingSource;
    private final List<DbfField> dbfFields;
    private final List<SourceField> fields;
    private final int recordCount;
    private final String prj;
    private final Optional<String> crsCode;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final GeometryFactory factory = new GeometryFactory();

    private ShapefileSource(Path shp, Path dbf, Charset encoding, String encodingSource, DbfReader header, String prj) {
        this.shp = shp;
        this.dbf = dbf;
        this.encoding = encoding;
        this.encodingSource = encodingSource;
        this.dbfFields = header.fields();
        this.fields = dbfFields.stream().map(f -> new SourceField(f.name(), f.describe())).toList();
        this.recordCount = header.recordCount();
        this.prj = prj;
        this.crsCode = CrsRegistry.codeFromWkt(prj);
    }

    /**
     * @param fallback the attribute encoding when neither the .cpg nor the .dbf names one
     * @throws FeatureSourceException when the .shp or .dbf is missing or not what it should be
     */
    public static ShapefileSource open(Path shp, Charset fallback) {
        Path dbf = sibling(shp, "dbf").orElseThrow(() -> new FeatureSourceException(shp,
                "the shapefile has no .dbf file beside it (" + baseName(shp) + ".dbf)"));
        try {
            try (InputStream in = Files.newInputStream(shp)) {
                new ShpReader(in, new GeometryFactory()).close();
            }
            Charset encoding = fallback;
            String source = "fallback";
            Optional<Path> cpg = sibling(shp, "cpg");
            Optional<Charset> named = cpg.isPresent() ? charsetOf(Files.readString(cpg.get(), StandardCharsets.ISO_8859_1)) : Optional.empty();
            if (named.isPresent()) {
                encoding = named.get();
                source = ".cpg";
            } else {
                int ldid;
                try (InputStream in = Files.newInputStream(dbf)) {
                    ldid = DbfReader.languageDriver(in);
                }
                if (ldid == DbfReader.LDID_GBK || ldid == DbfReader.LDID_GBK_ESRI) {
                    encoding = Charset.forName("GBK");
                    source = ".dbf language driver";
                }
            }
            DbfReader header;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(dbf))) {
                header = new DbfReader(in, encoding);
            }
            Optional<Path> prjFile = sibling(shp, "prj");
            String prj = prjFile.isPresent() ? Files.readString(prjFile.get(), StandardCharsets.ISO_8859_1).strip() : null;
            return new ShapefileSource(shp, dbf, encoding, source, header, prj == null || prj.isEmpty() ? null : prj);
        } catch (IOException e) {
            throw new FeatureSourceException(shp, e.getMessage(), e);
        }
    }

    /** The charset a .cpg names, if Java knows it. */
    static Optional<Charset> charsetOf(String cpg) {
        String name = cpg.strip().toUpperCase(Locale.ROOT);
        String java = switch (name.replace(" ", "").replace("_", "-")) {
            case "UTF-8", "UTF8", "65001" -> "UTF-8";
            case "GBK", "CP936", "936", "MS936", "WINDOWS-936", "GB2312", "EUC-CN", "ANSI936" -> "GBK";
            case "GB18030", "54936" -> "GB18030";
            case "BIG5", "CP950", "950" -> "Big5";
            case "88591", "8859-1", "ISO-8859-1", "ISO88591", "LATIN1" -> "ISO-8859-1";
            case "1252", "CP1252", "ANSI1252", "WINDOWS-1252" -> "windows-1252";
            default -> name;
        };
        try {
            return name.isEmpty() ? Optional.empty() : Optional.of(Charset.forName(java));
        } catch (RuntimeException e) { // unknown or illegal name: fall through to the next clue
            return Optional.empty();
        }
    }

    /** The file beside the .shp with the same base name and the given extension, in either case. */
    private static Optional<Path> sibling(Path shp, String extension) {
        String base = baseName(shp);
        Path dir = shp.toAbsolutePath().getParent();
        Path exact = dir.resolve(base + "." + extension);
        if (Files.isRegularFile(exact)) {
            return Optional.of(exact);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().equalsIgnoreCase(base + "." + extension)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String baseName(Path shp) {
        String name = shp.getFileName().toString();
        return name.substring(0, name.length() - 4);
    }

    /** The encoding the attributes are read with. */
    public Charset encoding() {
        return encoding;
    }

    /** Where {@link #encoding()} came from: ".cpg", ".dbf language driver" or "fallback". */
    public String encodingSource() {
        return encodingSource;
    }

    @Override
    public Path path() {
        return shp;
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
        return Optional.ofNullable(prj);
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(recordCount);
    }

    @Override
    public Iterator<SourceRecord> iterator() {
        ShpReader shapes;
        DbfReader attributes;
        try {
            shapes = new ShpReader(new BufferedInputStream(Files.newInputStream(shp), 1 << 16), factory);
            attributes = new DbfReader(new BufferedInputStream(Files.newInputStream(dbf), 1 << 16), encoding);
        } catch (IOException e) {
            throw new FeatureSourceException(shp, e.getMessage(), e);
        }
        synchronized (open) {
            open.add(shapes);
            open.add(attributes);
        }
        return new Iterator<>() {
            private SourceRecord next;
            private RecordException failed;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (next == null && failed == null && !done) {
                    advance();
                }
                return next != null || failed != null;
            }

            private void advance() {
                try {
                    ShpReader.ShpRecord shape = shapes.next();
                    if (shape == null) {
                        done = true;
                        return;
                    }
                    Map<String, Object> values;
                    try {
                        values = attributes.next();
                    } catch (IllegalArgumentException e) {
                        failed = new RecordException(shape.number(), e.getMessage());
                        return;
                    }
                    if (values == null) {
                        failed = new RecordException(shape.number(), "the .dbf has no record for this shape (it holds "
                                + recordCount + ")");
                        return;
                    }
                    if (values == DbfReader.DELETED) {
                        return; // flagged deleted in the .dbf: not a feature any more
                    }
                    if (shape.problem() != null) {
                        failed = new RecordException(shape.number(), "unreadable shape: " + shape.problem());
                        return;
                    }
                    Map<String, Object> ordered = new LinkedHashMap<>(values);
                    next = new SourceRecord(shape.number(), shape.geometry(), ordered);
                } catch (IOException e) {
                    throw new FeatureSourceException(shp, e.getMessage(), e);
                }
            }

            @Override
            public SourceRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                if (failed != null) {
                    RecordException e = failed;
                    failed = null;
                    throw e;
                }
                SourceRecord record = next;
                next = null;
                return record;
            }
        };
    }

    @Override
    public void close() {
        synchronized (open) {
            for (AutoCloseable reader : open) {
                try {
                    reader.close();
                } catch (Exception e) {
                    // closing a reader; nothing to lose
                }
            }
            open.clear();
        }
    }
}
