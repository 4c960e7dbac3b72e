package org.lilong.layers.network;

import java.util.Arrays;

/**
 * A map from long keys to int values with open addressing and linear probing: no boxed entries, so
 * a builder can key a million vertices by their coordinates in two flat arrays. Grows at half load.
 * Not thread-safe.
 */
final class LongIntHashMap {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int size;

    LongIntHashMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
    }

    /** The value of the key, or {@code missing} when absent. */
    int get(long key, int missing) {
        int slot = find(key);
        return keys[slot] == EMPTY ? missing : values[slot];
    }

    /** Adds {@code delta} to the key's value (0 when absent) and returns the new value. */
    int add(long key, int delta) {
        int slot = find(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            values[slot] = delta;
            if (++size * 2 > keys.length) {
                grow();
            }
            return delta;
        }
        return values[slot] += delta;
    }

    void put(long key, int value) {
        int slot = find(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            values[slot] = value;
            if (++size * 2 > keys.length) {
                grow();
            }
        } else {
            values[slot] = value;
        }
    }

    int size() {
        return size;
    }

    private int find(long key) {
        if (key == EMPTY) {
            throw new IllegalArgumentException("key " + key + " is reserved");
        }
        int mask = keys.length - 1;
        int slot = mix(key) & mask;
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Spreads the bits of coordinate-packed keys, whose low bits alone cluster badly. */
    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
