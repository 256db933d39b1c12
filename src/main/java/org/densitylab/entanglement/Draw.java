package org.densitylab.entanglement;

import java.util.random.RandomGenerator;

/** Small random draws with the reference code's (Python's) inclusive conventions. */
final class Draw {
    private Draw() {
    }

    /** Uniform integer in [lo, hi], both inclusive (Python's {@code random.randint}). */
    static int between(RandomGenerator rng, int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    /** An ordered random sample of k distinct values of 0..n-1 (Python's {@code random.sample}). */
    static int[] sample(RandomGenerator rng, int n, int k) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return java.util.Arrays.copyOf(all, k);
    }

    /** An ordered random sample of k distinct elements of the given values. */
    static int[] sample(RandomGenerator rng, int[] values, int k) {
        int[] idx = sample(rng, values.length, k);
        int[] out = new int[k];
        for (int i = 0; i < k; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }
}
