package org.densitylab.entanglement;

import java.util.random.RandomGenerator;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.Qubits;

/**
 * Random qubit permutations (docs/papers.md#qubit-permutations): new qubit k carries old qubit P[k].
 */
public final class Permutations {
    private Permutations() {
    }

    /**
     * A uniformly random permutation of 0..n−1 (Fisher–Yates).
     *
     * @param n   size
     * @param rng random source
     * @return the permutation
     */
    public static int[] random(int n, RandomGenerator rng) {
        return Draw.sample(rng, n, n);
    }

    /**
     * The permutation the reference code actually applies when asked for P: it conjugates by SWAP(i, P[i]) for each i
     * with P[i] &gt; i, in order of i (docs/papers.md#qubit-permutations). Exact for 5 of the 6 permutations of 3
     * qubits; (2,0,1) becomes (2,1,0).
     *
     * @param p the requested permutation
     * @return the permutation realised by the reference code
     */
    public static int[] asReferenceCode(int[] p) {
        Qubits.checkPermutation(p.length, p);
        int[] carried = new int[p.length];
        for (int k = 0; k < p.length; k++) {
            carried[k] = k;
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i] > i) {
                int t = carried[i];
                carried[i] = carried[p[i]];
                carried[p[i]] = t;
            }
        }
        return carried;
    }

    /**
     * Applies a random permutation, exact or as the reference code would.
     *
     * @param rho     the state
     * @param variant {@link Variant#REFERENCE_CODE} reproduces the reference code's swaps
     * @param rng     random source
     * @return the permuted state and the permutation used
     */
    public static Permuted permuteRandomly(DensityMatrix rho, Variant variant, RandomGenerator rng) {
        int[] p = random(rho.numQubits(), rng);
        int[] used = variant == Variant.REFERENCE_CODE ? asReferenceCode(p) : p;
        return new Permuted(rho.permuteQubits(used), used);
    }

    /**
     * @param state       the permuted state
     * @param permutation new qubit k carries old qubit {@code permutation[k]}
     */
    public record Permuted(DensityMatrix state, int[] permutation) {
        /**
         * @param oldQubit a qubit label before the permutation
         * @return its label after
         */
        public int newLabel(int oldQubit) {
            for (int k = 0; k < permutation.length; k++) {
                if (permutation[k] == oldQubit) {
                    return k;
                }
            }
            throw new IllegalArgumentException("qubit " + oldQubit + " is not in the permutation");
        }
    }

    /**
     * Where each cut goes under the five non-identity permutations of 3 qubits: the correct cut map, the
     * permutation the reference code realises instead ({@link #asReferenceCode}) and that one's cut map.
     *
     * @return one row per permutation
     */
    public static tech.tablesaw.api.Table cutMaps() {
        var t = tech.tablesaw.api.Table.create("cut maps of the five non-identity permutations",
                tech.tablesaw.api.StringColumn.create("\u03c0"), tech.tablesaw.api.StringColumn.create("correct map"),
                tech.tablesaw.api.StringColumn.create("reference code realises"),
                tech.tablesaw.api.StringColumn.create("map of what it realises"));
        for (int[] p : new int[][] {{0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}}) {
            int[] realised = asReferenceCode(p);
            t.stringColumn(0).append(java.util.Arrays.toString(p));
            t.stringColumn(1).append(java.util.Arrays.toString(org.densitylab.quantum.Bipartitions.permutationMap(3, p)));
            t.stringColumn(2).append(java.util.Arrays.toString(realised));
            t.stringColumn(3).append(java.util.Arrays.toString(org.densitylab.quantum.Bipartitions.permutationMap(3, realised)));
        }
        return t;
    }
}
