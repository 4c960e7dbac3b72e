package org.lilong.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.lilong.layers.Atlas;
import org.lilong.layers.coverage.CoverageAnalysis;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.standard.FacilityCategory;
import org.lilong.layers.standard.WalkingSpeed;

/**
 * Reads and checks the parameters of the coverage routes ({@code category}, the threshold as
 * {@code metres} or {@code minutes} with {@code speed}, {@code k}, {@code candidates}, {@code f}),
 * refusing a client's mistake with a 400 {@link ApiProblem} that names the parameter, so that the
 * analysis is only ever called with values it accepts. The what-if body reuses the category and
 * threshold rules through {@link #category(String)} and {@link #thresholdMetres}.
 */
final class CoverageParameters {

    static final double MAX_THRESHOLD_METRES = CoverageAnalysis.MAX_THRESHOLD_METRES;
    static final double MAX_MINUTES = AnalysisParameters.MAX_MINUTES;
    /** Whole numbers only: no sign, no decimals, no exponent. */
    private static final Pattern WHOLE = Pattern.compile("\\d+");

    /** The representations of the gaps: GeoJSON to draw, CSV to save. */
    enum GapsFormat { GEOJSON, CSV }

    private final Atlas atlas;
    private final AnalysisParameters analysis;

    CoverageParameters(Atlas atlas, AnalysisParameters analysis) {
        this.atlas = atlas;
        this.analysis = analysis;
    }

    /** {@code category}, required: one id of the profile. */
    FacilityCategory category(Context ctx) {
        String text = single(ctx, "category");
        if (text == null) {
            throw ApiProblem.invalidParameter("category", "required: one of " + categoryIds());
        }
        return category(text);
    }

    /** A category id, from the query or a request body. */
    FacilityCategory category(String text) {
        return atlas.profile().category(text.trim()).orElseThrow(() -> ApiProblem.invalidParameter("category",
                "unknown category '" + text + "'; the profile has " + categoryIds()));
    }

    /** Whether the query names a category at all (the coverage route answers a summary when not). */
    static boolean hasCategory(Context ctx) {
        return !ctx.queryParams("category").isEmpty();
    }

    /** The summary takes each category at its own maximum walk: a threshold without a category is a mistake. */
    static void checkNoThreshold(Context ctx) {
        if (ctx.queryParam("metres") != null || ctx.queryParam("minutes") != null) {
            throw ApiProblem.invalidParameter("category", "required with metres or minutes; without either, the summary"
                    + " takes each category at its own maximum walk");
        }
    }

    /** The threshold of the query: {@code metres}, or {@code minutes} at {@code speed}; else the category's maximum walk. */
    double thresholdMetres(Context ctx, FacilityCategory category) {
        String metres = single(ctx, "metres");
        String minutes = single(ctx, "minutes");
        WalkingSpeed speed = analysis.speed(ctx);
        return thresholdMetres(category, metres == null ? null : number("metres", metres),
                minutes == null ? null : number("minutes", minutes), speed);
    }

    /**
     * @param metres the walk in metres, or null
     * @param minutes the walk in minutes at {@code speed}, or null
     * @throws ApiProblem 400 when both are given, or either lies out of range
     */
    double thresholdMetres(FacilityCategory category, Double metres, Double minutes, WalkingSpeed speed) {
        if (metres != null && minutes != null) {
            throw ApiProblem.invalidParameter("metres", "give either metres or minutes, not both");
        }
        if (metres != null) {
            if (!(metres > 0 && metres <= MAX_THRESHOLD_METRES)) {
                throw ApiProblem.invalidParameter("metres", "must lie in (0, " + (int) MAX_THRESHOLD_METRES + "], not "
                        + numberText(metres));
            }
            return metres;
        }
        if (minutes != null) {
            if (!(minutes > 0 && minutes <= MAX_MINUTES)) {
                throw ApiProblem.invalidParameter("minutes", "must lie in (0, " + (int) MAX_MINUTES + "], not "
                        + numberText(minutes));
            }
            double walked = speed.metresIn(minutes);
            if (walked > MAX_THRESHOLD_METRES) {
                throw ApiProblem.invalidParameter("minutes", String.format(Locale.ROOT,
                        "%s minutes at %s m/s is %.0f m, beyond the %d m limit", numberText(minutes),
                        speed.metresPerSecond(), walked, (int) MAX_THRESHOLD_METRES));
            }
            return walked;
        }
        return category.maxWalkMetres();
    }

    /** {@code k}, required: how many sites to suggest, 1 to {@value CoverageAnalysis#MAX_SITES}. */
    int sites(Context ctx) {
        String text = single(ctx, "k");
        if (text == null) {
            throw ApiProblem.invalidParameter("k", "required: how many sites to suggest, 1 to " + CoverageAnalysis.MAX_SITES);
        }
        if (!WHOLE.matcher(text.trim()).matches()) {
            throw ApiProblem.invalidParameter("k", "'" + text + "' is not a whole number");
        }
        String digits = text.trim();
        // Nine digits still fit an int; anything longer is out of range anyway.
        int k = digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (k < 1 || k > CoverageAnalysis.MAX_SITES) {
            throw ApiProblem.invalidParameter("k", "must lie in [1, " + CoverageAnalysis.MAX_SITES + "], not " + digits);
        }
        return k;
    }

    /** {@code candidates}: the id of a layer whose features may take a site; null (the street nodes) when absent. */
    String candidateLayer(Context ctx) {
        String text = single(ctx, "candidates");
        if (text == null) {
            return null;
        }
        return atlas.catalogue().find(text.trim()).map(LayerDefinition::id).orElseThrow(() -> ApiProblem.invalidParameter(
                "candidates", "unknown layer '" + text + "'; the layers are "
                        + String.join(", ", atlas.catalogue().layers().stream().map(LayerDefinition::id).toList())));
    }

    /**
     * {@code f}: {@code geojson} (or {@code json}, the default) or {@code csv}. Without {@code f} the
     * Accept header must allow GeoJSON; CSV is a file to save and is asked for by {@code f} only.
     */
    static GapsFormat gapsFormat(Context ctx) {
        String f = single(ctx, "f");
        if (f == null) {
            ResponseFormat.negotiate(ctx, List.of(ResponseFormat.GEOJSON));
            return GapsFormat.GEOJSON;
        }
        return switch (f.trim().toLowerCase(Locale.ROOT)) {
            case "geojson", "json" -> GapsFormat.GEOJSON;
            case "csv" -> GapsFormat.CSV;
            default -> throw ApiProblem.invalidParameter("f", "'" + f + "' is not a format here; use geojson or csv");
        };
    }

    /** "300", "412.5", "Infinity": as given, without a spurious ".0". */
    private static String numberText(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static Double number(String parameter, String text) {
        if (!QueryNumbers.isPlainNumber(text)) {
            throw ApiProblem.invalidParameter(parameter, "'" + text + "' is not a number");
        }
        return Double.parseDouble(text.trim());
    }

    /** A parameter given at most once; null when absent. */
    private static String single(Context ctx, String parameter) {
        List<String> values = ctx.queryParams(parameter);
        if (values.size() > 1) {
            throw ApiProblem.invalidParameter(parameter, "give it once, not " + values.size() + " times");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private String categoryIds() {
        return String.join(", ", atlas.profile().categories().stream().map(FacilityCategory::id).toList());
    }
}
