package org.densitylab.marginals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.densitylab.quantum.DensityMatrix;

/**
 * k-subsets of a register and the k-body marginals of a state (docs/papers.md#marginals).
 */
public final class Marginals {
    private Marginals() {
    }

    /**
     * All k-subsets of {0..N−1} in lexicographic order, as Python's
     * {@code itertools.combinations(range(N), k)}: first (0, 1, …, k−1), last (N−k, …, N−1). There are
     * \(\binom{N}{k}\).
     *
     * @param n number of qubits N, at least 2
     * @param k subset size, 1..N−1
     * @return the subsets, each ascending (fresh arrays)
     * @throws IllegalArgumentException if k is outside 1..N−1
     */
    public static List<int[]> subsets(int n, int k) {
        checkK(n, k);
        List<int[]> out = new ArrayList<>();
        int[] c = new int[k];
        for (int t = 0; t < k; t++) {
            c[t] = t;
        }
        while (true) {
            out.add(c.clone());
            int t = k - 1;
            while (t >= 0 && c[t] == n - k + t) {
                t--;
            }
            if (t < 0) {
                return Collections.unmodifiableList(out);
            }
            c[t]++;
            for (int u = t + 1; u < k; u++) {
                c[u] = c[u - 1] + 1;
            }
        }
    }

    /**
     * The number of k-subsets, \(\binom{N}{k}\).
     *
     * @param n number of qubits
     * @param k subset size, 1..N−1
     * @return \(\binom{N}{k}\)
     */
    public static int count(int n, int k) {
        checkK(n, k);
        long c = 1;
        for (int t = 1; t <= k; t++) {
            c = c * (n - k + t) / t;
        }
        return (int) c;
    }

    /**
     * All k-body marginals \(\sigma_J = \mathrm{tr}_{J^c}\rho\) of a state, J over {@link #subsets} in
     * lexicographic order; each reduced state keeps its qubits in ascending order, big-endian
     * ({@link DensityMatrix#keep(int...)}; docs/papers.md#marginals).
     *
     * @param rho a state of N ≥ 2 qubits
     * @param k   marginal size, 1..N−1
     * @return the \(\binom{N}{k}\) marginals
     * @throws IllegalArgumentException if k is outside 1..N−1
     */
    public static List<Marginal> of(DensityMatrix rho, int k) {
        Objects.requireNonNull(rho, "rho");
        List<int[]> subsets = subsets(rho.numQubits(), k);
        List<Marginal> out = new ArrayList<>(subsets.size());
        for (int[] j : subsets) {
            out.add(new Marginal(j, rho.keep(j)));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Checks a marginal size: \(1 \le k \le N-1\) on a register of N ≥ 2 qubits.
     *
     * @param n register size N
     * @param k marginal size
     * @throws IllegalArgumentException naming the bad value
     */
    public static void checkK(int n, int k) {
        if (n < 2) {
            throw new IllegalArgumentException("marginals need a register of at least 2 qubits, got N = " + n);
        }
        if (k < 1 || k > n - 1) {
            throw new IllegalArgumentException("marginal size k must be in 1..N-1 = 1.." + (n - 1) + " for N = " + n
                    + " qubits, got k = " + k);
        }
    }
}
