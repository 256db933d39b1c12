package org.densitylab.entanglement;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.Ket;
import org.densitylab.quantum.RandomStates;

/**
 * Mixed states of the entanglement paper (paper 1 Eqs. 7, A4 and A5). Each mixture draws fresh pure states; the
 * reference code draws them with replacement from a pool of 1,000 regenerated per batch, which can repeat a
 * state within a batch — a sampling detail the paper does not describe (docs/papers.md#variants-of-paper-1).
 */
public final class MixedStates {
    private MixedStates() {
    }

    /** How the terms of a Kronecker or biseparable mixture are combined (paper 1 Eqs. A4 and A5). */
    public enum Mode {
        /** \(\sum_j p_j\, A_j \otimes B_j\): a mixture of products (Eq. A4/A5). */
        OUTER,
        /** \((\sum_j p_j A_j) \otimes (\sum_j p_j B_j)\): a product of mixtures, same weights per factor. */
        INNER,
        /** \(\sum_j p_j (\sum_l q_l A_{jl}) \otimes (\sum_l q_l B_{jl})\): a mixture of products of mixtures. */
        COMB
    }

    /** Where the pure factors come from. */
    public enum Source {
        /** Circuit states (m = 0 one-qubit states; "full entanglement" circuits for entangled factors). */
        CIRCUIT,
        /** Haar-random states. */
        HAAR
    }

    /**
     * The number of terms of a mixture: uniform on {2, …, 2^N} (paper) or {2, …, 2^(N+1)} (reference code).
     *
     * @param n       number of qubits
     * @param variant which rule
     * @param rng     random source
     * @return the number of pure states to mix
     */
    public static int terms(int n, Variant variant, RandomGenerator rng) {
        return Draw.between(rng, 2, variant == Variant.PAPER ? 1 << n : 2 << n);
    }

    /**
     * A mixture of random pure states, entanglement paper Eq. 7: \(\rho = \sum_{i=1}^d p_i|\psi_i\rangle\langle\psi_i|\)
     * with \(p_i = u_i/\sum u\), \(u_i \sim U[0,1)\).
     *
     * @param n       number of qubits
     * @param methods the pure-state methods; each term picks one uniformly (the reference code's pool
     *                [0, 3] is half separable circuits, half random circuits)
     * @param variant mixture size and CU count rules
     * @param rng     random source
     * @return the mixture
     */
    public static DensityMatrix mixture(int n, List<PureStates.Method> methods, Variant variant, RandomGenerator rng) {
        int d = terms(n, variant, rng);
        double[] p = RandomStates.uniformWeights(d, rng);
        List<Ket> kets = new ArrayList<>(d);
        for (int i = 0; i < d; i++) {
            kets.add(PureStates.generate(methods.get(rng.nextInt(methods.size())), n, variant, rng));
        }
        return DensityMatrix.mixtureOfKets(p, kets);
    }

