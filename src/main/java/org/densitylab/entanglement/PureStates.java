package org.densitylab.entanglement;

import java.util.random.RandomGenerator;
import org.densitylab.quantum.Ket;
import org.densitylab.quantum.RandomStates;
import org.densitylab.quantum.StateVector;

/**
 * Random pure states of the entanglement paper (docs/papers.md#pure-states), made by circuits from |0…0⟩ with the gates
 * of Eqs. A1–A2, all angles uniform on [0, 2π).
 */
public final class PureStates {
    /** Random U gates applied to every qubit at the end of each circuit (the reference code's default). */
    public static final int FINAL_GATES = 2;

    private PureStates() {
    }

    /** The circuit methods (docs/papers.md#pure-states; the reference code's method ids 0–3) and Haar sampling. */
    public enum Method {
        /** m = 0: a product of random one-qubit states, 2 U gates per qubit. */
        SEPARABLE_CIRCUIT,
        /** m = 1: a W state on k ∈ {2..N} random qubits, then 2 U gates on every qubit. */
        W,
        /** m = 2: a GHZ state on k ∈ {2..N} random qubits, then 2 U gates on every qubit. */
        GHZ,
        /** m = 3: random CU gates among k ∈ {2..N} random qubits, then 2 U gates on every qubit. */
        RANDOM_CIRCUIT,
        /** A Haar-random state (Appendix A3). */
        HAAR
    }

    /**
     * A random pure state by one of the methods.
     *
     * @param method  the method
     * @param n       number of qubits
     * @param variant CU count rule (paper or reference code)
     * @param rng     random source
     * @return the ket
     */
    public static Ket generate(Method method, int n, Variant variant, RandomGenerator rng) {
        return switch (method) {
            case SEPARABLE_CIRCUIT -> separableCircuit(n, rng);
            case W, GHZ, RANDOM_CIRCUIT -> {
                StateVector v = StateVector.zero(n);
                int[] sample = Draw.sample(rng, n, Draw.between(rng, 2, n));
                if (method == Method.W) {
                    prepareW(v, sample);
                } else if (method == Method.GHZ) {
                    prepareGhz(v, sample);
                } else {
                    randomEntangling(v, sample, cuCount(n, sample.length, variant, rng), rng);
                }
                yield localLayer(v, FINAL_GATES, rng).ket();
            }
            case HAAR -> RandomStates.haarKet(n, rng);
        };
    }

    /**
     * m = 0: \(\bigotimes_q W_q|0\rangle\) with each \(W_q\) a product of 2 random U gates.
     *
     * @param n   number of qubits
     * @param rng random source
     * @return the product ket
     */
    public static Ket separableCircuit(int n, RandomGenerator rng) {
        return localLayer(StateVector.zero(n), FINAL_GATES, rng).ket();
    }

    /**
     * The number of CU gates of a random entangling circuit (docs/papers.md#pure-states;
     * docs/papers.md#variants-of-paper-1): the paper draws from
     * \([1, 2^{\binom N2})\) (1..7 for N = 3; capped at 1,023 for N &gt; 4, where the rule explodes); the
     * reference code from \([1, 2\binom k2)\) with k sampled qubits.
     *
     * @param n       register size
     * @param k       number of sampled qubits
     * @param variant which rule
     * @param rng     random source
     * @return the count, at least 1
     */
    public static int cuCount(int n, int k, Variant variant, RandomGenerator rng) {
        int max = variant == Variant.PAPER ? (1 << Math.min(10, n * (n - 1) / 2)) : k * (k - 1);
        return Draw.between(rng, 1, Math.max(1, max - 1));
    }

    /** Applies g random U gates on every qubit (fused into one 2×2 gate per qubit). */
    static StateVector localLayer(StateVector v, int g, RandomGenerator rng) {
        for (int q = 0; q < v.numQubits(); q++) {
            v.apply(q, StateVector.randomLocal(g, rng));
        }
        return v;
    }

    /**
     * The random entangling core on the sampled qubits: one U on each, then {@code count} CU gates with
     * i.i.d. angles on uniformly random ordered (control, target) pairs of sampled qubits.
     */
    static void randomEntangling(StateVector v, int[] sample, int count, RandomGenerator rng) {
        for (int q : sample) {
            v.apply(q, StateVector.randomU(rng));
        }
        for (int i = 0; i < count; i++) {
            int[] pair = Draw.sample(rng, sample, 2);
            v.applyControlled(pair[0], pair[1], StateVector.randomCu(rng));
        }
    }

    /**
     * The "full entanglement" circuit of the biseparable constructions (docs/papers.md#pure-states): on all n qubits in
     * a random order, 1 U each, then 2n CU gates with control sample[i mod n] and target sample[(i+1) mod n], then 2 U
     * on each qubit.
     *
     * @param n   register size, at least 2
     * @param rng random source
     * @return the ket
     */
    public static Ket fullyEntangled(int n, RandomGenerator rng) {
        int[] sample = Draw.sample(rng, n, n);
        StateVector v = StateVector.zero(n);
        for (int q : sample) {
            v.apply(q, StateVector.randomU(rng));
        }
        for (int i = 0; i < 2 * n; i++) {
            v.applyControlled(sample[i % n], sample[(i + 1) % n], StateVector.randomCu(rng));
        }
        return localLayer(v, FINAL_GATES, rng).ket();
    }

    /**
     * GHZ preparation on the sampled qubits: H on the first, then a CNOT chain; maps |0…0⟩ to
     * (|0…0⟩ + |1…1⟩)/√2 on them.
     */
    static void prepareGhz(StateVector v, int[] sample) {
        v.apply(sample[0], StateVector.H);
        for (int i = 0; i + 1 < sample.length; i++) {
            v.applyControlled(sample[i], sample[i + 1], StateVector.X);
        }
    }

    /**
     * W preparation on the sampled qubits (maps |0…0⟩ to \(\frac1{\sqrt k}\sum_j|1_j\rangle\) on them, with
     * real positive amplitudes): X on the first; then for j = 0..k−2 a controlled \(R_y(\theta_j)\) from
     * qubit j to j+1 with \(\cos(\theta_j/2) = \sqrt{1/(k-j)}\), followed by CNOT(j+1 → j), which moves the
     * excitation on with amplitude \(\sqrt{(k-j-1)/(k-j)}\) and leaves \(1/\sqrt{k}\) behind.
     */
    static void prepareW(StateVector v, int[] s) {
        int k = s.length;
        v.apply(s[0], StateVector.X);
        for (int j = 0; j + 1 < k; j++) {
            double theta = 2 * Math.acos(Math.sqrt(1.0 / (k - j)));
            v.applyControlled(s[j], s[j + 1], StateVector.gate(theta, 0, 0, 0));
            v.applyControlled(s[j + 1], s[j], StateVector.X);
        }
    }
}
