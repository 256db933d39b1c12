package org.densitylab.marginals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.Qubits;
import org.densitylab.quantum.RandomStates;

/**
 * The Marginal Imposition Operator (MIO), paper Eq. 3. For a prescribed marginal
 * \(\sigma_J\) on k qubits J of an N-qubit register, one step maps a matrix X to
 * \[ Q_J(X) = X + \bigl(\sigma_J - \mathrm{tr}_{J^c} X\bigr) \otimes \frac{I_{J^c}}{2^{N-k}}, \]
 * the tensor factors placed on their own qubits (big-endian). In index form, with \(i_J, i_{J^c}\) the bits of
 * a basis index on J and on its complement,
 * \[ Q_J(X)_{ij} = X_{ij} + \delta_{i_{J^c} j_{J^c}}\,\frac{(\sigma_J - \mathrm{tr}_{J^c}X)_{i_J j_J}}{2^{N-k}} , \]
 * so only the \(2^{N+k}\) entries with equal complement bits change. The MIO is one pass
 * \(\tilde X = Q_{J_M}\circ\dots\circ Q_{J_1}(X_0)\) over the given marginals in list order (the paper: all
 * k-subsets in lexicographic order), with no iteration.
 *
 * <pre>{@code
 * SplittableRandom rng = new SplittableRandom(1);
 * DensityMatrix rho = RandomStates.rankR(4, 12, rng);                  // target, rank 12
 * ComplexMatrix x = Mio.fromState(rho, 3, rng);                        // the paper's MIO input (HS seed)
 * ComplexMatrix y = Mio.impose(DensityMatrix.maximallyMixed(4).matrix(), Marginals.of(rho, 3));
 * }</pre>
 *
 * <p>Implementation: index arithmetic on interleaved (real, imaginary) arrays through precomputed tables
 * ({@link Qubits#spread}), in contiguous runs where the kept qubits end the register; no Kronecker or SWAP
 * matrix is formed. Cost \(O(M\,2^{N+k})\) per state.
 *
 * <p>Facts used as test oracles (paper 2 Eq. 3): when the marginals are mutually consistent (all marginals of one state
 * ρ) the pass imposes all of them exactly, whatever the order; for all k-subsets the result is \(\tilde X =
 * \sum_{|\mathrm{supp}P|\le k} c_P(\rho)\,P + \sum_{|\mathrm{supp}P|>k} c_P(X_0)\,P\) with \(c_P(X) =
 * \mathrm{tr}(XP)/2^N\) over Pauli strings P, the Hilbert–Schmidt projection of the seed onto the matrices with those
 * marginals. \(\tilde X\) is Hermitian (if \(X_0\) is) with trace 1, and in general not positive semidefinite.
 *
 * <p><b>Normalisation detail of the reference code.</b> Its embedding ({@code Pj} in
 * {@code train/train_utils.py}) divides each embedded matrix by its own trace:
 * \(E_J(A)_{ij} = A_{i_J j_J}\,\delta_{i_{J^c} j_{J^c}} / (\mathrm{tr}A \cdot 2^{N-k})\), so one step is
 * \(X + E_J(\sigma_J) - E_J(\mathrm{tr}_{J^c}X)\). This equals Eq. 3 when \(\mathrm{tr}\,\sigma_J =
 * \mathrm{tr}\,X = 1\), which holds for every trace-1 seed (each step preserves the trace); this class implements
 * Eq. 3 and therefore requires a trace-1 seed (within {@link #TRACE_TOLERANCE}).
 */
public final class Mio {
    /** Allowed deviation of the seed's trace from 1 (renormalise float32 data before imposing). */
    public static final double TRACE_TOLERANCE = 1e-6;

    private Mio() {
    }

