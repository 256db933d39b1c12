package org.densitylab.quantum;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed list of bipartitions whose per-cut labels the entanglement networks predict (paper 1;
 * docs/papers.md#bipartitions): for \(k = 1,\dots,\lfloor N/2\rfloor\) all k-subsets S of {0..N−1} in lexicographic
 * order; at \(k = N/2\) only the subsets containing qubit 0, so that each cut appears once. There are \(m = 2^{N-1}-1\)
 * of them and output j of a network refers to cut j.
 *
 * <p>N = 3: {0}|{1,2}, {1}|{0,2}, {2}|{0,1}. N = 4: {0}, {1}, {2}, {3}, {0,1}, {0,2}, {0,3}.
 */
public final class Bipartitions {
    /** All lists for 2..MAX_QUBITS qubits, built once: the hot path reads them without locking. */
    private static final List<List<Bipartition>> CACHE = new ArrayList<>();

    static {
        CACHE.add(List.of());
        CACHE.add(List.of());
        for (int n = 2; n <= Qubits.MAX_QUBITS; n++) {
            CACHE.add(build(n));
        }
    }

    private Bipartitions() {
    }

    /**
     * @param n number of qubits, 2 to {@link Qubits#MAX_QUBITS}
     * @return the \(2^{n-1}-1\) cuts in the fixed order (an unmodifiable list)
     * @throws IllegalArgumentException if n is out of range
     */
    public static List<Bipartition> of(int n) {
        if (n < 2 || n > Qubits.MAX_QUBITS) {
            throw new IllegalArgumentException("bipartitions need 2.." + Qubits.MAX_QUBITS + " qubits, got " + n);
        }
        return CACHE.get(n);
    }

    private static List<Bipartition> build(int n) {
        List<Bipartition> cuts = new ArrayList<>();
        for (int k = 1; k <= n / 2; k++) {
            List<int[]> subsets = new ArrayList<>();
            combinations(n, k, 0, new int[k], 0, subsets);
            for (int[] s : subsets) {
                if (2 * k < n || s[0] == 0) {
                    cuts.add(new Bipartition(n, s));
                }
            }
        }
        return List.copyOf(cuts);
    }

    /**
     * @param n number of qubits
     * @return \(m = 2^{n-1}-1\)
     */
    public static int count(int n) {
        return of(n).size();
    }

    private static void combinations(int n, int k, int from, int[] cur, int depth, List<int[]> out) {
        if (depth == k) {
            out.add(cur.clone());
            return;
        }
        for (int q = from; q < n; q++) {
            cur[depth] = q;
            combinations(n, k, q + 1, cur, depth + 1, out);
        }
    }

    /**
     * The index of the cut S | S̄ in {@link #of(int)}, whichever side is given.
     *
     * @param n      register size
     * @param subset one side of the cut
     * @return its index j
     * @throws IllegalArgumentException if the set is not a proper, non-empty subset
     */
    public static int indexOf(int n, int... subset) {
        Bipartition b = new Bipartition(n, subset);
        List<Bipartition> cuts = of(n);
        int j = cuts.indexOf(b);
        return j >= 0 ? j : cuts.indexOf(new Bipartition(n, b.complement()));
    }

    /**
     * How cuts move under a qubit permutation (new qubit k carries old qubit p[k]): cut j of the permuted
     * state is cut {@code map[j]} of the original, since its side \(S_j\) holds the old qubits
     * \(\{p[s] : s \in S_j\}\). A network consistent under permutations satisfies
     * \(p_j(\pi\rho) = p_{\mathrm{map}[j]}(\rho)\).
     *
     * @param n register size
     * @param p a permutation of 0..n−1
     * @return map, one entry per cut
     */
    public static int[] permutationMap(int n, int[] p) {
        Qubits.checkPermutation(n, p);
        List<Bipartition> cuts = of(n);
        int[] map = new int[cuts.size()];
        for (int j = 0; j < map.length; j++) {
            int[] s = cuts.get(j).subset();
            int[] old = new int[s.length];
            for (int i = 0; i < s.length; i++) {
                old[i] = p[s[i]];
            }
            map[j] = indexOf(n, old);
        }
        return map;
    }
}
