package org.lilong.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.lilong.layers.Atlas;
import org.lilong.layers.coverage.CategoryCoverage;
import org.lilong.layers.coverage.CoverageAnalysis;
import org.lilong.layers.coverage.SiteSuggestion;
import org.lilong.layers.coverage.WhatIfResult;
import org.lilong.layers.lifecircle.OffNetworkException;
import org.lilong.layers.model.Feature;
import org.lilong.layers.standard.FacilityCategory;

/**
 * Coverage gaps over HTTP: {@code /analysis/coverage} (who is within reach of a category, per grid;
 * without a category, a summary of all), {@code /analysis/coverage/gaps} (the uncovered units as
 * GeoJSON or CSV), {@code /analysis/suggest-sites} (where k new facilities would reach the most
 * residents) and {@code POST /analysis/what-if} (coverage before and after proposed facilities or
 * walking links, nothing stored). Parameters are checked by {@link CoverageParameters} and
 * {@link WhatIfRequestReader} before the analysis runs; answers are written by
 * {@link CoverageJsonWriter} and {@link GapsCsvWriter}.
 */
public final class CoverageRoutes {

    private final Atlas atlas;
    private final CoverageParameters parameters;
    private final WhatIfRequestReader whatIfReader;
    private final JsonAnswer answer;

    /** @param profileName the name of the atlas's profile, which {@code profile=} must match */
    public CoverageRoutes(Atlas atlas, String profileName, JsonFactory json) {
        this.atlas = atlas;
        AnalysisParameters analysis = new AnalysisParameters(atlas, profileName);
        this.parameters = new CoverageParameters(atlas, analysis);
        this.whatIfReader = new WhatIfRequestReader(parameters, analysis);
        this.answer = new JsonAnswer(json);
    }

    public void register(JavalinConfig config) {
        config.routes.get("/analysis/coverage", this::coverage);
        config.routes.get("/analysis/coverage/gaps", this::gaps);
        config.routes.get("/analysis/suggest-sites", this::suggestSites);
        config.routes.post("/analysis/what-if", this::whatIf);
    }

    private void coverage(Context ctx) {
        if (!CoverageParameters.hasCategory(ctx)) {
            CoverageParameters.checkNoThreshold(ctx);
            List<CategoryCoverage> summary = atlas.coverage().summary();
            answer.send(ctx, "application/json", out -> CoverageJsonWriter.writeSummary(out, summary));
            return;
        }
        FacilityCategory category = parameters.category(ctx);
        double threshold = parameters.thresholdMetres(ctx, category);
        CategoryCoverage coverage = atlas.coverage().coverage(category.id(), threshold);
        answer.send(ctx, "application/json", out -> CoverageJsonWriter.writeCoverage(out, coverage));
    }

    private void gaps(Context ctx) {
        FacilityCategory category = parameters.category(ctx);
        double threshold = parameters.thresholdMetres(ctx, category);
        CoverageParameters.GapsFormat format = CoverageParameters.gapsFormat(ctx);
        CategoryCoverage coverage = atlas.coverage().coverage(category.id(), threshold);
        if (format == CoverageParameters.GapsFormat.GEOJSON) {
            answer.send(ctx, AnalysisRoutes.GEO_JSON, out -> CoverageJsonWriter.writeGaps(out, coverage));
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            GapsCsvWriter.write(out, coverage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType(ResponseFormat.CSV.mediaType());
        ctx.header("Content-Disposition", "attachment; filename=\"" + GapsCsvWriter.fileName(coverage) + "\"");
        ctx.result(bytes.toByteArray());
    }

    private void suggestSites(Context ctx) {
        FacilityCategory category = parameters.category(ctx);
        double threshold = parameters.thresholdMetres(ctx, category);
        int k = parameters.sites(ctx);
        String candidateLayer = parameters.candidateLayer(ctx);
        List<Feature> candidates = candidateLayer == null ? null : atlas.index(candidateLayer).all();
        SiteSuggestion suggestion = atlas.coverage().suggest(category.id(), threshold, k, candidateLayer, candidates);
        answer.send(ctx, "application/json", out -> CoverageJsonWriter.writeSuggestion(out, suggestion));
    }

    private void whatIf(Context ctx) {
        WhatIfRequest request = whatIfReader.read(ctx);
        CoverageAnalysis coverage = atlas.coverage();
        WhatIfRequestReader.checkOnNetwork(request.proposal(), atlas.lifeCircle());
        WhatIfResult result;
        try {
            result = coverage.whatIf(request.category().id(), request.thresholdMetres(), request.proposal());
        } catch (OffNetworkException e) {
            // Each facility and link end was checked above; this is the analysis's own, stricter word.
            throw WhatIfRequestReader.offNetwork("facilities,links", "a proposed facility or link end is off the network", e);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(422, "invalid-proposal", "Invalid proposal", "the proposal cannot be analysed: "
                    + e.getMessage(), "facilities,links");
        }
        answer.send(ctx, "application/json", out -> CoverageJsonWriter.writeWhatIf(out, result));
    }
}