    /**
     * Applies the MIO, paper Eq. 3: \(\tilde X = Q_{J_M}\circ\dots\circ Q_{J_1}(X_0)\) with
     * \(Q_J(X) = X + (\sigma_J - \mathrm{tr}_{J^c}X)\otimes I_{J^c}/2^{N-k}\), in the order of {@code targets}.
     * The register size N is that of the seed. With mutually consistent marginals (all marginals of one state)
     * every one of them is imposed exactly; otherwise only the last is (one pass, no iteration).
     *
     * @param seed    the initial matrix \(X_0\), \(2^N\times 2^N\), trace 1 (the paper: a Hilbert–Schmidt
     *                random full-rank state, {@code RandomStates.hilbertSchmidt(N, 2^N, rng).matrix()})
     * @param targets the prescribed marginals, each on 1..N−1 qubits with labels below N (normally
     *                {@link Marginals#of(DensityMatrix, int)} of a target state)
     * @return \(\tilde X\): Hermitian if the seed is, trace 1, not necessarily positive semidefinite
     * @throws IllegalArgumentException if the seed is not square of dimension 2^N (N ≥ 2), its trace differs
     *                                  from 1 by more than {@link #TRACE_TOLERANCE}, the list is empty, or a
     *                                  marginal does not fit the seed's register
     */
    public static ComplexMatrix impose(ComplexMatrix seed, List<Marginal> targets) {
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(targets, "targets");
        int n = checkSeed(seed);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no marginals to impose");
        }
        List<int[]> subsets = new ArrayList<>(targets.size());
        double[][] sigma = new double[targets.size()][];
        for (int m = 0; m < targets.size(); m++) {
            Marginal t = Objects.requireNonNull(targets.get(m), "marginal " + m);
            subsets.add(t.qubits());
            sigma[m] = interleaved(t.state());
        }
        int needed = 0;
        for (int[] j : subsets) {
            needed = Math.max(needed, Math.max(j[j.length - 1] + 1, j.length + 1));
        }
        if (needed > n) {
            throw new IllegalArgumentException("the seed is " + (1 << n) + "x" + (1 << n) + " (" + n
                    + " qubits) but the marginals need a register of at least " + needed
                    + " qubits: the seed must have the target's dimension");
        }
        Plan plan = plan(n, subsets);
        double[] x = seed.toInterleaved();
        plan.imposeInPlace(x, sigma);
        return ComplexMatrix.ofInterleaved(1 << n, 1 << n, x);
    }

    /**
     * The MIO input of the paper for a target state: its k-body marginals over all k-subsets in
     * lexicographic order, imposed on a fresh Hilbert–Schmidt random full-rank seed (paper 2 Eq. 3):
     * \(\tilde X = \mathrm{MIO}(X_0, \{\mathrm{tr}_{J^c}\rho\}_{|J|=k})\),
     * \(X_0 = {}\){@code RandomStates.hilbertSchmidt(N, 2^N, rng)}.
     *
     * @param target the state ρ whose marginals are imposed, N ≥ 2 qubits
     * @param k      marginal size, 1..N−1
     * @param rng    draws the seed
     * @return \(\tilde X\)
     * @throws IllegalArgumentException if k is outside 1..N−1
     */
    public static ComplexMatrix fromState(DensityMatrix target, int k, RandomGenerator rng) {
        List<Marginal> marginals = Marginals.of(target, k);
        DensityMatrix seed = RandomStates.hilbertSchmidt(target.numQubits(), target.dim(), rng);
        return impose(seed.matrix(), marginals);
    }

    /**
     * Precomputes the index tables of a pass over the given subsets, for repeated use on raw arrays
     * ({@link Plan#imposeInPlace}).
     *
     * @param n       register size N, at least 2
     * @param subsets the subsets J_1..J_M in pass order, each strictly ascending, 1..N−1 labels below N
     * @return the plan (immutable, thread-safe)
     * @throws IllegalArgumentException naming a bad subset
     */
    public static Plan plan(int n, List<int[]> subsets) {
        return new Plan(n, subsets);
    }

    /**
     * Precomputed index tables of one MIO pass for a fixed register size and subset list: the hot path used by
     * {@link #impose} and the dataset generator. Immutable and thread-safe.
     */
    public static final class Plan {
        private final int n;
        private final int dim;
        private final int[][] subsets;
        /** Per subset: 2 × (full-register bits of each sub-index on J), i.e. an offset in interleaved doubles. */
        private final int[][] kept2;
        /** Per subset: full-register bits of each sub-index on the complement of J. */
        private final int[][] traced;
        /**
         * Per subset: 2 × the full-register offset of each run start. A run is a block of consecutive sub-indices
         * whose columns are consecutive too: 2^r of them when the last r qubits of the register are in J.
         */
        private final int[][] runStarts2;
        private final int maxDk;

        private Plan(int n, List<int[]> subsets) {
            if (n < 2 || n > Qubits.MAX_QUBITS) {
                throw new IllegalArgumentException("the MIO needs a register of 2.." + Qubits.MAX_QUBITS
                        + " qubits, got N = " + n);
            }
            if (subsets.isEmpty()) {
                throw new IllegalArgumentException("no marginals to impose");
            }
            this.n = n;
            this.dim = 1 << n;
            this.subsets = new int[subsets.size()][];
            this.kept2 = new int[subsets.size()][];
            this.traced = new int[subsets.size()][];
            this.runStarts2 = new int[subsets.size()][];
            int max = 0;
            for (int m = 0; m < subsets.size(); m++) {
                int[] j = subsets.get(m).clone();
                checkSubset(n, j);
                this.subsets[m] = j;
                int[] kept = Qubits.spread(n, j);
                for (int a = 0; a < kept.length; a++) {
                    kept[a] *= 2;
                }
                kept2[m] = kept;
                traced[m] = Qubits.spread(n, Qubits.complement(n, j));
                int trailing = 0;
                while (trailing < j.length && j[j.length - 1 - trailing] == n - 1 - trailing) {
                    trailing++;
                }
                int run = 1 << trailing;
                int[] starts = new int[kept.length / run];
                for (int s = 0; s < starts.length; s++) {
                    starts[s] = kept[s * run];
                }
                runStarts2[m] = starts;
                max = Math.max(max, kept.length);
            }
            this.maxDk = max;
        }

        /** @return the register size N */
        public int numQubits() {
            return n;
        }

        /** @return the number of marginals M of a pass */
        public int size() {
            return subsets.length;
        }

        /**
         * @param m index in pass order
         * @return a copy of subset \(J_{m+1}\)
         */
        public int[] subset(int m) {
            return subsets[m].clone();
        }

        /**
         * One MIO pass in place (paper Eq. 3): for each subset J in order,
         * \(X \leftarrow X + (\sigma_J - \mathrm{tr}_{J^c}X)\otimes I_{J^c}/2^{N-k}\). No validation of values:
         * the caller guarantees a trace-1 X (see the class notes on normalisation).
         *
         * @param x      \(X\): \(2^N\times 2^N\) interleaved (real, imaginary), row-major; overwritten by
         *               \(\tilde X\)
         * @param sigmas \(\sigma_{J_m}\) in pass order, each \(2^k\times 2^k\) interleaved, factors ascending
         * @throws IllegalArgumentException if an array has the wrong length
         */
        public void imposeInPlace(double[] x, double[][] sigmas) {
            if (x.length != 2 * dim * dim) {
                throw new IllegalArgumentException("X must be " + dim + "x" + dim + " (" + 2 * dim * dim
                        + " interleaved values) for N = " + n + ", got " + x.length + " values");
            }
            if (sigmas.length != subsets.length) {
                throw new IllegalArgumentException("the plan imposes " + subsets.length + " marginals, got "
                        + sigmas.length);
            }
            for (int m = 0; m < subsets.length; m++) {
                int dk = kept2[m].length;
                if (sigmas[m].length != 2 * dk * dk) {
                    throw new IllegalArgumentException("marginal " + m + " on qubits " + Arrays.toString(subsets[m])
                            + " must be " + dk + "x" + dk + " (" + 2 * dk * dk + " interleaved values), got "
                            + sigmas[m].length + " values");
                }
            }
            double[] d = new double[2 * maxDk * maxDk];
            for (int m = 0; m < subsets.length; m++) {
                int[] k2 = kept2[m];
                int[] tr = traced[m];
                int dk = k2.length;
                double[] sigma = sigmas[m];
                int[] starts = runStarts2[m];
                int run2 = 2 * dk / starts.length;
                // d = tr_{J^c} X: d[a,b] = sum_t X[(a,t),(b,t)]; the first t assigns, so d needs no clearing
                for (int a = 0; a < dk; a++) {
                    int row = k2[a] >> 1;
                    int da = 2 * a * dk;
                    for (int ti = 0; ti < tr.length; ti++) {
                        int t = tr[ti];
                        int base = 2 * ((row | t) * dim + t);
                        boolean first = ti == 0;
                        if (run2 == 2) {
                            gather(d, da, x, base, starts, first);
                        } else if (run2 == 4) {
                            gather4(d, da, x, base, starts, first);
                        } else {
                            for (int s = 0, o = da; s < starts.length; s++, o += run2) {
                                if (first) {
                                    System.arraycopy(x, base + starts[s], d, o, run2);
                                } else {
                                    accumulate(d, o, x, base + starts[s], run2);
                                }
                            }
                        }
                    }
                }
                // d = (sigma_J - tr_{J^c} X) / 2^{N-k}
                double inv = 1.0 / tr.length;
                for (int q = 0; q < 2 * dk * dk; q++) {
                    d[q] = (sigma[q] - d[q]) * inv;
                }
                // X[(a,t),(b,t)] += d[a,b] for every t
                for (int a = 0; a < dk; a++) {
                    int row = k2[a] >> 1;
                    int da = 2 * a * dk;
                    for (int t : tr) {
                        int base = 2 * ((row | t) * dim + t);
                        if (run2 == 2) {
                            scatter(x, base, starts, d, da);
                        } else if (run2 == 4) {
                            scatter4(x, base, starts, d, da);
                        } else {
                            for (int s = 0, o = da; s < starts.length; s++, o += run2) {
                                accumulate(x, base + starts[s], d, o, run2);
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@code dst[od + u] += src[os + u]} for u < len (a contiguous run; kept small so the JIT vectorises it). */
    private static void accumulate(double[] dst, int od, double[] src, int os, int len) {
        for (int u = 0; u < len; u++) {
            dst[od + u] += src[os + u];
        }
    }

    /** Runs of one complex entry: {@code d[od + 2b..] (+)= x[base + offsets[b]..]} (assign when {@code first}). */
    private static void gather(double[] d, int od, double[] x, int base, int[] offsets, boolean first) {
        if (first) {
            for (int b = 0, o = od; b < offsets.length; b++, o += 2) {
                int xo = base + offsets[b];
                d[o] = x[xo];
                d[o + 1] = x[xo + 1];
            }
        } else {
            for (int b = 0, o = od; b < offsets.length; b++, o += 2) {
                int xo = base + offsets[b];
                d[o] += x[xo];
                d[o + 1] += x[xo + 1];
            }
        }
    }

    /** Runs of one complex entry: {@code x[base + offsets[b]..] += d[od + 2b..]}. */
    private static void scatter(double[] x, int base, int[] offsets, double[] d, int od) {
        for (int b = 0, o = od; b < offsets.length; b++, o += 2) {
            int xo = base + offsets[b];
            x[xo] += d[o];
            x[xo + 1] += d[o + 1];
        }
    }

    /** Runs of two complex entries: {@code d[od + 4s..] (+)= x[base + starts[s]..]} (assign when {@code first}). */
    private static void gather4(double[] d, int od, double[] x, int base, int[] starts, boolean first) {
        if (first) {
            for (int s = 0, o = od; s < starts.length; s++, o += 4) {
                int xo = base + starts[s];
                d[o] = x[xo];
                d[o + 1] = x[xo + 1];
                d[o + 2] = x[xo + 2];
                d[o + 3] = x[xo + 3];
            }
        } else {
            for (int s = 0, o = od; s < starts.length; s++, o += 4) {
                int xo = base + starts[s];
                d[o] += x[xo];
                d[o + 1] += x[xo + 1];
                d[o + 2] += x[xo + 2];
                d[o + 3] += x[xo + 3];
            }
        }
    }

    /** Runs of two complex entries: {@code x[base + starts[s]..] += d[od + 4s..]}. */
    private static void scatter4(double[] x, int base, int[] starts, double[] d, int od) {
        for (int s = 0, o = od; s < starts.length; s++, o += 4) {
            int xo = base + starts[s];
            x[xo] += d[o];
            x[xo + 1] += d[o + 1];
            x[xo + 2] += d[o + 2];
            x[xo + 3] += d[o + 3];
        }
    }

    /** The entries of a state, interleaved (one copy, no re-validation). */
    static double[] interleaved(DensityMatrix state) {
        int d = state.dim();
        double[] out = new double[2 * d * d];
        for (int i = 0, o = 0; i < d; i++) {
            for (int j = 0; j < d; j++, o += 2) {
                out[o] = state.re(i, j);
                out[o + 1] = state.im(i, j);
            }
        }
        return out;
    }

    private static int checkSeed(ComplexMatrix seed) {
        if (!seed.isSquare()) {
            throw new IllegalArgumentException("the MIO seed must be square, got " + seed.rows() + "x" + seed.cols());
        }
        int dim = seed.rows();
        if (dim < 4 || Integer.bitCount(dim) != 1 || dim > 1 << Qubits.MAX_QUBITS) {
            throw new IllegalArgumentException("the MIO seed must be 2^N x 2^N with N in 2.." + Qubits.MAX_QUBITS
                    + ", got " + dim + "x" + dim);
        }
        double re = seed.traceRe();
        double im = seed.traceIm();
        if (Math.abs(re - 1) > TRACE_TOLERANCE || Math.abs(im) > TRACE_TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the MIO seed must have trace 1 (Eq. 3 assumes it), got trace %.12g%+.3gi; divide by the trace first",
                    re, im));
        }
        return Integer.numberOfTrailingZeros(dim);
    }

    private static void checkSubset(int n, int[] j) {
        for (int t = 0; t < j.length; t++) {
            if (j[t] < 0 || j[t] >= n) {
                throw new IllegalArgumentException("a marginal on qubits " + Arrays.toString(j) + " does not fit the "
                        + n + "-qubit register of the seed (" + (1 << n) + "x" + (1 << n) + ", labels 0.." + (n - 1)
                        + "): the seed must have the target's dimension");
            }
            if (t > 0 && j[t] <= j[t - 1]) {
                throw new IllegalArgumentException("marginal qubits must be strictly ascending, got " + Arrays.toString(j));
            }
        }
        if (j.length < 1 || j.length > n - 1) {
            throw new IllegalArgumentException("a marginal for the MIO must be on 1..N-1 = 1.." + (n - 1)
                    + " qubits, got " + j.length + " qubits " + Arrays.toString(j));
        }
    }
}
