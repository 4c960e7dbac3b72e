package org.lilong.layers.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Lazy greedy maximal covering against plain greedy and against exhaustive search, on random set systems. */
class GreedyCoveringTest {

    private static final double ONE_MINUS_ONE_OVER_E = 1 - 1 / Math.E;

    /** Candidate c covers sets[c]; units weigh weight[u]. */
    private record Instance(int[][] sets, long[] weight) {

        static Instance random(Random random) {
            int units = 12 + random.nextInt(14);
            int candidates = 6 + random.nextInt(7);
            long[] weight = new long[units];
            for (int u = 0; u < units; u++) {
                weight[u] = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(500);
            }
            int[][] sets = new int[candidates][];
            for (int c = 0; c < candidates; c++) {
                double density = 0.05 + random.nextDouble() * 0.35;
                List<Integer> members = new ArrayList<>();
                for (int u = 0; u < units; u++) {
                    if (random.nextDouble() < density) {
                        members.add(u);
                    }
                }
                sets[c] = members.stream().mapToInt(Integer::intValue).toArray();
            }
            return new Instance(sets, weight);
        }

        int[] start() {
            int[] start = new int[sets.length + 1];
            for (int c = 0; c < sets.length; c++) {
                start[c + 1] = start[c] + sets[c].length;
            }
            return start;
        }

        int[] units() {
            return Arrays.stream(sets).flatMapToInt(Arrays::stream).toArray();
        }

        List<GreedyCovering.Choice> greedy(int k) {
            return GreedyCovering.choose(start(), units(), weight, k);
        }

        long weightOfUnion(int... chosen) {
            boolean[] in = new boolean[weight.length];
            long sum = 0;
            for (int c : chosen) {
                for (int u : sets[c]) {
                    if (!in[u]) {
                        in[u] = true;
                        sum += weight[u];
                    }
                }
            }
            return sum;
        }

        /** The best union of k sets, trying every combination. */
        long optimum(int k) {
            return best(new int[Math.min(k, sets.length)], 0, 0);
        }

        private long best(int[] chosen, int depth, int from) {
            if (depth == chosen.length) {
                return weightOfUnion(chosen);
            }
            long best = 0;
            for (int c = from; c < sets.length; c++) {
                chosen[depth] = c;
                best = Math.max(best, best(chosen, depth + 1, c + 1));
            }
            return best;
        }

        /** Plain greedy: every round, every candidate's gain; ties to the lower number. */
        List<Integer> plainGreedy(int k) {
            List<Integer> chosen = new ArrayList<>();
            for (int round = 0; round < k; round++) {
                int best = -1;
                long bestGain = 0;
                for (int c = 0; c < sets.length; c++) {
                    int[] with = chosen.stream().mapToInt(Integer::intValue).toArray();
                    long gain = weightOfUnion(append(with, c)) - weightOfUnion(with);
                    if (gain > bestGain) {
                        best = c;
                        bestGain = gain;
                    }
                }
                if (best < 0) {
                    break;
                }
                chosen.add(best);
            }
            return chosen;
        }

        private static int[] append(int[] values, int value) {
            int[] more = Arrays.copyOf(values, values.length + 1);
            more[values.length] = value;
            return more;
        }
    }

    @Test
    void greedyReachesAtLeastOneMinusOneOverEOfTheOptimum() {
        Random random = new Random(2024);
        double worstRatio = 1;
        for (int trial = 0; trial < 300; trial++) {
            Instance instance = Instance.random(random);
            int k = 1 + random.nextInt(4);

            long greedy = instance.greedy(k).stream().mapToLong(GreedyCovering.Choice::gain).sum();

            long optimum = instance.optimum(k);
            assertThat((double) greedy).as("trial %d", trial).isGreaterThanOrEqualTo(ONE_MINUS_ONE_OVER_E * optimum);
            assertThat(greedy).isLessThanOrEqualTo(optimum);
            if (optimum > 0) {
                worstRatio = Math.min(worstRatio, (double) greedy / optimum);
            }
        }
        System.out.printf("greedy ÷ optimum over 300 random instances: worst %.3f (bound %.3f)%n", worstRatio,
                ONE_MINUS_ONE_OVER_E);
    }

    @Test
    void lazyEvaluationChoosesWhatPlainGreedyChooses() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            Instance instance = Instance.random(random);
            int k = 1 + random.nextInt(5);

            List<Integer> lazy = instance.greedy(k).stream().map(GreedyCovering.Choice::candidate).toList();

            assertThat(lazy).as("trial %d", trial).isEqualTo(instance.plainGreedy(k));
        }
    }

    @Test
    void gainsAddUpToTheWeightOfTheChosenSetsUnionAndNeverGrow() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            Instance instance = Instance.random(random);

            List<GreedyCovering.Choice> choices = instance.greedy(1 + random.nextInt(5));

            int[] chosen = choices.stream().mapToInt(GreedyCovering.Choice::candidate).toArray();
            assertThat(chosen).doesNotHaveDuplicates();
            assertThat(choices.stream().mapToLong(GreedyCovering.Choice::gain).sum()).isEqualTo(instance.weightOfUnion(chosen));
            for (int i = 0; i < choices.size(); i++) {
                GreedyCovering.Choice choice = choices.get(i);
                assertThat(choice.gain()).isPositive();
                assertThat(Arrays.stream(choice.newlyCovered()).mapToLong(u -> instance.weight()[u]).sum())
                        .isEqualTo(choice.gain());
                if (i > 0) {
                    assertThat(choice.gain()).isLessThanOrEqualTo(choices.get(i - 1).gain());
                }
            }
        }
    }

    @Test
    void fewerSitesComeBackWhenNoOtherCandidateAddsAnyone() {
        Instance instance = new Instance(new int[][] {{0, 1}, {1}, {0}, {}}, new long[] {10, 20});

        List<GreedyCovering.Choice> choices = instance.greedy(3);

        assertThat(choices).extracting(GreedyCovering.Choice::candidate).containsExactly(0);
        assertThat(choices.get(0).gain()).isEqualTo(30);
    }
}
