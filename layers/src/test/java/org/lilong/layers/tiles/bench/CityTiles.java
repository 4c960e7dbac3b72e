package org.lilong.layers.tiles.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.lilong.layers.tiles.TileAddress;
import org.lilong.layers.tiles.WebMercator;
import org.locationtech.jts.geom.Envelope;

/** A fixed sample of the tiles over an extent at one zoom (seeded, so every run asks the same tiles). */
final class CityTiles {

    private CityTiles() {
    }

    static List<TileAddress> sample(Envelope lonLat, int z, int count) {
        long n = 1L << z;
        int x0 = (int) Math.floor(WebMercator.x(lonLat.getMinX()) * n);
        int x1 = (int) Math.floor(WebMercator.x(lonLat.getMaxX()) * n);
        int y0 = (int) Math.floor(WebMercator.y(lonLat.getMaxY()) * n);
        int y1 = (int) Math.floor(WebMercator.y(lonLat.getMinY()) * n);
        Set<TileAddress> tiles = new LinkedHashSet<>();
        long available = (long) (x1 - x0 + 1) * (y1 - y0 + 1);
        Random random = new Random(20261122L + z);
        while (tiles.size() < Math.min(count, available)) {
            tiles.add(new TileAddress(z, x0 + random.nextInt(x1 - x0 + 1), y0 + random.nextInt(y1 - y0 + 1)));
        }
        return new ArrayList<>(tiles);
    }
}
