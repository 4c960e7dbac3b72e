package org.lilong.layers.tiles;

import java.util.Objects;

/**
 * The datum tiles are drawn in, named as the {@code crs} parameter names it; the tile grid is Web
 * Mercator in every case. Tiles of different datums are projected, cached and invalidated apart.
 *
 * @param id the name in URLs and cache keys, such as {@code wgs84} or {@code gcj02}
 * @param shift from WGS84 into this datum
 */
public record TileCrs(String id, DatumShift shift) {

    public static final TileCrs WGS84 = new TileCrs("wgs84", DatumShift.NONE);

    public TileCrs {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shift, "shift");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TileCrs crs && crs.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
