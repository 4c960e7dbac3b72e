package org.lilong.server.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the server is told at start, with every default in one place.
 *
 * @param host address to bind; loopback by default so a laptop demo is not exposed
 * @param port TCP port; 0 picks a free one (tests)
 * @param dataDir where the embedded GeoPackage lives
 * @param basemaps the basemaps the page offers, besides "none"
 * @param defaultBasemap id of the basemap shown first, or "none" (works offline)
 * @param profileName the name of the atlas's life-circle profile, which the analysis routes accept as
 *     {@code profile=}: "default" for the shipped one, a replacement file's base name otherwise
 * @param tileCacheBytes the bound on the vector-tile cache's size in bytes; 0 turns the cache off
 * @param gridToleranceMetres how far a grid may cross its parent's edge or a sibling's, in metres, before a
 *     write is refused (also the reach of {@code snap=true})
 */
public record ServerConfig(String host, int port, Path dataDir, List<Basemap> basemaps, String defaultBasemap,
        String profileName, long tileCacheBytes, double gridToleranceMetres) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    public static final String DEFAULT_PROFILE_NAME = "default";
    public static final int DEFAULT_TILE_CACHE_MB = 256;
    public static final double DEFAULT_GRID_TOLERANCE_METRES = 0.5;
    /** Beyond this a "tolerance" would hide real overlaps between neighbouring grids. */
    public static final double MAX_GRID_TOLERANCE_METRES = 10;

    public ServerConfig {
        basemaps = List.copyOf(basemaps);
        if (tileCacheBytes < 0) {
            throw new IllegalArgumentException("the tile cache size cannot be negative: " + tileCacheBytes);
        }
        if (!(gridToleranceMetres >= 0 && gridToleranceMetres <= MAX_GRID_TOLERANCE_METRES)) {
            throw new IllegalArgumentException("the grid tolerance must be 0–" + MAX_GRID_TOLERANCE_METRES + " m: " + gridToleranceMetres);
        }
    }

    /** With the default grid tolerance. */
    public ServerConfig(String host, int port, Path dataDir, List<Basemap> basemaps, String defaultBasemap,
            String profileName, long tileCacheBytes) {
        this(host, port, dataDir, basemaps, defaultBasemap, profileName, tileCacheBytes, DEFAULT_GRID_TOLERANCE_METRES);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DATA_DIR, List.of(), Basemap.NONE, DEFAULT_PROFILE_NAME,
                DEFAULT_TILE_CACHE_MB * 1024L * 1024L);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, basemaps, defaultBasemap, profileName, tileCacheBytes, gridToleranceMetres);
    }

    public ServerConfig withTileCacheBytes(long bytes) {
        return new ServerConfig(host, port, dataDir, basemaps, defaultBasemap, profileName, bytes, gridToleranceMetres);
    }

    public ServerConfig withGridTolerance(double metres) {
        return new ServerConfig(host, port, dataDir, basemaps, defaultBasemap, profileName, tileCacheBytes, metres);
    }
}
