package org.lilong.server.http;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.lilong.layers.Atlas;
import org.lilong.layers.lifecircle.LifeCircleAnalysis;
import org.lilong.layers.lifecircle.OffNetworkException;
import org.lilong.layers.lifecircle.WalkStart;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.standard.FacilityCategory;
import org.lilong.layers.standard.LifeCircleProfile;
import org.lilong.layers.standard.WalkingSpeed;
import org.locationtech.jts.geom.Point;

/**
 * Reads and checks the query parameters of the {@code /analysis} routes, refusing a client's mistake
 * with an {@link ApiProblem} that names the parameter: 400 for a malformed value, 422 for a start the
 * data cannot serve (an unknown area, a point too far from every street).
 */
final class AnalysisParameters {

    /** The bands drawn when the query does not choose: the three life circles. */
    static final double[] DEFAULT_MINUTES = {5, 10, 15};
    static final double MAX_MINUTES = LifeCircleAnalysis.MAX_MINUTES;
    static final int MAX_BANDS = LifeCircleAnalysis.MAX_BANDS;

    /** Plain decimal numbers only: Java would also take "NaN", "Infinity", "0x1p3" and "1.5d". */
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private final Atlas atlas;
    private final String profileName;

    AnalysisParameters(Atlas atlas, String profileName) {
        this.atlas = atlas;
        this.profileName = profileName;
    }

    /** Where the walk starts, as the response describes it. */
    record Start(WalkStart walk, double lon, double lat, Feature area) {
    }

    /** {@code profile=}, when given, must name the profile this server runs with. */
    void checkProfile(Context ctx) {
        String name = ctx.queryParam("profile");
        if (name != null && !name.equals(profileName)) {
            throw ApiProblem.invalidParameter("profile", "unknown profile '" + name + "'; this server's profile is '"
                    + profileName + "'");
        }
    }

    /**
     * {@code lon} and {@code lat}, or {@code area} (a residential area's id), attached to the network.
     *
     * @throws ApiProblem 400 for a malformed or missing start, 422 for an unknown area or a start off the network
     */
    Start start(Context ctx, LifeCircleAnalysis analysis) {
        String area = ctx.queryParam("area");
        if (area != null) {
            if (ctx.queryParam("lon") != null || ctx.queryParam("lat") != null) {
                throw ApiProblem.invalidParameter("area", "give either lon and lat or area, not both");
            }
            return areaStart(area, analysis);
        }
        if (ctx.queryParam("lon") == null && ctx.queryParam("lat") != null) {
            throw ApiProblem.invalidParameter("lon", "required with lat");
        }
        if (ctx.queryParam("lon") == null) {
            throw ApiProblem.invalidParameter("lon", "required: a point (lon and lat) or a residential area (area)");
        }
        double lon = QueryNumbers.longitude(ctx);
        double lat = QueryNumbers.latitude(ctx);
        try {
            return new Start(analysis.startAt(lon, lat), lon, lat, null);
        } catch (OffNetworkException e) {
            throw offNetwork("lon,lat", "the point", e);
        }
    }

    private Start areaStart(String text, LifeCircleAnalysis analysis) {
        if (!ID.matcher(text.trim()).matches()) {
            throw ApiProblem.invalidParameter("area", "'" + text + "' is not a residential area id");
        }
        long id = Long.parseLong(text.trim());
        Feature area = atlas.feature(LayerCatalogue.RESIDENTIAL_AREAS, id).orElseThrow(() ->
                new ApiProblem(422, "unknown-area", "Unknown residential area",
                        "parameter 'area': there is no residential area " + id, "area"));
        WalkStart walk;
        try {
            walk = analysis.startAtArea(area);
        } catch (OffNetworkException e) {
            throw offNetwork("area", "residential area " + id, e);
        }
        // A representative point inside the area, even a concave one: where a map puts its label.
        Point inside = area.geometry().getInteriorPoint();
        return new Start(walk, inside.getX(), inside.getY(), area);
    }

