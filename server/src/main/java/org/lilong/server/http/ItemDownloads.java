package org.lilong.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import org.lilong.geodata.crs.CrsRegistry;
import org.lilong.geodata.io.export.ExportOptions;
import org.lilong.geodata.io.export.FeatureExport;
import org.lilong.geodata.io.export.OutputCrs;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.query.FeaturePage;

/**
 * Serves matches of {@code /collections/{id}/items} as a file to save ({@code f=csv}, {@code gpkg},
 * {@code shp}), written by geodata's exporters in the requested CRS (WGS84 by default) with the
 * attributes the audience may see.
 * CSV is streamed straight into the response; a GeoPackage or shapefile is built in a temporary
 * file first (so a failure is still a problem response, not a cut-off file), then streamed and
 * deleted. The headers are set only when the first byte is ready.
 */
final class ItemDownloads {

    private ItemDownloads() {
    }

    /**
     * @param crs the {@code crs} asked for; a GeoPackage is written in EPSG:4326 only (its layers'
     *     CRS), CSV and shapefile in any CRS of {@link ApiCrs}, easting or longitude first as files
     *     have it (WKT, shapefile)
     * @throws ApiProblem 400 naming {@code crs} for a GeoPackage in another CRS than CRS84 or EPSG:4326
     */
    static void send(Context ctx, LayerDefinition layer, Visibility audience, FeaturePage page, ResponseFormat format, ApiCrs crs)
            throws IOException {
        if (!format.exportFormat().allowsCrs() && crs != ApiCrs.CRS84 && crs != ApiCrs.EPSG_4326) {
            throw ApiProblem.invalidParameter(ApiCrs.CRS_PARAMETER, "a " + label(format) + " download is written in EPSG:4326"
                    + " only, not " + crs.shortName() + "; leave crs out or use f=csv or f=shp");
        }
        // The registry's own CRS for the file, so that a shapefile's .prj names CGCS2000 for EPSG:4490.
        OutputCrs output = OutputCrs.of(CrsRegistry.resolve(crs.shortName()));
        FeatureExport export = new FeatureExport(format.exportFormat(), ExportOptions.DEFAULTS.withCrs(output));
        export.toStream(layer, layer.attributesVisibleTo(audience), page.features(), () -> {
            ctx.contentType(format.mediaType());
            ctx.header(ItemRoutes.CONTENT_CRS, crs.contentCrsHeader());
            ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(layer, format) + "\"");
            return ctx.outputStream();
        });
    }

    /** How the HTML page and link titles name a download format. */
    static String label(ResponseFormat format) {
        return switch (format) {
            case CSV -> "CSV";
            case GPKG -> "GeoPackage";
            case SHAPEFILE -> "Shapefile (zip)";
            default -> format.parameter();
        };
    }

    static String fileName(LayerDefinition layer, ResponseFormat format) {
        // Layer ids are lower kebab case, so the name needs no quoting or encoding.
        return layer.id() + "." + format.exportFormat().downloadExtension();
    }
}
