package org.densitylab.entanglement;

import java.util.List;
import org.densitylab.quantum.Bipartition;
import org.densitylab.quantum.Bipartitions;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.Entanglement;
import org.densitylab.quantum.NegativityConvention;

/**
 * Per-cut labels of the entanglement paper (docs/papers.md#labels): values, thresholds, the ppt flag, the acceptance
 * filters of the "verified" and "negativity labeled" strategies, and the true per-cut status where it is known.
 *
 * <p>The label value of cut j is the reference code's \(v_j = \|\rho^{T_{S_j}}\|_1 - 1 = 2\mathcal N\)
 * ({@link NegativityConvention#REFERENCE_CODE_2X}); cut j is labelled entangled iff \(v_j &gt; 10^{-4}\),
 * that is \(\mathcal N &gt; 5\cdot10^{-5}\) in the standard normalisation.
 */
public final class Labels {
    /** Label threshold on the 2× value (the reference code's 1e-4; CONFIDENCE_THRESHOLD). */
    public static final double THRESHOLD = 1e-4;
    /** The ppt flag's "near PPT" threshold on the 2× value. */
    public static final double PPT_FLAG_THRESHOLD = 1e-3;
    /** Half-width of the "near-zero" eigenvalue window of the max-rank acceptance. */
    public static final double NEAR_ZERO = 1e-3;
    /** Element-wise tolerance of the zero-discord test's normality and commutation checks. */
    public static final double DISCORD_EPS = 1e-8;
    /** Purity above which a state counts as pure (then PPT across a cut means separable across it). */
    public static final double PURE = 1 - 1e-9;

    private Labels() {
    }

    /** The acceptance filters ({@code zero_neg}) applied before a state is saved (docs/papers.md#labels). */
    public enum Filter {
        /** Keep everything ("negativity labeled"). */
        INCL,
        /**
         * "Verified": mean value ≥ 1e-4 and at most \(2^L - 1\) cuts with value ≤ 1e-4, L the number of
         * product groups: every PPT cut must be one the construction made separable.
         */
        NONE,
        /** Keep iff the mean value is below 1e-4 (unused by the paper). */
        ONLY,
        /**
         * Mixed test set: (mean discord ≤ 1e-4 or mean value ≥ 1e-4) and the number of PPT cuts equals the
         * number of zero-discord cuts, so every PPT cut is provably separable.
         */
        ZERO_DISCORD
    }

    /**
     * The label values \(v_j = 2\mathcal N_j\) of every cut of {@link Bipartitions#of(int)}.
     *
     * @param rho the state
     * @return one value per cut
     */
    public static double[] values(DensityMatrix rho) {
        return rho.negativities(NegativityConvention.REFERENCE_CODE_2X);
    }

    /**
     * Labels from values, with the ppt flag (docs/papers.md#labels): when the flag is set, a cut whose value is below
     * {@link #PPT_FLAG_THRESHOLD} is labelled entangled if neither side is wholly made of product groups.
     *
     * @param values        2× negativities per cut
     * @param n             number of qubits
     * @param productGroups groups of product qubits (the reference code's {@code not_ent_qbits})
     * @param pptFlag       the flag
     * @return 0/1 per cut
     */
    public static byte[] labels(double[] values, int n, List<int[]> productGroups, boolean pptFlag) {
        List<Bipartition> cuts = Bipartitions.of(n);
        byte[] out = new byte[values.length];
        for (int j = 0; j < values.length; j++) {
            boolean entangled = values[j] > THRESHOLD;
            if (pptFlag && values[j] < PPT_FLAG_THRESHOLD && !covered(cuts.get(j).subset(), productGroups)
                    && !covered(cuts.get(j).complement(), productGroups)) {
                entangled = true;
            }
            out[j] = (byte) (entangled ? 1 : 0);
        }
        return out;
    }