    /**
     * A fully separable mixture of products of one-qubit pure states (Eq. A4; {@code kron_sep_*}):
     * 'outer' \(\sum_j p_j \bigotimes_k \sigma_{jk}\), 'inner' \(\bigotimes_k \sum_j p_j\sigma_{jk}\), or
     * 'comb' \(\sum_j p_j\bigotimes_k\sum_l q_l\sigma_{jlk}\).
     *
     * @param n       number of qubits
     * @param mode    how terms combine
     * @param source  one-qubit states from circuits (2 U gates on |0⟩) or Haar
     * @param pure    one term only (a pure product state)
     * @param variant mixture size rule
     * @param rng     random source
     * @return the separable state
     */
    public static Sample kronSeparable(int n, Mode mode, Source source, boolean pure, Variant variant, RandomGenerator rng) {
        int d = pure ? 1 : terms(n, variant, rng);
        double[] p = pure ? new double[] {1.0} : RandomStates.uniformWeights(d, rng);
        double[] q = mode == Mode.COMB && !pure ? RandomStates.uniformWeights(d, rng) : new double[] {1.0};
        DensityMatrix rho;
        if (mode == Mode.INNER) {
            rho = null;
            for (int k = 0; k < n; k++) {
                List<DensityMatrix> terms = new ArrayList<>(d);
                for (int j = 0; j < d; j++) {
                    terms.add(oneQubit(source, rng));
                }
                DensityMatrix factor = DensityMatrix.mixture(p, terms);
                rho = rho == null ? factor : rho.tensor(factor);
            }
        } else {
            List<DensityMatrix> terms = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                DensityMatrix prod = null;
                for (int k = 0; k < n; k++) {
                    List<DensityMatrix> inner = new ArrayList<>(q.length);
                    for (int l = 0; l < q.length; l++) {
                        inner.add(oneQubit(source, rng));
                    }
                    DensityMatrix factor = DensityMatrix.mixture(q, inner);
                    prod = prod == null ? factor : prod.tensor(factor);
                }
                terms.add(prod);
            }
            rho = DensityMatrix.mixture(p, terms);
        }
        return Sample.separable(rho);
    }

    private static DensityMatrix oneQubit(Source source, RandomGenerator rng) {
        Ket k = source == Source.HAAR ? RandomStates.haarKet(1, rng) : PureStates.separableCircuit(1, rng);
        return k.toDensityMatrix();
    }

    /**
     * A biseparable mixture (Eq. A5): a register split n1 | n2 with n1 uniform on {1..⌊N/2⌋}, pairs
     * (A, B) of pure states on the two parts, combined by {@code mode}, then a random qubit permutation.
     * As in the reference code the A part takes the last n1 qubits before the permutation; circuit sources
     * use a one-qubit circuit state (or a "full entanglement" circuit if n1 &gt; 1) for A and a "full
     * entanglement" circuit for B; Haar sources use Haar states.
     *
     * @param n       number of qubits, at least 3
     * @param mode    how terms combine
     * @param source  circuit or Haar factors
     * @param pure    one term only (a pure biseparable state)
     * @param variant mixture size and permutation rules
     * @param rng     random source
     * @return the state, with the A qubits recorded as a product group
     */
    public static Sample biseparable(int n, Mode mode, Source source, boolean pure, Variant variant, RandomGenerator rng) {
        if (n < 3) {
            throw new IllegalArgumentException("biseparable states need at least 3 qubits, got " + n);
        }
        int n1 = Draw.between(rng, 1, n / 2);
        int n2 = n - n1;
        int d = pure ? 1 : terms(n, variant, rng);
        double[] p = pure ? new double[] {1.0} : RandomStates.uniformWeights(d, rng);
        double[] q = mode == Mode.COMB && !pure ? RandomStates.uniformWeights(d, rng) : new double[] {1.0};
        DensityMatrix rho;
        if (mode == Mode.INNER) {
            List<DensityMatrix> as = new ArrayList<>(d);
            List<DensityMatrix> bs = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                as.add(part(n1, source, rng));
                bs.add(part(n2, source, rng));
            }
            rho = DensityMatrix.mixture(p, bs).tensor(DensityMatrix.mixture(p, as));
        } else {
            List<DensityMatrix> terms = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                List<DensityMatrix> as = new ArrayList<>(q.length);
                List<DensityMatrix> bs = new ArrayList<>(q.length);
                for (int l = 0; l < q.length; l++) {
                    as.add(part(n1, source, rng));
                    bs.add(part(n2, source, rng));
                }
                terms.add(DensityMatrix.mixture(q, bs).tensor(DensityMatrix.mixture(q, as)));
            }
            rho = DensityMatrix.mixture(p, terms);
        }
        Permutations.Permuted perm = Permutations.permuteRandomly(rho, variant, rng);
        int[] group = new int[n1];
        for (int i = 0; i < n1; i++) {
            group[i] = perm.newLabel(n2 + i);
        }
        java.util.Arrays.sort(group);
        return new Sample(perm.state(), List.of(group), false, false, null);
    }

    private static DensityMatrix part(int size, Source source, RandomGenerator rng) {
        if (source == Source.HAAR) {
            return RandomStates.haarKet(size, rng).toDensityMatrix();
        }
        return (size == 1 ? PureStates.separableCircuit(1, rng) : PureStates.fullyEntangled(size, rng)).toDensityMatrix();
    }
}
