package org.lilong.layers.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The maximal covering location problem, solved greedily with lazy evaluation: choose up to k
 * candidates whose sets of units together hold the most weight (residents).
 *
 * <p>Greedy takes, k times, the candidate that adds the most weight not yet covered. Coverage is a
 * monotone submodular function of the chosen set (a candidate adds no more to a larger set than to a
 * smaller one), so greedy reaches at least 1 − (1 − 1/k)^k ≥ 1 − 1/e ≈ 63.2% of the best possible
 * total (Nemhauser, Wolsey and Fisher, 1978); in practice it is usually within a few percent.
 *
 * <p>Lazy evaluation (Minoux's accelerated greedy, "CELF"): by submodularity a candidate's gain
 * only shrinks as sites are chosen, so the gain last computed is an upper bound. Candidates wait in a
 * priority queue by that bound; the top one's gain is recomputed, and if it is still at least the next
 * bound it is the best and is taken without looking at the others. The choice is the same as plain
 * greedy's (ties to the lower candidate number), usually after recomputing a handful of gains
 * instead of all of them each round.
 *
 * <p>Sets are given in compressed rows: candidate c covers {@code units[start[c] .. start[c+1])}.
 */
final class GreedyCovering {

    /**
     * One choice: the candidate, the weight it added and the units it newly covered, in the
     * order of its set.
     */
    record Choice(int candidate, long gain, int[] newlyCovered) {
    }

    private GreedyCovering() {
    }

    /**
     * Up to k choices, in the order taken; fewer when no candidate adds any weight. Their gains add
     * up to the weight of the union of the chosen sets.
     *
     * @param weight each unit's weight (not negative)
     */
    static List<Choice> choose(int[] start, int[] units, long[] weight, int k) {
        int candidates = start.length - 1;
        long[] bound = new long[candidates];
        List<Integer> queued = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            bound[c] = gain(start, units, weight, c, new boolean[0]);
            if (bound[c] > 0) {
                queued.add(c);
            }
        }
        PriorityQueue<Integer> queue = new PriorityQueue<>(Math.max(1, queued.size()),
                (a, b) -> bound[a] != bound[b] ? Long.compare(bound[b], bound[a]) : Integer.compare(a, b));
        queue.addAll(queued);
        boolean[] covered = new boolean[weight.length];
        List<Choice> choices = new ArrayList<>(k);
        while (choices.size() < k && !queue.isEmpty()) {
            int top = queue.poll();
            long gain = gain(start, units, weight, top, covered);
            Integer next = queue.peek();
            boolean best = next == null || gain > bound[next] || gain == bound[next] && top < next;
            if (!best) {
                bound[top] = gain;
                if (gain > 0) {
                    queue.add(top);
                }
                continue;
            }
            if (gain == 0) {
                break;
            }
            int[] newly = Arrays.stream(units, start[top], start[top + 1]).filter(u -> !covered[u]).toArray();
            for (int u : newly) {
                covered[u] = true;
            }
            choices.add(new Choice(top, gain, newly));
        }
        return choices;
    }

    /** The weight of the candidate's units not yet covered ({@code covered} may be shorter: the rest count as not covered). */
    private static long gain(int[] start, int[] units, long[] weight, int c, boolean[] covered) {
        long sum = 0;
        for (int i = start[c]; i < start[c + 1]; i++) {
            int u = units[i];
            if (u >= covered.length || !covered[u]) {
                sum += weight[u];
            }
        }
        return sum;
    }
}
