package org.densitylab.data.entanglement;

import java.util.random.RandomGenerator;
import org.densitylab.quantum.Circuit;
import org.densitylab.quantum.Ket;
import org.densitylab.quantum.RandomStates;

/**
 * Random pure states of the entanglement paper (spec §2.2), made by circuits from |0…0⟩ with the gates
 * of Eqs. A1–A2, all angles uniform on [0, 2π).
 */
public final class PureStates {
    /** Random U gates applied to every qubit at the end of each circuit (the reference code's default). */
    public static final int FINAL_GATES = 2;

    private PureStates() {
    }

    /** The circuit methods of spec §2.2 (the reference code's method ids 0–3) and Haar sampling. */
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
                Circuit.Builder c = Circuit.on(n);
                int[] sample = Draw.sample(rng, n, Draw.between(rng, 2, n));
                if (method == Method.W) {
                    prepareW(c, sample);
                } else if (method == Method.GHZ) {
                    prepareGhz(c, sample);
                } else {
                    randomEntangling(c, sample, cuCount(n, sample.length, variant, rng), rng);
                }
                yield localLayer(c, n, FINAL_GATES, rng).build().apply(Ket.basis(n, 0));
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
        return localLayer(Circuit.on(n), n, FINAL_GATES, rng).build().apply(Ket.basis(n, 0));
    }

    /**
     * The number of CU gates of a random entangling circuit (spec §2.2, §10.1): the paper draws from
     * \([1, 2^{\binom N2})\); the reference code from \([1, 2\binom k2)\) with k sampled qubits.
     *
     * @param n       register size
     * @param k       number of sampled qubits
     * @param variant which rule
     * @param rng     random source
     * @return the count, at least 1
     */
    public static int cuCount(int n, int k, Variant variant, RandomGenerator rng) {
        int max = variant == Variant.PAPER ? (1 << Math.min(20, n * (n - 1) / 2)) : k * (k - 1);
        return Draw.between(rng, 1, Math.max(1, max - 1));
    }

    /** Adds g random U gates on every qubit. */
    static Circuit.Builder localLayer(Circuit.Builder c, int n, int g, RandomGenerator rng) {
        for (int q = 0; q < n; q++) {
            for (int i = 0; i < g; i++) {
                c.randomU(q, rng);
            }
        }
        return c;
    }

    /**
     * The random entangling core on the sampled qubits: one U on each, then {@code count} CU gates with
     * i.i.d. angles on uniformly random ordered (control, target) pairs of sampled qubits.
     */
    static void randomEntangling(Circuit.Builder c, int[] sample, int count, RandomGenerator rng) {
        for (int q : sample) {
            c.randomU(q, rng);
        }
        for (int i = 0; i < count; i++) {
            int[] pair = Draw.sample(rng, sample, 2);
            c.randomCu(pair[0], pair[1], rng);
        }
    }

    /**
     * The "full entanglement" circuit of the biseparable constructions (spec §2.2): on all n qubits in a
     * random order, 1 U each, then 2n CU gates with control sample[i mod n] and target sample[(i+1) mod n],
     * then 2 U on each qubit.
     *
     * @param n   register size, at least 2
     * @param rng random source
     * @return the ket
     */
    public static Ket fullyEntangled(int n, RandomGenerator rng) {
        int[] sample = Draw.sample(rng, n, n);
        Circuit.Builder c = Circuit.on(n);
        for (int q : sample) {
            c.randomU(q, rng);
        }
        for (int i = 0; i < 2 * n; i++) {
            c.randomCu(sample[i % n], sample[(i + 1) % n], rng);
        }
        return localLayer(c, n, FINAL_GATES, rng).build().apply(Ket.basis(n, 0));
    }

    /**
     * GHZ preparation on the sampled qubits: H on the first, then a CNOT chain; maps |0…0⟩ to
     * (|0…0⟩ + |1…1⟩)/√2 on them.
     */
    static void prepareGhz(Circuit.Builder c, int[] sample) {
        c.h(sample[0]);
        for (int i = 0; i + 1 < sample.length; i++) {
            c.cnot(sample[i], sample[i + 1]);
        }
    }

    /**
     * W preparation on the sampled qubits (maps |0…0⟩ to \(\frac1{\sqrt k}\sum_j|1_j\rangle\) on them, with
     * real positive amplitudes): X on the first; then for j = 0..k−2 a controlled \(R_y(\theta_j)\) from
     * qubit j to j+1 with \(\cos(\theta_j/2) = \sqrt{1/(k-j)}\), followed by CNOT(j+1 → j), which moves the
     * excitation on with amplitude \(\sqrt{(k-j-1)/(k-j)}\) and leaves \(1/\sqrt{k}\) behind.
     */
    static void prepareW(Circuit.Builder c, int[] s) {
        int k = s.length;
        c.x(s[0]);
        for (int j = 0; j + 1 < k; j++) {
            double theta = 2 * Math.acos(Math.sqrt(1.0 / (k - j)));
            c.controlled(s[j], s[j + 1], org.densitylab.quantum.Gates.u(theta, 0, 0));
            c.cnot(s[j + 1], s[j]);
        }
    }
}
