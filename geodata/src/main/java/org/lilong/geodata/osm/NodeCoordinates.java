package org.lilong.geodata.osm;

import java.util.Arrays;

/**
 * Node id → coordinates for every node of a file, in three flat arrays (16 bytes a node): ids,
 * and longitude/latitude in 1e-7 degree, OSM's own precision, so nothing is lost. OSM files list
 * nodes in id order, so lookups are binary searches; a file that does not is sorted once.
 */
final class NodeCoordinates {

    private long[] ids = new long[4096];
    private int[] lonE7 = new int[4096];
    private int[] latE7 = new int[4096];
    private int size;
    private boolean sorted = true;

    void add(long id, double lon, double lat) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            lonE7 = Arrays.copyOf(lonE7, size * 2);
            latE7 = Arrays.copyOf(latE7, size * 2);
        }
        if (size > 0 && id <= ids[size - 1]) {
            sorted = false;
        }
        ids[size] = id;
        lonE7[size] = (int) Math.round(lon * 1e7);
        latE7[size] = (int) Math.round(lat * 1e7);
        size++;
    }

    int size() {
        return size;
    }

    /** Sorts by id if the file did not; call once, after the last {@link #add}. */
    void seal() {
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
        long[] sortedIds = new long[size];
        int[] sortedLon = new int[size];
        int[] sortedLat = new int[size];
        for (int i = 0; i < size; i++) {
            sortedIds[i] = ids[order[i]];
            sortedLon[i] = lonE7[order[i]];
            sortedLat[i] = latE7[order[i]];
        }
        ids = sortedIds;
        lonE7 = sortedLon;
        latE7 = sortedLat;
        sorted = true;
    }

    /** The position of the node (for {@link #lon} and {@link #lat}), or -1 when the file lacks it. */
    int find(long id) {
        int at = Arrays.binarySearch(ids, 0, size, id);
        return at >= 0 ? at : -1;
    }

    double lon(int position) {
        return lonE7[position] / 1e7;
    }

    double lat(int position) {
        return latE7[position] / 1e7;
    }
}
