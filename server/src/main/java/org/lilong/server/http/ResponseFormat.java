package org.lilong.server.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.lilong.geodata.io.export.ExportFormat;

/**
 * The representations a resource can be asked for: by the {@code f} parameter first, else by the
 * {@code Accept} header, else JSON (what API clients such as GDAL expect).
 *
 * <p>The download formats (CSV, GeoPackage, zipped shapefile) are asked for by {@code f} only: they
 * are files to save rather than representations to negotiate, so an Accept header never selects
 * one (a client sending {@code Accept: text/csv} still gets 406 from a resource without HTML/JSON
 * it accepts).
 */
public enum ResponseFormat {
    JSON("application/json", "json", null),
    GEOJSON("application/geo+json", "json", null),
    HTML("text/html", "html", null),
    CSV("text/csv; charset=utf-8", "csv", ExportFormat.CSV),
    GPKG("application/geopackage+sqlite3", "gpkg", ExportFormat.GPKG),
    SHAPEFILE("application/zip", "shp", ExportFormat.SHAPEFILE);

    private final String mediaType;
    private final String parameter;
    private final ExportFormat download;

    ResponseFormat(String mediaType, String parameter, ExportFormat download) {
        this.mediaType = mediaType;
        this.parameter = parameter;
        this.download = download;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The value of {@code f} that asks for this format. */
    public String parameter() {
        return parameter;
    }

    /** True for the formats served as a file to save (Content-Disposition: attachment), chosen by {@code f} only. */
    public boolean isDownload() {
        return download != null;
    }

    /** The export format that writes this download; null for the negotiated formats. */
    public ExportFormat exportFormat() {
        return download;
    }

    /**
     * @param offered the formats this resource has, the first being the JSON flavour
     * @throws ApiProblem 400 for an unknown {@code f}, 406 when the Accept header allows none of them
     */
    public static ResponseFormat negotiate(Context ctx, List<ResponseFormat> offered) {
        String f = ctx.queryParam("f");
        if (f != null) {
            String asked = f.toLowerCase(Locale.ROOT);
            switch (asked) {
                case "json", "geojson" -> {
                    return offered.get(0);
                }
                case "html" -> {
                    return HTML;
                }
                default -> {
                    for (ResponseFormat format : offered) {
                        if (format.isDownload() && format.parameter.equals(asked)) {
                            return format;
                        }
                    }
                    throw ApiProblem.invalidParameter("f", "'" + f + "' is not a format here; use " + parameters(offered));
                }
            }
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
                if (!format.isDownload() && format.matches(mediaRange) && quality > bestQuality) {
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
                    + String.join(", ", offered.stream().filter(r -> !r.isDownload()).map(ResponseFormat::mediaType).toList()));
        }
        return best;
    }

    /** "json or html", "json, html, csv, gpkg or shp": the values of f a resource takes. */
    private static String parameters(List<ResponseFormat> offered) {
        List<String> names = new java.util.ArrayList<>(List.of("json", "html"));
        offered.stream().filter(ResponseFormat::isDownload).map(ResponseFormat::parameter).forEach(names::add);
        return names.size() == 2 ? "json or html"
                : names.subList(0, names.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + names.get(names.size() - 1);
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
