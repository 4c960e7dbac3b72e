package org.lilong.server.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lilong.geodata.io.geojson.GeoJsonGeometryWriter;
import org.lilong.layers.coverage.CandidateSite;
import org.lilong.layers.coverage.CategoryCoverage;
import org.lilong.layers.coverage.GridCoverage;
import org.lilong.layers.coverage.ResidentialUnit;
import org.lilong.layers.coverage.SiteSuggestion;
import org.lilong.layers.coverage.SuggestedSite;
import org.lilong.layers.coverage.UnitReach;
import org.lilong.layers.coverage.WhatIfResult;
import org.lilong.layers.standard.FacilityCategory;

/**
 * Streams the coverage answers into a Jackson generator: coverage of one category with its grid
 * table, the summary of all categories, the gaps as GeoJSON, a site suggestion and a what-if.
 * Metres are rounded to 0.1 and shares to 4 decimals; a unit or site shows only its layer, id, public
 * name and residents.
 */
final class CoverageJsonWriter {

    static final String GREEDY_GUARANTEE = "greedy maximal covering: at least 1 − 1/e ≈ 63 % of the best possible gain";

    private CoverageJsonWriter() {
    }

    /** One category: totals, the table per grid, and links to its gaps. */
    static void writeCoverage(JsonGenerator out, CategoryCoverage coverage) throws IOException {
        out.writeStartObject();
        writeCategory(out, coverage.category());
        AnalysisJsonWriter.writeMetres(out, "thresholdMetres", coverage.thresholdMetres());
        out.writeNumberField("facilities", coverage.facilities());
        writeTotals(out, coverage);
        out.writeNumberField("unassigned", coverage.unassignedResidents());
        writeGrids(out, coverage.grids());
        out.writeObjectFieldStart("links");
        String gaps = gapsPath(coverage);
        out.writeStringField("gaps", gaps + "&f=geojson");
        out.writeStringField("gapsCsv", gaps + "&f=csv");
        out.writeEndObject();
        out.writeEndObject();
    }

