package org.lilong.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.lilong.layers.Atlas;
import org.lilong.layers.isochrone.Isochrone;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
import org.lilong.layers.lifecircle.LifeCircleReport;
import org.lilong.layers.standard.WalkingSpeed;

/**
 * The 15-minute life circle over HTTP: {@code /analysis/isochrones} (nested walking areas),
 * {@code /analysis/life-circle} (the facility checklist) and {@code /analysis/profile} (the
 * categories and speeds a query may name). Parameters are checked by {@link AnalysisParameters}
 * before the analysis runs; answers are written by {@link AnalysisJsonWriter}.
 */
public final class AnalysisRoutes {

    static final String GEO_JSON = "application/geo+json";

    private final Atlas atlas;
    private final String profileName;
    private final AnalysisParameters parameters;
    private final JsonAnswer answer;

    /** @param profileName the name of the atlas's profile, which {@code profile=} must match */
    public AnalysisRoutes(Atlas atlas, String profileName, JsonFactory json) {
        this.atlas = atlas;
        this.profileName = profileName;
        this.parameters = new AnalysisParameters(atlas, profileName);
        this.answer = new JsonAnswer(json);
    }

    public void register(JavalinConfig config) {
        config.routes.get("/analysis/isochrones", this::isochrones);
        config.routes.get("/analysis/life-circle", this::lifeCircle);
        config.routes.get("/analysis/profile", this::profile);
    }

    private void isochrones(Context ctx) {
        parameters.checkProfile(ctx);
        WalkingSpeed speed = parameters.speed(ctx);
        double[] minutes = parameters.minutes(ctx);
        LifeCircleAnalysis analysis = atlas.lifeCircle();
        AnalysisParameters.Start start = parameters.start(ctx, analysis);
        List<Isochrone> isochrones = analysis.isochrones(start.walk(), speed, minutes);
        answer.send(ctx, GEO_JSON, out -> AnalysisJsonWriter.writeIsochrones(out, start, speed, minutes, isochrones));
    }

    private void lifeCircle(Context ctx) {
        parameters.checkProfile(ctx);
        WalkingSpeed speed = parameters.speed(ctx);
        Set<String> categories = parameters.categories(ctx);
        LifeCircleAnalysis analysis = atlas.lifeCircle();
        AnalysisParameters.Start start = parameters.start(ctx, analysis);
        LifeCircleReport report = analysis.report(start.walk(), speed);
        answer.send(ctx, "application/json", out -> AnalysisJsonWriter.writeReport(out, start, report, profileName, categories));
    }

    private void profile(Context ctx) {
        answer.send(ctx, "application/json", out -> AnalysisJsonWriter.writeProfile(out, atlas.profile(), profileName));
    }
}