    /** Whether every qubit of the side lies in a product group wholly contained in the side. */
    private static boolean covered(int[] side, List<int[]> groups) {
        for (int q : side) {
            boolean found = false;
            for (int[] g : groups) {
                if (contains(g, q) && containsAll(side, g)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(int[] a, int x) {
        for (int v : a) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAll(int[] a, int[] sub) {
        for (int v : sub) {
            if (!contains(a, v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a sample passes a filter (docs/papers.md#labels).
     *
     * @param filter the filter
     * @param sample the sample
     * @param values its 2× values per cut
     * @return whether it is kept
     */
    public static boolean accepts(Filter filter, Sample sample, double[] values) {
        double mean = mean(values);
        int ppt = 0;
        for (double v : values) {
            if (v <= THRESHOLD) {
                ppt++;
            }
        }
        return switch (filter) {
            case INCL -> true;
            case ONLY -> mean < THRESHOLD;
            case NONE -> mean >= THRESHOLD && ppt <= (1 << sample.productGroups().size()) - 1;
            case ZERO_DISCORD -> {
                double[] disc = discord(sample.state());
                int zero = 0;
                for (double d : disc) {
                    if (d <= THRESHOLD) {
                        zero++;
                    }
                }
                yield (mean(disc) <= THRESHOLD || mean >= THRESHOLD) && ppt == zero;
            }
        };
    }

    /**
     * The max-rank acceptance (docs/papers.md#mixtures): every cut's partial transpose has exactly one eigenvalue in
     * (−{@link #NEAR_ZERO}, {@link #NEAR_ZERO}).
     *
     * @param rho the state
     * @return whether each cut has exactly one near-zero partial-transpose eigenvalue
     */
    public static boolean oneNearZeroEigenvaluePerCut(DensityMatrix rho) {
        for (Bipartition cut : Bipartitions.of(rho.numQubits())) {
            int count = 0;
            for (double x : Entanglement.partialTransposeSpectrum(rho, cut)) {
                if (Math.abs(x) < NEAR_ZERO) {
                    count++;
                }
            }
            if (count != 1) {
                return false;
            }
        }
        return true;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.length == 0 ? 0 : s / v.length;
    }

    /**
     * The zero-discord indicator per cut (docs/papers.md#labels): 0 if the state is classical on both sides of the cut,
     * 0.5 on one side, 1 on neither. "Classical on S" means that, writing
     * \(\rho = \sum_{ij}|i\rangle\langle j|_{\bar S}\otimes B_{ij}\), every block \(B_{ij}\) is normal and all
     * blocks commute (element-wise within {@link #DISCORD_EPS}); then \(\rho\) has zero discord with respect
     * to a measurement on S, which implies separability across the cut.
     *
     * @param rho the state
     * @return one value per cut of {@link Bipartitions#of(int)}
     */
    public static double[] discord(DensityMatrix rho) {
        List<Bipartition> cuts = Bipartitions.of(rho.numQubits());
        double[] out = new double[cuts.size()];
        for (int j = 0; j < out.length; j++) {
            Bipartition c = cuts.get(j);
            int classical = (classicalOn(rho, c.subset(), c.complement()) ? 1 : 0)
                    + (classicalOn(rho, c.complement(), c.subset()) ? 1 : 0);
            out[j] = (2 - classical) / 2.0;
        }
        return out;
    }

    /** Whether the blocks B_ij (operators on S, indexed by the other side) are normal and commute. */
    static boolean classicalOn(DensityMatrix rho, int[] s, int[] other) {
        int n = rho.numQubits();
        int[] sIdx = org.densitylab.quantum.Qubits.spread(n, s);
        int[] oIdx = org.densitylab.quantum.Qubits.spread(n, other);
        int ds = sIdx.length;
        int nb = oIdx.length * oIdx.length;
        double[][] blocks = new double[nb][2 * ds * ds];
        for (int i = 0; i < oIdx.length; i++) {
            for (int j = 0; j < oIdx.length; j++) {
                double[] b = blocks[i * oIdx.length + j];
                for (int a = 0; a < ds; a++) {
                    for (int c = 0; c < ds; c++) {
                        int row = oIdx[i] | sIdx[a];
                        int col = oIdx[j] | sIdx[c];
                        b[2 * (a * ds + c)] = rho.re(row, col);
                        b[2 * (a * ds + c) + 1] = rho.im(row, col);
                    }
                }
            }
        }
        for (int x = 0; x < nb; x++) {
            if (!commute(blocks[x], dagger(blocks[x], ds), ds)) {
                return false;
            }
            for (int y = x + 1; y < nb; y++) {
                if (!commute(blocks[x], blocks[y], ds)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] dagger(double[] b, int d) {
        double[] t = new double[b.length];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[2 * (j * d + i)] = b[2 * (i * d + j)];
                t[2 * (j * d + i) + 1] = -b[2 * (i * d + j) + 1];
            }
        }
        return t;
    }

    private static boolean commute(double[] a, double[] b, int d) {
        double[] ab = org.densitylab.linalg.ComplexOps.mult(a, b, d, d, d);
        double[] ba = org.densitylab.linalg.ComplexOps.mult(b, a, d, d, d);
        for (int k = 0; k < ab.length; k++) {
            if (Math.abs(ab[k] - ba[k]) >= DISCORD_EPS) {
                return false;
            }
        }
        return true;
    }

    /**
     * The true per-cut status where it is known: 1 if the cut is NPT (entangled for sure); 0 if the state
     * is pure and the cut PPT (pure states are separable iff PPT), if the construction made the state
     * separable or the cut separates whole product groups, or if the zero-discord test proves it;
     * otherwise −1 (a PPT cut of unknown status). A sample's own {@link Sample#truth()} overrides.
     *
     * @param sample the sample
     * @param values its 2× values per cut
     * @return 1, 0 or −1 per cut
     */
    public static byte[] truth(Sample sample, double[] values) {
        byte[] t = new byte[values.length];
        if (sample.truth() != null) {
            for (int j = 0; j < t.length; j++) {
                t[j] = (byte) sample.truth()[j];
            }
            return t;
        }
        DensityMatrix rho = sample.state();
        boolean pure = rho.purity() > PURE;
        List<Bipartition> cuts = Bipartitions.of(rho.numQubits());
        double[] disc = null;
        for (int j = 0; j < t.length; j++) {
            if (values[j] > THRESHOLD) {
                t[j] = 1;
            } else if (pure || sample.separable() || covered(cuts.get(j).subset(), sample.productGroups())
                    || covered(cuts.get(j).complement(), sample.productGroups())) {
                t[j] = 0;
            } else {
                if (disc == null) {
                    disc = discord(rho);
                }
                t[j] = (byte) (disc[j] < 1 ? 0 : -1);
            }
        }
        return t;
    }
}
