package org.lilong.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.model.Visibility;
import org.lilong.layers.tiles.EncodedTile;
import org.lilong.layers.tiles.TileAddress;
import org.lilong.layers.tiles.TileService;
import org.lilong.layers.tiles.TileZoomRange;

/**
 * Mapbox vector tiles on the Web Mercator grid, per layer ({@code /collections/{id}/tiles/…}) and
 * combined ({@code /tiles/…}), with their TileJSON documents. An empty tile is a 204. Every tile has
 * a strong ETag from its bytes and {@code Cache-Control: no-cache}, so browsers keep tiles but ask
 * each time whether they changed (a 304 when not): an edit is never hidden by a browser cache.
 */
public final class TileRoutes {

    static final String MVT = "application/vnd.mapbox-vector-tile";

    private final Atlas atlas;
    private final TileService tiles;
    private final TileJsonDocument tileJson;

    public TileRoutes(Atlas atlas, TileService tiles, ObjectMapper json) {
        this.atlas = atlas;
        this.tiles = tiles;
        this.tileJson = new TileJsonDocument(atlas, json.getFactory());
    }

    public void register(JavalinConfig config) {
        config.routes.get("/tiles", this::combinedTileJson);
        config.routes.get("/tiles/{z}/{x}/{y}.mvt", this::combinedTile);
        config.routes.get("/collections/{collectionId}/tiles", this::layerTileJson);
        config.routes.get("/collections/{collectionId}/tiles/{z}/{x}/{y}.mvt", this::layerTile);
    }

    private void combinedTile(Context ctx) {
        List<String> layers = TileParameters.layers(ctx, atlas);
        TileAddress tile = TileParameters.address(ctx);
        send(ctx, tiles.tile(layers, tile, TileParameters.crs(ctx), RequestAudience.of(ctx)));
    }

    private void layerTile(Context ctx) {
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        TileAddress tile = TileParameters.address(ctx);
        TileZoomRange range = TileZoomRange.of(layer.id());
        if (!range.contains(tile.z())) {
            // ASCII only: problem bodies are sent without a charset.
            throw ApiProblem.notFound("layer '" + layer.id() + "' is tiled at zooms " + range.minZoom() + " to "
                    + range.maxZoom() + " only, not " + tile.z());
        }
        send(ctx, tiles.tile(List.of(layer.id()), tile, TileParameters.crs(ctx), RequestAudience.of(ctx)));
    }

    private void combinedTileJson(Context ctx) {
        tileJson.send(ctx, TileParameters.layers(ctx, atlas), TileParameters.crs(ctx), ctx.queryParam("layers") != null);
    }

    private void layerTileJson(Context ctx) {
        LayerDefinition layer = atlas.layer(ctx.pathParam("collectionId"));
        tileJson.sendLayer(ctx, layer, TileParameters.crs(ctx));
    }

    private static void send(Context ctx, EncodedTile tile) {
        Visibility audience = RequestAudience.of(ctx);
        ctx.header("ETag", tile.etag());
        ctx.header("Cache-Control", cacheControl(audience));
        ctx.header("Vary", "Cookie, Authorization");
        if (matches(ctx.header("If-None-Match"), tile.etag())) {
            ctx.status(304);
            return;
        }
        if (tile.isEmpty()) {
            ctx.status(204);
            return;
        }
        // Straight to the servlet stream with a Content-Length: result() would send it chunked
        // through Javalin's compression wrapper (a third slower on cached tiles), and gzipping
        // 50–500 kB again on every request costs more than encoding did (a proxy may compress).
        ctx.contentType(MVT);
        ctx.res().setContentLength(tile.bytes().length);
        try {
            ctx.res().getOutputStream().write(tile.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Shared caches may keep public tiles, only the browser a signed-in user's; either way each use
     * revalidates, so an edit shows at once.
     */
    static String cacheControl(Visibility audience) {
        return (audience == Visibility.PUBLIC ? "public" : "private") + ", no-cache";
    }

    /** RFC 9110 §13.1.2: a list of tags or {@code *}, compared weakly. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
