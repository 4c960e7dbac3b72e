package org.lilong.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import org.lilong.geodata.io.export.ExportOptions;
import org.lilong.geodata.io.export.FeatureExport;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.query.FeaturePage;

/**
 * Serves matches of {@code /collections/{id}/items} as a file to save ({@code f=csv}, {@code gpkg},
 * {@code shp}), written by geodata's exporters in WGS84 with the attributes the audience may see.
 * CSV is streamed straight into the response; a GeoPackage or shapefile is built in a temporary
 * file first (so a failure is still a problem response, not a cut-off file), then streamed and
 * deleted. The headers are set only when the first byte is ready.
 */
final class ItemDownloads {

    private ItemDownloads() {
    }

    static void send(Context ctx, LayerDefinition layer, Visibility audience, FeaturePage page, ResponseFormat format)
            throws IOException {
        FeatureExport export = new FeatureExport(format.exportFormat(), ExportOptions.DEFAULTS);
        export.toStream(layer, layer.attributesVisibleTo(audience), page.features(), () -> {
            ctx.contentType(format.mediaType());
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
