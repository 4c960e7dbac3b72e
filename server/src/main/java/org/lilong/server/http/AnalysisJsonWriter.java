package org.lilong.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lilong.geodata.io.geojson.GeoJsonGeometryWriter;
import org.lilong.layers.isochrone.Isochrone;
import org.lilong.layers.isochrone.IsochroneBuilder;
import org.lilong.layers.lifecircle.CategoryResult;
import org.lilong.layers.lifecircle.LifeCircleReport;
import org.lilong.layers.lifecircle.ReachedFacility;
import org.lilong.layers.standard.FacilityCategory;
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.standard.WalkingSpeed;

/**
 * Streams the {@code /analysis} answers into a Jackson generator (no tree: an isochrone is answered
 * thousands of times a second). Polygons and routes go through {@link GeoJsonGeometryWriter};
 * metres are rounded to 0.1, minutes to 0.01; of a feature only its public name appears.
 */
final class AnalysisJsonWriter {

    static final String METHOD = String.format(Locale.ROOT, "walked streets buffered %.0f m; water excluded except on bridges",
            IsochroneBuilder.DEFAULT_BUFFER_METRES);

    private AnalysisJsonWriter() {
    }

    /** A GeoJSON FeatureCollection of one polygon per band, ascending, with the start and speed as foreign members. */
    static void writeIsochrones(JsonGenerator out, AnalysisParameters.Start start, WalkingSpeed speed, double[] minutes,
            List<Isochrone> isochrones) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", "FeatureCollection");
        writeStart(out, start);
        writeSpeed(out, speed);
        out.writeStringField("method", METHOD);
        out.writeArrayFieldStart("features");
        for (int i = 0; i < isochrones.size(); i++) {
            Isochrone isochrone = isochrones.get(i);
            out.writeStartObject();
            out.writeStringField("type", "Feature");
            out.writeStringField("id", minutesText(minutes[i]));
            out.writeObjectFieldStart("properties");
            writeMinutes(out, "minutes", minutes[i]);
            writeMetres(out, "distanceMetres", isochrone.distanceMetres());
            writeMetres(out, "areaSquareMetres", isochrone.areaSquareMetres());
            writeMetres(out, "reachedStreetMetres", isochrone.reachedStreetMetres());
            out.writeEndObject();
            out.writeFieldName("geometry");
            GeoJsonGeometryWriter.writeGeometry(out, isochrone.area());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /**
     * The checklist; with {@code categories} (ids) only those categories and their facilities, and
     * the counts and score over them alone.
     */
    static void writeReport(JsonGenerator out, AnalysisParameters.Start start, LifeCircleReport report, String profileName,
            Set<String> categories) throws IOException {
        List<CategoryResult> results = categories == null ? report.categories()
                : report.categories().stream().filter(r -> categories.contains(r.category().id())).toList();
        List<ReachedFacility> reachable = categories == null ? report.reachable()
                : report.reachable().stream().filter(f -> categories.contains(f.categoryId())).toList();
        int passed = count(results, CategoryResult.Status.PASS);
        int failed = count(results, CategoryResult.Status.FAIL);
        out.writeStartObject();
        writeStart(out, start);
        writeSpeed(out, report.speed());
        out.writeStringField("profile", profileName);
        // The report's own score over all categories; over a selection, the same formula on it alone.
        writeRounded(out, "score", categories == null ? report.score() : passed + failed == 0 ? 0 : 100.0 * passed / (passed + failed), 100);
        out.writeNumberField("passed", passed);
        out.writeNumberField("failed", failed);
        out.writeNumberField("noData", count(results, CategoryResult.Status.NO_DATA));
        out.writeArrayFieldStart("categories");
        for (CategoryResult result : results) {
            FacilityCategory category = result.category();
            out.writeStartObject();
            writeCategoryFields(out, category);
            out.writeStringField("status", result.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            out.writeFieldName("nearest");
            if (result.nearest() == null) {
                out.writeNull();
            } else {
                out.writeStartObject();
                writeFacilityFields(out, result.nearest());
                writeMetres(out, "straightMetres", result.nearest().straightMetres());
                out.writeFieldName("route");
                GeoJsonGeometryWriter.writeGeometry(out, result.nearest().route());
                out.writeEndObject();
            }
            out.writeNumberField("within5", result.within5());
            out.writeNumberField("within10", result.within10());
            out.writeNumberField("within15", result.within15());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("reachable");
        for (ReachedFacility facility : reachable) {
            out.writeStartObject();
            out.writeStringField("category", facility.categoryId());
            writeFacilityFields(out, facility);
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** The profile's categories and speed presets, under the name the analysis routes accept as {@code profile=}. */
    static void writeProfile(JsonGenerator out, LifeCircleProfile profile, String name) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", name);
        out.writeArrayFieldStart("categories");
        for (FacilityCategory category : profile.categories()) {
            out.writeStartObject();
            writeCategoryFields(out, category);
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("speeds");
        for (WalkingSpeed speed : profile.speeds()) {
            out.writeStartObject();
            out.writeStringField("id", speed.id());
            out.writeStringField("nameZh", speed.nameZh());
            out.writeStringField("nameEn", speed.nameEn());
            out.writeNumberField("metresPerSecond", speed.metresPerSecond());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeStringField("defaultSpeed", profile.defaultSpeed().id());
        out.writeEndObject();
    }

    /** Minutes as a band's id: "5", "7.5". */
    static String minutesText(double minutes) {
        return minutes == Math.rint(minutes) ? Long.toString((long) minutes) : Double.toString(minutes);
    }

    private static void writeStart(JsonGenerator out, AnalysisParameters.Start start) throws IOException {
        out.writeObjectFieldStart("start");
        out.writeFieldName("lon");
        GeoJsonGeometryWriter.writeCoordinate(out, start.lon());
        out.writeFieldName("lat");
        GeoJsonGeometryWriter.writeCoordinate(out, start.lat());
        out.writeFieldName("area");
        if (start.area() == null) {
            out.writeNull();
        } else {
            out.writeStartObject();
            out.writeNumberField("id", start.area().id());
            out.writeStringField("name", start.area().text("name"));
            out.writeEndObject();
        }
        writeMetres(out, "accessMetres", start.walk().accessMetres());
        out.writeEndObject();
    }

    private static void writeSpeed(JsonGenerator out, WalkingSpeed speed) throws IOException {
        out.writeObjectFieldStart("speed");
        out.writeStringField("id", speed.id());
        out.writeNumberField("metresPerSecond", speed.metresPerSecond());
        out.writeEndObject();
    }

    static void writeCategoryFields(JsonGenerator out, FacilityCategory category) throws IOException {
        out.writeStringField("id", category.id());
        out.writeStringField("nameZh", category.nameZh());
        out.writeStringField("nameEn", category.nameEn());
        out.writeNumberField("levelMinutes", category.levelMinutes());
        writeMetres(out, "maxWalkMetres", category.maxWalkMetres());
    }

    private static void writeFacilityFields(JsonGenerator out, ReachedFacility facility) throws IOException {
        out.writeStringField("layer", facility.layer());
        out.writeNumberField("id", facility.featureId());
        out.writeStringField("name", facility.name());
        out.writeFieldName("lon");
        GeoJsonGeometryWriter.writeCoordinate(out, facility.lon());
        out.writeFieldName("lat");
        GeoJsonGeometryWriter.writeCoordinate(out, facility.lat());
        writeMetres(out, "walkMetres", facility.walkMetres());
        writeMinutes(out, "minutes", facility.minutes());
    }

    private static int count(List<CategoryResult> results, CategoryResult.Status status) {
        return (int) results.stream().filter(r -> r.status() == status).count();
    }

    static void writeMetres(JsonGenerator out, String name, double metres) throws IOException {
        writeRounded(out, name, metres, 10);
    }

    private static void writeMinutes(JsonGenerator out, String name, double minutes) throws IOException {
        writeRounded(out, name, minutes, 100);
    }

    /** Rounds to 1/scale; whole numbers stay whole ("5", not "5.0"), so a band's minutes read as given. */
    static void writeRounded(JsonGenerator out, String name, double value, double scale) throws IOException {
        out.writeFieldName(name);
        if (!Double.isFinite(value)) {
            out.writeNull();
            return;
        }
        double rounded = Math.round(value * scale) / scale;
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            out.writeNumber((long) rounded);
        } else {
            out.writeNumber(rounded);
        }
    }
}