    private static ApiProblem offNetwork(String parameter, String what, OffNetworkException e) {
        String nearest = Double.isInfinite(e.distanceMetres())
                ? "there is no walkable street at all"
                : "the nearest walkable street is " + String.format(Locale.ROOT, "%.0f", e.distanceMetres()) + " m away";
        return new ApiProblem(422, "off-network", "Start off the walking network",
                "parameter '" + parameter + "': " + what + " is too far from the streets to start a walk: " + nearest
                        + ", and the limit is " + String.format(Locale.ROOT, "%.0f", e.limitMetres()) + " m", parameter);
    }

    /** {@code speed}: a preset of the profile or a number in m/s; the profile's default when absent. */
    WalkingSpeed speed(Context ctx) {
        return speed(ctx.queryParam("speed"));
    }

    /** A {@code speed} given as text (a query parameter, or a field of a request body); null for the default. */
    WalkingSpeed speed(String text) {
        LifeCircleProfile profile = atlas.profile();
        if (text == null) {
            return profile.defaultSpeed();
        }
        String value = text.trim();
        Optional<WalkingSpeed> preset = profile.speed(value);
        if (preset.isPresent()) {
            return preset.get();
        }
        if (!QueryNumbers.isPlainNumber(value)) {
            throw ApiProblem.invalidParameter("speed", "'" + text + "' is neither a preset (" + presets(profile)
                    + ") nor a number of metres per second");
        }
        try {
            return WalkingSpeed.custom(Double.parseDouble(value));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidParameter("speed", "must lie in [" + WalkingSpeed.MIN_METRES_PER_SECOND + ", "
                    + WalkingSpeed.MAX_METRES_PER_SECOND + "] m/s, or be a preset (" + presets(profile) + ")");
        }
    }

    /** The preset ids, for a message: built only when a request gets one wrong, not for every valid speed. */
    private static String presets(LifeCircleProfile profile) {
        return String.join(", ", profile.speeds().stream().map(WalkingSpeed::id).toList());
    }

    /** {@code minutes}: up to six distinct bands in (0, 60], comma-separated, in any order; sorted ascending. */
    double[] minutes(Context ctx) {
        List<String> given = ctx.queryParams("minutes");
        if (given.isEmpty()) {
            return DEFAULT_MINUTES.clone();
        }
        if (given.size() > 1) {
            throw ApiProblem.invalidParameter("minutes", "give the bands once, separated by commas");
        }
        String[] items = given.get(0).split(",", -1);
        if (items.length > MAX_BANDS) {
            throw ApiProblem.invalidParameter("minutes", "at most " + MAX_BANDS + " bands, not " + items.length);
        }
        double[] minutes = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            String item = items[i].trim();
            if (!QueryNumbers.isPlainNumber(item)) {
                throw ApiProblem.invalidParameter("minutes", "'" + items[i] + "' is not a number of minutes");
            }
            minutes[i] = Double.parseDouble(item);
            if (!(minutes[i] > 0 && minutes[i] <= MAX_MINUTES)) {
                throw ApiProblem.invalidParameter("minutes", "each band must lie in (0, " + (int) MAX_MINUTES + "], not " + item);
            }
        }
        Arrays.sort(minutes);
        for (int i = 1; i < minutes.length; i++) {
            if (minutes[i] == minutes[i - 1]) {
                throw ApiProblem.invalidParameter("minutes", "the band " + AnalysisJsonWriter.minutesText(minutes[i])
                        + " is given twice");
            }
        }
        return minutes;
    }

    /** {@code categories}: ids of the profile's categories, in the profile's order; null (all) when absent. */
    Set<String> categories(Context ctx) {
        String text = ctx.queryParam("categories");
        if (text == null) {
            return null;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String item : text.split(",", -1)) {
            String id = item.trim();
            if (atlas.profile().category(id).isEmpty()) {
                throw ApiProblem.invalidParameter("categories", "unknown category '" + item + "'; the profile has "
                        + String.join(", ", atlas.profile().categories().stream().map(FacilityCategory::id).toList()));
            }
            wanted.add(id);
        }
        return wanted;
    }
}
