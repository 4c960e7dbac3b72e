package org.lilong.geodata.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lilong.geodata.crs.CoordinateTransform;
import org.lilong.geodata.crs.CrsRegistry;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.AttributeType;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.store.ChangeSet;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Turns a {@link FeatureSource} into one {@link ChangeSet} of new features for a layer: fields
 * mapped onto the layer's attributes, values coerced to their types, geometries transformed to
 * WGS84, checked for validity (or repaired) and for the layer's geometry type.
 *
 * <p>All or nothing: every record is checked, every problem collected, and if there is any the import
 * fails with an {@link ImportException} listing them (the first {@value #MAX_PROBLEMS_SHOWN}); the
 * caller then has nothing to write. Otherwise the change set inserts every feature with id 0, so the
 * store gives them the next free ids, and the {@link ImportReport} says what was done.
 *
 * <p>Field mapping: a source field goes to the layer attribute of the same name, compared
 * case-insensitively; {@link ImportOptions#mapping()} overrides that per field. A mapping to an
 * attribute the layer lacks, or from a field the source lacks, is an error; source fields that match
 * nothing are left out and reported.
 */
public final class LayerImporter {

    public static final int MAX_PROBLEMS_SHOWN = 50;
    private static final int PROGRESS_EVERY = 256;

    private final LayerCatalogue catalogue;

    public LayerImporter(LayerCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Reads the whole source and builds the change set, writing nothing.
     *
     * @throws ImportException listing every problem: an unknown layer, a bad mapping, a CRS that
     *     cannot be resolved, an unreadable file, and each record that cannot be imported
     */
    public ImportResult read(FeatureSource source, String layerId, ImportOptions options, ImportProgress progress) {
        LayerDefinition layer = catalogue.find(layerId).orElseThrow(() -> new ImportException(source.path(),
                "unknown layer '" + layerId + "'; the layers are " + catalogue.layers().stream().map(LayerDefinition::id)
                        .collect(Collectors.joining(", "))));
        Mapping mapping = mapping(source, layer, options.mapping());
        Crs crs = crs(source, options.crs());
        return new Run(source, layer, mapping, crs, options.repair(), progress).go();
    }

    /** The resolved field mapping, in source order. */
    private record Mapping(Map<String, AttributeDefinition> byField, List<String> ignored) {
    }

    private record Crs(CoordinateTransform transform, boolean assumed) {
    }

    private static Mapping mapping(FeatureSource source, LayerDefinition layer, Map<String, String> overrides) {
        List<String> problems = new ArrayList<>();
        Map<String, String> fieldByKey = new LinkedHashMap<>();
        for (SourceField field : source.fields()) {
            fieldByKey.putIfAbsent(key(field.name()), field.name());
        }
        Map<String, AttributeDefinition> explicit = new LinkedHashMap<>();
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            String field = fieldByKey.get(key(override.getKey()));
            Optional<AttributeDefinition> attribute = attribute(layer, override.getValue());
            if (field == null) {
                problems.add("--map " + override.getKey() + "=" + override.getValue() + ": the source has no field '"
                        + override.getKey() + "'; its fields are " + names(source.fields()));
            }
            if (attribute.isEmpty()) {
                problems.add("--map " + override.getKey() + "=" + override.getValue() + ": layer '" + layer.id()
                        + "' has no attribute '" + override.getValue() + "'; its attributes are "
                        + layer.attributes().stream().map(AttributeDefinition::name).collect(Collectors.joining(", ")));
            }
            if (field != null && attribute.isPresent()) {
                explicit.put(field, attribute.get());
            }
        }
        Map<String, AttributeDefinition> byField = new LinkedHashMap<>();
        Map<String, String> fieldByAttribute = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (SourceField field : source.fields()) {
            AttributeDefinition attribute = explicit.get(field.name());
            if (attribute == null && !explicit.containsKey(field.name())) {
                attribute = attribute(layer, field.name())
                        .filter(a -> !explicit.containsValue(a)) // an explicit mapping to it takes precedence
                        .orElse(null);
            }
            if (attribute == null) {
                ignored.add(field.name());
                continue;
            }
            String other = fieldByAttribute.putIfAbsent(attribute.name(), field.name());
            if (other != null) {
                problems.add("source fields '" + other + "' and '" + field.name() + "' both map to attribute '"
                        + attribute.name() + "'; choose one with --map");
                continue;
            }
            byField.put(field.name(), attribute);
        }
        if (!problems.isEmpty()) {
            throw new ImportException(source.path(), problems, problems.size());
        }
        return new Mapping(byField, ignored);
    }

    private static Optional<AttributeDefinition> attribute(LayerDefinition layer, String name) {
        String key = key(name);
        return layer.attributes().stream().filter(a -> a.name().equals(key)).findFirst();
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static String names(List<SourceField> fields) {
        return fields.isEmpty() ? "(none)" : fields.stream().map(SourceField::name).collect(Collectors.joining(", "));
    }

    private static Crs crs(FeatureSource source, String override) {
        if (override != null) {
            return new Crs(resolve(source, override, "--crs " + override), false);
        }
        Optional<String> code = source.crsCode();
        if (code.isPresent()) {
            return new Crs(resolve(source, code.get(), "the CRS the file declares (" + code.get() + ")"), false);
        }
        Optional<String> declared = source.declaredCrs();
        if (declared.isPresent()) {
            String text = declared.get().replaceAll("\\s+", " ");
            throw new ImportException(source.path(), "cannot recognise the CRS the file declares ("
                    + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + "); give it with --crs, e.g. --crs EPSG:4549");
        }
        return new Crs(CrsRegistry.resolve("EPSG:4326"), true);
    }

    private static CoordinateTransform resolve(FeatureSource source, String code, String what) {
        try {
            return CrsRegistry.resolve(code);
        } catch (IllegalArgumentException e) {
            throw new ImportException(source.path(), what + ": " + e.getMessage());
        }
    }

    /** One pass over the records. */
    private static final class Run {
        private final FeatureSource source;
        private final LayerDefinition layer;
        private final Mapping mapping;
        private final Crs crs;
        private final boolean repair;
        private final ImportProgress progress;
        private final List<String> problems = new ArrayList<>();
        private final List<String> repaired = new ArrayList<>();
        private final List<Feature> features = new ArrayList<>();
        private int problemCount;
        private long read;

        Run(FeatureSource source, LayerDefinition layer, Mapping mapping, Crs crs, boolean repair, ImportProgress progress) {
            this.source = source;
            this.layer = layer;
            this.mapping = mapping;
            this.crs = crs;
            this.repair = repair;
            this.progress = progress;
        }

        ImportResult go() {
            OptionalLong total = source.size();
            progress.recordsRead(0, total);
            try {
                Iterator<SourceRecord> records = source.iterator();
                while (records.hasNext()) {
                    SourceRecord record;
                    try {
                        record = records.next();
                    } catch (RecordException e) {
                        read++;
                        problem(e.getMessage());
                        continue;
                    }
                    read++;
                    convert(record);
                    if (read % PROGRESS_EVERY == 0) {
                        progress.recordsRead(read, total);
                    }
                }
            } catch (FeatureSourceException e) {
                problem(e.getMessage());
            }
            progress.recordsRead(read, total);
            if (problemCount > 0) {
                throw new ImportException(source.path(), problems, problemCount);
            }
            Map<String, String> applied = new LinkedHashMap<>();
            mapping.byField().forEach((field, attribute) -> applied.put(field, attribute.name()));
            ImportReport report = new ImportReport(source.path(), layer.id(), crs.transform().code(), crs.assumed(), read,
                    features.size(), repaired, applied, mapping.ignored());
            return new ImportResult(new ChangeSet().insertAll(layer.id(), features), report);
        }

        private void problem(String message) {
            problemCount++;
            if (problems.size() < MAX_PROBLEMS_SHOWN) {
                problems.add(message);
            }
        }

        private void convert(SourceRecord record) {
            String label = source.recordLabel();
            int n = record.number();
            int before = problemCount;
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, AttributeDefinition> entry : mapping.byField().entrySet()) {
                AttributeDefinition attribute = entry.getValue();
                Object raw = record.values().get(entry.getKey());
                try {
                    Object value = coerce(attribute.type(), raw);
                    if (value != null) {
                        values.put(attribute.name(), value);
                    }
                } catch (IllegalArgumentException e) {
                    problem(label + " " + n + ": field '" + entry.getKey() + "' (attribute '" + attribute.name() + "'): "
                            + e.getMessage());
                }
            }
            Geometry geometry = geometry(n, record.geometry());
            if (geometry != null && problemCount == before) {
                features.add(new Feature(0, geometry, values));
            }
        }

        private Geometry geometry(int n, Geometry source) {
            String label = this.source.recordLabel();
            if (source == null || source.isEmpty()) {
                problem(label + " " + n + ": no geometry");
                return null;
            }
            Geometry wgs84;
            try {
                wgs84 = crs.transform().toWgs84(source);
            } catch (IllegalArgumentException e) {
                problem(label + " " + n + ": " + e.getMessage());
                return null;
            }
            Envelope box = wgs84.getEnvelopeInternal();
            if (box.getMinX() < -180 || box.getMaxX() > 180 || box.getMinY() < -90 || box.getMaxY() > 90) {
                Coordinate c = outside(wgs84);
                problem(label + " " + n + ": coordinate " + format(c) + " is outside longitude -180..180 / latitude -90..90 in "
                        + crs.transform().code() + (crs.assumed() ? " (assumed: the file declares no CRS; give --crs)" : "")
                        + "; is the CRS right?");
                return null;
            }
            if (!layer.geometryType().accepts(wgs84)) {
                problem(label + " " + n + ": layer '" + layer.id() + "' holds " + layer.geometryType().geoJsonName()
                        + " geometries, not " + wgs84.getGeometryType());
                return null;
            }
            TopologyValidationError error = Validity.error(wgs84);
            if (error == null) {
                return wgs84;
            }
            String reason = error.getMessage() + " at " + format(error.getCoordinate());
            if (!repair) {
                problem(label + " " + n + ": " + reason + " (--repair fixes it)");
                return null;
            }
            Geometry fixed = GeometryFixer.fix(wgs84);
            if (fixed.isEmpty() || !layer.geometryType().accepts(fixed)) {
                problem(label + " " + n + ": " + reason + "; repair leaves " + (fixed.isEmpty() ? "nothing" : "a " + fixed.getGeometryType())
                        + ", which layer '" + layer.id() + "' cannot hold");
                return null;
            }
            fixed.setSRID(wgs84.getSRID());
            repaired.add(label + " " + n + ": repaired (" + reason + ")");
            return fixed;
        }

        private static Coordinate outside(Geometry g) {
            for (Coordinate c : g.getCoordinates()) {
                if (Math.abs(c.x) > 180 || Math.abs(c.y) > 90) {
                    return c;
                }
            }
            return g.getCoordinate();
        }
    }

    /**
     * Coerces a source value to an attribute's type with {@link AttributeType#coerce}, after two
     * allowances for what files hold: numbers, booleans and dates become text for a text attribute,
     * and dates may also be written 2021/6/1, 2021.06.01 or 20210601. Blank text is null for a
     * non-text attribute.
     */
    static Object coerce(AttributeType type, Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String s && type != AttributeType.TEXT && s.isBlank()) {
            return null;
        }
        if (type == AttributeType.TEXT && (raw instanceof Number || raw instanceof Boolean || raw instanceof LocalDate)) {
            return raw instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : raw.toString();
        }
        if (type == AttributeType.DATE && raw instanceof String s) {
            LocalDate date = lenientDate(s.trim());
            if (date != null) {
                return date;
            }
        }
        return type.coerce(raw);
    }

    private static final Pattern SLASHED_DATE = Pattern.compile("(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    /** Dates as spreadsheets and GDAL's CSV driver write them: 2021/6/1, 2021.06.01, 20210601; null for anything else. */
    private static LocalDate lenientDate(String text) {
        Matcher m = SLASHED_DATE.matcher(text);
        if (!m.matches()) {
            m = COMPACT_DATE.matcher(text);
            if (!m.matches()) {
                return null;
            }
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String format(Coordinate c) {
        if (c == null) {
            return "(?)";
        }
        return "(" + number(c.x) + ", " + number(c.y) + ")";
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        return new BigDecimal(v).setScale(7, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
