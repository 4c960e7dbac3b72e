package org.lilong.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * The representations a resource can be asked for: by the {@code f} parameter first, else by the
 * {@code Accept} header, else JSON (what API clients such as GDAL expect).
 */
public enum ResponseFormat {
    JSON("application/json"),
    GEOJSON("application/geo+json"),
    HTML("text/html");

    private final String mediaType;

    ResponseFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * @param offered the formats this resource has, the first being the JSON flavour
     * @throws ApiProblem 400 for an unknown {@code f}, 406 when the Accept header allows none of them
     */
    public static ResponseFormat negotiate(Context ctx, List<ResponseFormat> offered) {
        String f = ctx.queryParam("f");
        if (f != null) {
            return switch (f.toLowerCase(Locale.ROOT)) {
                case "json", "geojson" -> offered.get(0);
                case "html" -> HTML;
                default -> throw ApiProblem.invalidParameter("f", "'" + f + "' is not a format here; use json or html");
            };
        }
        String accept = ctx.header("Accept");
        if (accept == null || accept.isBlank()) {
            return offered.get(0);
        }
        ResponseFormat best = null;
        double bestQuality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.trim().split(";");
            String mediaRange = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            for (ResponseFormat format : offered) {
                if (format.matches(mediaRange) && quality > bestQuality) {
                    best = format;
                    bestQuality = quality;
                }
            }
            if (mediaRange.equals("*/*") && quality > bestQuality) {
                best = offered.get(0);
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw ApiProblem.notAcceptable("this resource is available as "
                    + String.join(", ", offered.stream().map(ResponseFormat::mediaType).toList()));
        }
        return best;
    }

    private boolean matches(String mediaRange) {
        if (mediaRange.equals(mediaType)) {
            return true;
        }
        if (this != HTML && (mediaRange.equals("application/json") || mediaRange.equals("application/geo+json")
                || mediaRange.equals("application/*"))) {
            return true;
        }
        return this == HTML && mediaRange.equals("text/*");
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
