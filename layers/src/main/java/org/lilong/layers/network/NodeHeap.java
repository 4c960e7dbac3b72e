package org.lilong.layers.network;

import java.util.Arrays;

/**
 * A binary min-heap of node numbers keyed by distance, with decrease-key: parallel primitive arrays
 * (keys beside nodes, so sifting reads one cache line) and each node's position in the heap. Sized
 * once for a network's nodes and reused across searches, so pushing and popping allocate nothing.
 * A node is in the heap at most once, so the heap never holds more than the network's nodes.
 */
final class NodeHeap {

    private final int[] nodes;
    private final double[] keys;
    /** Where each node sits in the heap, or -1 when it is not in it. */
    private final int[] position;
    private int size;

    NodeHeap(int nodeCount) {
        nodes = new int[nodeCount];
        keys = new double[nodeCount];
        position = new int[nodeCount];
        Arrays.fill(position, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean contains(int node) {
        return position[node] >= 0;
    }

    /** Adds a node that is not in the heap. */
    void insert(int node, double key) {
        int i = size++;
        nodes[i] = node;
        keys[i] = key;
        position[node] = i;
        siftUp(i);
    }

    /** Lowers the key of a node that is in the heap. */
    void decrease(int node, double key) {
        int i = position[node];
        keys[i] = key;
        siftUp(i);
    }

    /** Removes and returns the node with the smallest key. */
    int poll() {
        int top = nodes[0];
        position[top] = -1;
        size--;
        if (size > 0) {
            nodes[0] = nodes[size];
            keys[0] = keys[size];
            position[nodes[0]] = 0;
            siftDown(0);
        }
        return top;
    }

    /** Empties the heap (after a search stopped early). */
    void clear() {
        for (int i = 0; i < size; i++) {
            position[nodes[i]] = -1;
        }
        size = 0;
    }

    private void siftUp(int i) {
        int node = nodes[i];
        double key = keys[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        place(node, key, i);
    }

    private void siftDown(int i) {
        int node = nodes[i];
        double key = keys[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (key <= keys[child]) {
                break;
            }
            move(child, i);
            i = child;
        }
        place(node, key, i);
    }

    private void move(int from, int to) {
        nodes[to] = nodes[from];
        keys[to] = keys[from];
        position[nodes[to]] = to;
    }

    private void place(int node, double key, int i) {
        nodes[i] = node;
        keys[i] = key;
        position[node] = i;
    }
}
