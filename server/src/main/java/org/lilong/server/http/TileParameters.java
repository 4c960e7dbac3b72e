package org.lilong.server.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.lilong.geodata.crs.ChinaOffsets;
import org.lilong.layers.Atlas;
import org.lilong.layers.model.LayerDefinition;
import org.lilong.layers.tiles.TileAddress;
import org.lilong.layers.tiles.TileCrs;

/**
 * The tile routes' parameters, read strictly: {@code z}, {@code x}, {@code y} must be plain
 * integers (else 400 naming the one at fault) naming a tile of the matrix (else 404, there is no
 * such tile); {@code crs} one of {@code wgs84} (default), {@code gcj02}, {@code bd09}; {@code layers}
 * known layer ids, comma-separated.
 */
final class TileParameters {

    static final TileCrs GCJ02 = new TileCrs("gcj02", ChinaOffsets::wgs84ToGcj02);
    static final TileCrs BD09 = new TileCrs("bd09", ChinaOffsets::wgs84ToBd09);
    private static final List<TileCrs> DATUMS = List.of(TileCrs.WGS84, GCJ02, BD09);
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,12}");

    private TileParameters() {
    }

    static TileAddress address(Context ctx) {
        long z = integer(ctx, "z");
        long x = integer(ctx, "x");
        long y = integer(ctx, "y");
        boolean fits = z >= 0 && z <= TileAddress.MAX_ZOOM && x >= 0 && y >= 0 && x < (1L << z) && y < (1L << z);
        if (!fits) {
            throw ApiProblem.notFound("no such tile: " + z + "/" + x + "/" + y + " (zoom 0 to " + TileAddress.MAX_ZOOM
                    + ", column and row 0 to 2^zoom - 1)");
        }
        return new TileAddress((int) z, (int) x, (int) y);
    }

    static TileCrs crs(Context ctx) {
        String text = ctx.queryParam("crs");
        if (text == null) {
            return TileCrs.WGS84;
        }
        for (TileCrs crs : DATUMS) {
            if (crs.id().equals(text)) {
                return crs;
            }
        }
        throw ApiProblem.invalidParameter("crs", "'" + text + "' is not one of wgs84, gcj02, bd09");
    }

    /** The layers named in {@code layers=}, in catalogue order; every layer when the parameter is absent. */
    static List<String> layers(Context ctx, Atlas atlas) {
        String text = ctx.queryParam("layers");
        List<String> all = atlas.catalogue().layers().stream().map(LayerDefinition::id).toList();
        if (text == null) {
            return all;
        }
        Set<String> asked = new LinkedHashSet<>();
        for (String part : text.split(",", -1)) {
            String id = part.trim();
            if (id.isEmpty()) {
                throw ApiProblem.invalidParameter("layers", "an empty layer id; give layer ids separated by commas");
            }
            if (!all.contains(id)) {
                throw ApiProblem.invalidParameter("layers", "unknown layer '" + id + "'; known: " + String.join(", ", all));
            }
            asked.add(id);
        }
        List<String> ordered = new ArrayList<>(all);
        ordered.retainAll(asked);
        return ordered;
    }

    private static long integer(Context ctx, String name) {
        String text = ctx.pathParam(name);
        if (!INTEGER.matcher(text).matches()) {
            throw ApiProblem.invalidParameter(name, "'" + text + "' is not an integer");
        }
        return Long.parseLong(text);
    }
}
