package org.lilong.geodata.io.export;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;

/**
 * An ESRI shapefile, written by hand (GeoTools is not among Lilong's dependencies): {@code .shp}
 * and {@code .shx} ({@link ShpWriter}), {@code .dbf} ({@link DbfWriter}), {@code .prj} (ESRI WKT,
 * when the CRS is one {@link EsriPrj} knows) and {@code .cpg} naming the DBF's character set
 * ({@code UTF-8} by default, else the charset's name, e.g. {@code GBK}).
 *
 * <p>Shape type by layer: points → Point (a multi-point of one point is written as that point; of
 * several, refused), lines → PolyLine, polygons → Polygon (multi-part records for the multi forms).
 * The first DBF field, {@code id}, holds the feature id; then the attributes, named as
 * {@link ShapefileFieldNames} decides (renames are reported in {@link #notes()}). Types: text C,
 * integer N(18), real F(24,15), date D, boolean L.
 */
public final class ShapefileSink implements FeatureSink {

    /** The parts a shapefile export writes, by extension; .prj only for a known CRS. */
    public static final List<String> PARTS = List.of("shp", "shx", "dbf", "prj", "cpg");

    private final Path shpFile;
    private final String base;
    private final ExportOptions options;
    private final List<String> notes = new ArrayList<>();
    private ShpWriter shapes;
    private DbfWriter table;
    private List<AttributeDefinition> attributes;
    private LayerDefinition layer;

    /** @param shpFile the .shp to write; the other parts go next to it under the same name */
    public ShapefileSink(Path shpFile, ExportOptions options) {
        String name = shpFile.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".shp")) {
            throw new IllegalArgumentException("a shapefile's main file ends in .shp: " + shpFile);
        }
        this.shpFile = shpFile;
        this.base = name.substring(0, name.length() - 4);
        this.options = options;
    }

    /** The file of one part, e.g. part("dbf"). */
    public Path part(String extension) {
        return shpFile.resolveSibling(base + "." + extension);
    }

    @Override
    public void begin(LayerDefinition layer, List<AttributeDefinition> attributes) throws IOException {
        this.layer = layer;
        this.attributes = List.copyOf(attributes);
        List<String> names = new ArrayList<>();
        names.add("id");
        attributes.forEach(a -> names.add(a.name()));
        Map<String, String> fieldNames = ShapefileFieldNames.assign(names);
        List<DbfWriter.Field> fields = new ArrayList<>();
        fields.add(new DbfWriter.Field(fieldNames.get("id"), 'N', DbfWriter.INTEGER_WIDTH, 0));
        for (AttributeDefinition attribute : attributes) {
            String field = fieldNames.get(attribute.name());
            if (!field.equals(attribute.name())) {
                notes.add("shapefile field " + field + " holds attribute " + attribute.name());
            }
            fields.add(switch (attribute.type()) {
                case TEXT -> new DbfWriter.Field(field, 'C', DbfWriter.TEXT_WIDTH, 0);
                case INTEGER -> new DbfWriter.Field(field, 'N', DbfWriter.INTEGER_WIDTH, 0);
                case REAL -> new DbfWriter.Field(field, 'F', DbfWriter.REAL_WIDTH, DbfWriter.REAL_DECIMALS);
                case DATE -> new DbfWriter.Field(field, 'D', 8, 0);
                case BOOLEAN -> new DbfWriter.Field(field, 'L', 1, 0);
            });
        }
        int shapeType = switch (layer.geometryType()) {
            case POINT -> ShpWriter.POINT;
            case LINESTRING -> ShpWriter.POLYLINE;
            case POLYGON -> ShpWriter.POLYGON;
        };
        shapes = new ShpWriter(shpFile, part("shx"), shapeType);
        table = new DbfWriter(part("dbf"), fields, options.encoding());
    }

    @Override
    public void write(Feature feature) throws IOException {
        try {
            shapes.write(feature.geometry());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feature " + feature.id() + " of layer '" + layer.id() + "': " + e.getMessage(), e);
        }
        Object[] values = new Object[attributes.size() + 1];
        values[0] = feature.id();
        for (int i = 0; i < attributes.size(); i++) {
            values[i + 1] = feature.get(attributes.get(i).name());
        }
        try {
            table.write(values);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException("feature " + feature.id() + " of layer '" + layer.id() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void finish() throws IOException {
        shapes.finish();
        table.finish();
        Files.writeString(part("cpg"), cpg(options.encoding()), StandardCharsets.US_ASCII);
        java.util.Optional<String> prj = EsriPrj.forCrs(options.crs());
        if (prj.isPresent()) {
            Files.writeString(part("prj"), prj.get(), StandardCharsets.US_ASCII);
        } else {
            notes.add("no .prj written: its ESRI WKT for " + options.crs().code() + " is not known here");
        }
        if (table.cutValues() > 0) {
            notes.add(table.cutValues() + " text values were cut to the DBF limit of " + DbfWriter.TEXT_WIDTH + " bytes");
        }
    }

    /** The .cpg text: UTF-8, or the charset's canonical name (GBK), which GDAL, QGIS and ArcGIS read. */
    static String cpg(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name();
    }

    @Override
    public List<String> notes() {
        return List.copyOf(notes);
    }

    @Override
    public void close() throws IOException {
        try {
            if (shapes != null) {
                shapes.close();
            }
        } finally {
            if (table != null) {
                table.close();
            }
        }
    }
}
