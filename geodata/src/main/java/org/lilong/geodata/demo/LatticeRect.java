package org.lilong.geodata.demo;

/**
 * A rectangle of the plan's lattice: x from x0 to x1 and y from y0 to y1 in lattice units
 * ({@link StreetPlan#LATTICE} per block). Its image in metres is a polygon whose edges follow the
 * street lines, so rectangles that tile the lattice tile the district.
 */
record LatticeRect(int x0, int y0, int x1, int y1) {

    LatticeRect {
        if (x1 <= x0 || y1 <= y0) {
            throw new IllegalArgumentException("empty lattice rectangle " + x0 + "," + y0 + " " + x1 + "," + y1);
        }
    }

    int width() {
        return x1 - x0;
    }

    int height() {
        return y1 - y0;
    }

    long area() {
        return (long) width() * height();
    }

    LatticeRect westOf(int x) {
        return new LatticeRect(x0, y0, x, y1);
    }

    LatticeRect eastOf(int x) {
        return new LatticeRect(x, y0, x1, y1);
    }

    LatticeRect southOf(int y) {
        return new LatticeRect(x0, y0, x1, y);
    }

    LatticeRect northOf(int y) {
        return new LatticeRect(x0, y, x1, y1);
    }

    boolean contains(LatticeRect other) {
        return other.x0 >= x0 && other.x1 <= x1 && other.y0 >= y0 && other.y1 <= y1;
    }
}