    /** Every category of the profile at its own maximum walk, in profile order. */
    static void writeSummary(JsonGenerator out, List<CategoryCoverage> summary) throws IOException {
        out.writeStartObject();
        out.writeArrayFieldStart("summary");
        for (CategoryCoverage coverage : summary) {
            out.writeStartObject();
            writeCategory(out, coverage.category());
            AnalysisJsonWriter.writeMetres(out, "thresholdMetres", coverage.thresholdMetres());
            out.writeNumberField("facilities", coverage.facilities());
            writeTotals(out, coverage);
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /**
     * The uncovered units as a GeoJSON FeatureCollection, in the analysis's unit order, with the
     * category and threshold as foreign members (for a legend).
     */
    static void writeGaps(JsonGenerator out, CategoryCoverage coverage) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", "FeatureCollection");
        writeCategory(out, coverage.category());
        AnalysisJsonWriter.writeMetres(out, "thresholdMetres", coverage.thresholdMetres());
        out.writeArrayFieldStart("features");
        for (UnitReach reach : coverage.uncovered()) {
            ResidentialUnit unit = reach.unit();
            out.writeStartObject();
            out.writeStringField("type", "Feature");
            out.writeObjectFieldStart("properties");
            out.writeStringField("layer", unit.layer());
            out.writeNumberField("featureId", unit.featureId());
            out.writeStringField("name", unit.name());
            out.writeNumberField("residents", unit.residents());
            AnalysisJsonWriter.writeMetres(out, "walkMetres", reach.walkMetres());
            out.writeEndObject();
            out.writeFieldName("geometry");
            GeoJsonGeometryWriter.writeGeometry(out, unit.geometry());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    static void writeSuggestion(JsonGenerator out, SiteSuggestion suggestion) throws IOException {
        out.writeStartObject();
        writeCategory(out, suggestion.category());
        AnalysisJsonWriter.writeMetres(out, "thresholdMetres", suggestion.thresholdMetres());
        out.writeNumberField("residents", suggestion.residents());
        out.writeNumberField("coveredBefore", suggestion.coveredBefore());
        out.writeNumberField("coveredAfter", suggestion.coveredAfter());
        out.writeNumberField("totalGain", suggestion.totalGain());
        out.writeNumberField("candidatesConsidered", suggestion.candidatesConsidered());
        out.writeStringField("guarantee", GREEDY_GUARANTEE);
        out.writeArrayFieldStart("sites");
        int rank = 1;
        for (SuggestedSite suggested : suggestion.sites()) {
            CandidateSite site = suggested.site();
            out.writeStartObject();
            out.writeNumberField("rank", rank++);
            out.writeFieldName("lon");
            GeoJsonGeometryWriter.writeCoordinate(out, site.lon());
            out.writeFieldName("lat");
            GeoJsonGeometryWriter.writeCoordinate(out, site.lat());
            out.writeStringField("layer", site.layer());
            out.writeFieldName("id");
            if (site.featureId() == null) {
                out.writeNull();
            } else {
                out.writeNumber(site.featureId());
            }
            out.writeStringField("name", site.name());
            out.writeNumberField("gain", suggested.gainResidents());
            writeUnits(out, "newlyCovered", suggested.newlyCovered());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** Before and after side by side, the gain, and the units the proposal brings within reach. */
    static void writeWhatIf(JsonGenerator out, WhatIfResult result) throws IOException {
        out.writeStartObject();
        writeCategory(out, result.before().category());
        AnalysisJsonWriter.writeMetres(out, "thresholdMetres", result.before().thresholdMetres());
        out.writeObjectFieldStart("before");
        writeTotals(out, result.before());
        writeGrids(out, result.before().grids());
        out.writeEndObject();
        out.writeObjectFieldStart("after");
        writeTotals(out, result.after());
        writeGrids(out, result.after().grids());
        out.writeEndObject();
        out.writeNumberField("gain", result.gainResidents());
        writeUnits(out, "newlyCovered", newlyCovered(result));
        out.writeEndObject();
    }

    /** Units covered after but not before, in unit order (matched by layer and id, not by position). */
    static List<ResidentialUnit> newlyCovered(WhatIfResult result) {
        Set<String> coveredBefore = new HashSet<>();
        result.before().units().stream().filter(UnitReach::covered).forEach(r -> coveredBefore.add(key(r.unit())));
        return result.after().units().stream().filter(UnitReach::covered).map(UnitReach::unit)
                .filter(u -> !coveredBefore.contains(key(u))).toList();
    }

    /** The gaps of the same category and threshold; metres rounded to 0.1 as everywhere, but never to 0. */
    static String gapsPath(CategoryCoverage coverage) {
        double metres = Math.max(0.1, Math.round(coverage.thresholdMetres() * 10) / 10.0);
        return "/analysis/coverage/gaps?category=" + URLEncoder.encode(coverage.category().id(), StandardCharsets.UTF_8)
                + "&metres=" + AnalysisJsonWriter.minutesText(metres);
    }

    private static String key(ResidentialUnit unit) {
        return unit.layer() + "/" + unit.featureId();
    }

    private static void writeCategory(JsonGenerator out, FacilityCategory category) throws IOException {
        out.writeObjectFieldStart("category");
        AnalysisJsonWriter.writeCategoryFields(out, category);
        out.writeEndObject();
    }

    private static void writeTotals(JsonGenerator out, CategoryCoverage coverage) throws IOException {
        out.writeNumberField("residents", coverage.residents());
        out.writeNumberField("covered", coverage.coveredResidents());
        out.writeNumberField("uncovered", coverage.uncoveredResidents());
        writeShare(out, coverage.coveredShare());
    }

    private static void writeGrids(JsonGenerator out, List<GridCoverage> grids) throws IOException {
        out.writeArrayFieldStart("grids");
        for (GridCoverage grid : grids) {
            out.writeStartObject();
            out.writeNumberField("id", grid.gridId());
            out.writeStringField("code", grid.code());
            out.writeStringField("name", grid.name());
            out.writeStringField("level", grid.level() == null ? null : grid.level().code());
            out.writeStringField("parentCode", grid.parentCode());
            out.writeNumberField("residents", grid.residents());
            out.writeNumberField("covered", grid.coveredResidents());
            writeShare(out, grid.coveredShare());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void writeUnits(JsonGenerator out, String name, List<ResidentialUnit> units) throws IOException {
        out.writeArrayFieldStart(name);
        for (ResidentialUnit unit : units) {
            out.writeStartObject();
            out.writeStringField("layer", unit.layer());
            out.writeNumberField("id", unit.featureId());
            out.writeStringField("name", unit.name());
            out.writeNumberField("residents", unit.residents());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void writeShare(JsonGenerator out, double share) throws IOException {
        AnalysisJsonWriter.writeRounded(out, "coveredShare", share, 10_000);
    }
}
