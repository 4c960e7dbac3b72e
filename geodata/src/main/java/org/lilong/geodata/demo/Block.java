package org.lilong.geodata.demo;

/** One street block of the plan: the cell between column lines i, i+1 and row lines j, j+1. */
record Block(int column, int row) {

    LatticeRect rect() {
        int l = StreetPlan.LATTICE;
        return new LatticeRect(column * l, row * l, (column + 1) * l, (row + 1) * l);
    }
}
