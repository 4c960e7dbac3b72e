package org.lilong.geodata.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.lilong.layers.model.GridLevel;

/**
 * Gives every grid its residents and households so that the numbers add up at every level.
 * Each residential area gets a density of 15,000–32,000 residents per km² of its land (old lane
 * housing is dense), the total is scaled to 72,000–88,000, and households are residents divided by
 * 2.35–2.65. Each residential grid's numbers are then shared out among its micro-grids and
 * building groups by land area with some spread; riverside grids in the creek band have nobody.
 * Integer shares use the largest-remainder method, so children always sum to their parent.
 */
final class PopulationAllocator {

    private static final int TOTAL_MIN = 72_000;
    private static final int TOTAL_SPREAD = 16_000;

    private final SplittableRandom random;
    private final ToDoubleFunction<LatticeRect> squareMetres;

    PopulationAllocator(SplittableRandom random, ToDoubleFunction<LatticeRect> squareMetres) {
        this.random = random;
        this.squareMetres = squareMetres;
    }

    void allocate(GridNode root) {
        List<GridNode> areas = root.atLevel(GridLevel.RESIDENTIAL);
        double[] weights = new double[areas.size()];
        for (int k = 0; k < areas.size(); k++) {
            double density = 15_000 + random.nextDouble() * 17_000;
            weights[k] = squareMetres.applyAsDouble(areas.get(k).land()) / 1e6 * density;
        }
        long total = TOTAL_MIN + random.nextInt(TOTAL_SPREAD);
        long[] residents = apportion(total, weights);
        for (int k = 0; k < areas.size(); k++) {
            double perHousehold = 2.35 + random.nextDouble() * 0.3;
            GridNode area = areas.get(k);
            area.population(residents[k], Math.round(residents[k] / perHousehold));
            shareOut(area);
        }
        sumUp(root);
    }

    private void shareOut(GridNode parent) {
        List<GridNode> children = parent.children();
        if (children.isEmpty()) {
            return;
        }
        double[] weights = new double[children.size()];
        for (int k = 0; k < children.size(); k++) {
            GridNode child = children.get(k);
            weights[k] = child.isRiverside() ? 0 : squareMetres.applyAsDouble(child.land()) * (0.7 + random.nextDouble() * 0.6);
        }
        long[] residents = apportion(parent.residents(), weights);
        double[] byResidents = new double[children.size()];
        for (int k = 0; k < children.size(); k++) {
            byResidents[k] = residents[k];
        }
        long[] households = apportion(parent.households(), byResidents);
        for (int k = 0; k < children.size(); k++) {
            children.get(k).population(residents[k], households[k]);
            shareOut(children.get(k));
        }
    }

    private static void sumUp(GridNode node) {
        if (node.level() == GridLevel.RESIDENTIAL || node.children().isEmpty()) {
            return;
        }
        long residents = 0;
        long households = 0;
        for (GridNode child : node.children()) {
            sumUp(child);
            residents += child.residents();
            households += child.households();
        }
        node.population(residents, households);
    }

    /**
     * Splits a whole number in proportion to weights (largest remainder, ties to the first).
     * All-zero weights give all zeros.
     */
    static long[] apportion(long total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        long[] shares = new long[weights.length];
        if (sum <= 0) {
            return shares;
        }
        long given = 0;
        double[] remainders = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            double exact = total * weights[k] / sum;
            shares[k] = (long) Math.floor(exact);
            remainders[k] = exact - shares[k];
            given += shares[k];
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < weights.length; k++) {
            order.add(k);
        }
        order.sort((a, b) -> remainders[a] != remainders[b] ? Double.compare(remainders[b], remainders[a]) : Integer.compare(a, b));
        for (int k = 0; given < total; k = (k + 1) % order.size()) {
            if (weights[order.get(k)] > 0) {
                shares[order.get(k)]++;
                given++;
            }
        }
        return shares;
    }
}
