package org.lilong.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.util.MvtUtil;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lilong.geodata.crs.ChinaOffsets;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerCatalogue;
import org.lilong.layers.spatial.GeometryFactories;
import org.lilong.layers.store.ChangeSet;
import org.lilong.layers.tiles.TileAddress;
import org.locationtech.jts.geom.Coordinate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lilong.layers.Atlas;
import org.lilong.layers.tiles.WebMercator;
import org.lilong.server.SmallDistrict;
import org.lilong.server.config.ServerConfig;

/** The tile routes over the small district: statuses, media type, caching headers. */
class TileRoutesTest {

    @TempDir
    static Path dir;
    static Atlas atlas;
    static TileRoutesClient client;

    @BeforeAll
    static void start() {
        atlas = SmallDistrict.create(dir);
        client = new TileRoutesClient(atlas, ServerConfig.defaults());
    }

    @AfterAll
    static void stop() {
        client.close();
        atlas.close();
    }

    /** The z/x/y path of the tile holding lon, lat. */
    static String tileAt(int z, double lon, double lat) {
        long n = 1L << z;
        return z + "/" + (long) Math.floor(WebMercator.x(lon) * n) + "/" + (long) Math.floor(WebMercator.y(lat) * n);
    }

    @Test
    void aCombinedTileIsAVectorTileWithAStrongEtag() {
        TileRoutesClient.Reply reply = client.get("/tiles/" + tileAt(14, 121.49, 31.23) + ".mvt");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/vnd.mapbox-vector-tile");
        assertThat(reply.header("ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(reply.tile().getLayersList()).extracting(VectorTile.Tile.Layer::getName)
                .containsExactly("grids", "renovation-plots", "pocket-parks", "service-stations", "streets", "water",
                        "residential-areas", "subdistricts");
    }

    @Test
    void aPublicTileMayBeStoredAnywhereButIsRevalidatedEachTime() {
        TileRoutesClient.Reply reply = client.get("/tiles/" + tileAt(14, 121.49, 31.23) + ".mvt");
        assertThat(reply.header("Cache-Control")).isEqualTo("public, no-cache");
        assertThat(reply.header("Vary")).isEqualTo("Cookie, Authorization");
    }

    @Test
    void anUnchangedTileIsA304WithNoBody() {
        String path = "/collections/grids/tiles/" + tileAt(15, 121.49, 31.23) + ".mvt";
        String etag = client.get(path).header("ETag");
        TileRoutesClient.Reply again = client.get(path, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(etag);
    }

    @Test
    void aTileWithNothingInItIs204() {
        TileRoutesClient.Reply reply = client.get("/tiles/14/0/0.mvt");
        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void theLayersParameterPicksLayersInCatalogueOrder() {
        TileRoutesClient.Reply reply = client.get("/tiles/" + tileAt(14, 121.49, 31.23) + ".mvt?layers=streets,grids");
        assertThat(reply.tile().getLayersList()).extracting(VectorTile.Tile.Layer::getName).containsExactly("grids", "streets");
    }

    @Test
    void aCombinedTileLeavesOutLayersOutsideTheirZoomRange() {
        TileRoutesClient.Reply reply = client.get("/tiles/" + tileAt(12, 121.49, 31.23) + ".mvt");
        assertThat(reply.tile().getLayersList()).extracting(VectorTile.Tile.Layer::getName)
                .containsExactly("grids", "streets", "water", "subdistricts");
    }

    @Test
    void aLayersOwnTileHoldsThatLayerAlone() {
        TileRoutesClient.Reply reply = client.get("/collections/service-stations/tiles/" + tileAt(16, 121.493, 31.236) + ".mvt");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.tile().getLayersList()).extracting(VectorTile.Tile.Layer::getName).containsExactly("service-stations");
    }

    @Test
    void aPublicTileCarriesNoInternalAttribute() {
        for (VectorTile.Tile.Layer layer : client.get("/tiles/" + tileAt(14, 121.49, 31.23) + ".mvt").tile().getLayersList()) {
            assertThat(layer.getKeysList()).as(layer.getName()).doesNotContain("households", "manager_phone", "signed_households");
        }
    }

    @Test
    void gcj02TilesAreShiftedByTheGcjOffset() {
        int z = 18;
        double[] shifted = ChinaOffsets.wgs84ToGcj02(121.493, 31.236);
        Coordinate wgs = stationOne(tileAt(z, 121.493, 31.236), "");
        Coordinate gcj = stationOne(tileAt(z, shifted[0], shifted[1]), "?crs=gcj02");
        double metresApart = metres(wgs, gcj);
        assertThat(metresApart).isBetween(300.0, 700.0);
        assertThat(Math.abs(metresApart - metres(new Coordinate(121.493, 31.236), new Coordinate(shifted[0], shifted[1]))))
                .as("the tile shift is the GCJ shift, to a metre").isLessThan(1.0);
    }

    @Test
    void anEditIsServedByTheNextRequestWithANewEtag() {
        String path = "/collections/pocket-parks/tiles/" + tileAt(16, 121.4957, 31.2357) + ".mvt";
        TileRoutesClient.Reply before = client.get(path);
        Feature moved = new Feature(1, GeometryFactories.WGS84.createPolygon(new Coordinate[] {new Coordinate(121.4955, 31.2355),
                new Coordinate(121.4962, 31.2355), new Coordinate(121.4962, 31.2361), new Coordinate(121.4955, 31.2361),
                new Coordinate(121.4955, 31.2355)}), Map.of("name", "面筋弄口袋花园", "area_m2", 3000.0));
        atlas.apply(new ChangeSet().update(LayerCatalogue.POCKET_PARKS, moved));
        TileRoutesClient.Reply after = client.get(path, Map.of("If-None-Match", before.header("ETag")));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
    }

    /** Station 1 (at 121.493, 31.236) in the tile, back in longitude/latitude. */
    private static Coordinate stationOne(String zxy, String query) {
        VectorTile.Tile tile = client.get("/collections/service-stations/tiles/" + zxy + ".mvt" + query).tile();
        VectorTile.Tile.Feature station = tile.getLayers(0).getFeaturesList().stream().filter(f -> f.getId() == 1).findFirst().orElseThrow();
        List<Integer> g = station.getGeometryList();
        double x = MvtUtil.decodeZigZag(g.get(1));
        double y = MvtUtil.decodeZigZag(g.get(2));
        String[] parts = zxy.split("/");
        TileAddress address = new TileAddress(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        double worldX = (address.x() * 4096.0 + x) / address.scale();
        double worldY = (address.y() * 4096.0 + y) / address.scale();
        return new Coordinate(WebMercator.lon(worldX), WebMercator.lat(worldY));
    }

    private static double metres(Coordinate a, Coordinate b) {
        double dx = (a.x - b.x) * 111_320 * Math.cos(Math.toRadians(a.y));
        double dy = (a.y - b.y) * 110_950;
        return Math.hypot(dx, dy);
    }
}
