package org.densitylab.quantum;

import java.util.random.RandomGenerator;

/**
 * A mutable state vector for fast circuit simulation (dataset generation): gates are given as 2×2
 * matrices in interleaved {@code double[8]} arrays (row-major), applied in place by index arithmetic,
 * with no per-gate objects. Use {@link Circuit} for a reusable, validated, inspectable circuit; use this
 * where millions of random circuits are simulated.
 */
public final class StateVector {
    private final int n;
    private final double[] psi;

    private StateVector(int n, double[] psi) {
        this.n = n;
        this.psi = psi;
    }

    /**
     * @param n number of qubits, 1..24
     * @return \(|0\dots0\rangle\)
     */
    public static StateVector zero(int n) {
        if (n < 1 || n > 24) {
            throw new IllegalArgumentException("a state vector needs 1..24 qubits, got " + n);
        }
        double[] psi = new double[2 << n];
        psi[0] = 1;
        return new StateVector(n, psi);
    }

    /** @return number of qubits */
    public int numQubits() {
        return n;
    }

    /**
     * Applies a one-qubit gate.
     *
     * @param qubit target
     * @param m     2×2 unitary, interleaved row-major (8 values)
     * @return this
     */
    public StateVector apply(int qubit, double[] m) {
        Circuit.applyOneQubit(psi, bit(qubit), 0, m);
        return this;
    }

    /**
     * Applies a controlled one-qubit gate (m on the target when the control is |1⟩).
     *
     * @param control control qubit
     * @param target  target qubit, different from the control
     * @param m       2×2 unitary, interleaved row-major
     * @return this
     */
    public StateVector applyControlled(int control, int target, double[] m) {
        if (control == target) {
            throw new IllegalArgumentException("control and target are both qubit " + control);
        }
        Circuit.applyOneQubit(psi, bit(target), bit(control), m);
        return this;
    }

    private int bit(int q) {
        if (q < 0 || q >= n) {
            throw new IllegalArgumentException("qubit " + q + " does not exist in a " + n + "-qubit register");
        }
        return 1 << (n - 1 - q);
    }

    /** @return the state as an immutable ket (a copy) */
    public Ket ket() {
        return Ket.wrap(n, psi.clone());
    }

    /**
     * Local unitary evolution in place, \(\rho \to W\rho W^\dagger\) with \(W = \bigotimes_q w_q\), on an
     * interleaved \(2^n\times2^n\) matrix (for per-sample rotations in training batches).
     *
     * @param rho interleaved matrix, updated
     * @param n   number of qubits
     * @param w   one 2×2 interleaved unitary per qubit, qubit 0 first
     */
    public static void conjugateLocal(double[] rho, int n, double[][] w) {
        conjugate(rho, 1 << n, col -> {
            for (int q = 0; q < n; q++) {
                Circuit.applyOneQubit(col, 1 << (n - 1 - q), 0, w[q]);
            }
        });
    }

    /**
     * \(\rho \to U\rho U^\dagger\) in place, for U given by its action on vectors: U is applied to the columns
     * of ρ, the result is conjugate-transposed, U is applied again and the result conjugate-transposed back
     * (\((U(U\rho)^\dagger)^\dagger = U\rho U^\dagger\)).
     */
    static void conjugate(double[] rho, int d, java.util.function.Consumer<double[]> u) {
        double[] col = new double[2 * d];
        for (int pass = 0; pass < 2; pass++) {
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < d; i++) {
                    col[2 * i] = rho[2 * (i * d + j)];
                    col[2 * i + 1] = rho[2 * (i * d + j) + 1];
                }
                u.accept(col);
                for (int i = 0; i < d; i++) {
                    rho[2 * (i * d + j)] = col[2 * i];
                    rho[2 * (i * d + j) + 1] = col[2 * i + 1];
                }
            }
            daggerInPlace(rho, d);
        }
    }

    private static void daggerInPlace(double[] x, int d) {
        for (int i = 0; i < d; i++) {
            x[2 * (i * d + i) + 1] = -x[2 * (i * d + i) + 1];
            for (int j = i + 1; j < d; j++) {
                int a = 2 * (i * d + j);
                int b = 2 * (j * d + i);
                double re = x[a];
                double im = x[a + 1];
                x[a] = x[b];
                x[a + 1] = -x[b + 1];
                x[b] = re;
                x[b + 1] = -im;
            }
        }
    }

    // ------------------------------------------------------------- 2×2 gate arrays

    /**
     * \(e^{i\gamma}U(\theta,\phi,\lambda)\) as an interleaved array (see {@link Gates#phased}).
     *
     * @param theta  θ
     * @param phi    φ
     * @param lambda λ
     * @param gamma  γ
     * @return 8 values
     */
    public static double[] gate(double theta, double phi, double lambda, double gamma) {
        double c = Math.cos(theta / 2);
        double s = Math.sin(theta / 2);
        return new double[] {
            c * Math.cos(gamma), c * Math.sin(gamma),
            -s * Math.cos(gamma + lambda), -s * Math.sin(gamma + lambda),
            s * Math.cos(gamma + phi), s * Math.sin(gamma + phi),
            c * Math.cos(gamma + phi + lambda), c * Math.sin(gamma + phi + lambda)};
    }

    /**
     * A U gate with θ, φ, λ uniform on [0, 2π) (paper 1 Eqs. A1–A2).
     *
     * @param rng random source
     * @return 8 values
     */
    public static double[] randomU(RandomGenerator rng) {
        return gate(Gates.angle(rng), Gates.angle(rng), Gates.angle(rng), 0);
    }

    /**
     * A CU target operator with θ, φ, λ, γ uniform on [0, 2π).
     *
     * @param rng random source
     * @return 8 values
     */
    public static double[] randomCu(RandomGenerator rng) {
        return gate(Gates.angle(rng), Gates.angle(rng), Gates.angle(rng), Gates.angle(rng));
    }

    /**
     * The product of g random U gates, \(U_g\cdots U_1\) (docs/papers.md#gates-and-local-randomisation), as one gate.
     *
     * @param g   number of gates, at least 1
     * @param rng random source
     * @return 8 values
     */
    public static double[] randomLocal(int g, RandomGenerator rng) {
        double[] w = randomU(rng);
        for (int i = 1; i < g; i++) {
            w = multiply(randomU(rng), w);
        }
        return w;
    }

    /**
     * @param a left 2×2
     * @param b right 2×2
     * @return a·b
     */
    public static double[] multiply(double[] a, double[] b) {
        double[] c = new double[8];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double re = 0;
                double im = 0;
                for (int k = 0; k < 2; k++) {
                    double ar = a[2 * (2 * i + k)];
                    double ai = a[2 * (2 * i + k) + 1];
                    double br = b[2 * (2 * k + j)];
                    double bi = b[2 * (2 * k + j) + 1];
                    re += ar * br - ai * bi;
                    im += ar * bi + ai * br;
                }
                c[2 * (2 * i + j)] = re;
                c[2 * (2 * i + j) + 1] = im;
            }
        }
        return c;
    }

    /** Pauli X as an array. */
    public static final double[] X = {0, 0, 1, 0, 1, 0, 0, 0};
    /** Hadamard as an array. */
    public static final double[] H = {Math.sqrt(0.5), 0, Math.sqrt(0.5), 0, Math.sqrt(0.5), 0, -Math.sqrt(0.5), 0};
}
