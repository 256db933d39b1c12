package org.densitylab.quantum;

import java.util.random.RandomGenerator;
import org.densitylab.linalg.ComplexMatrix;

/**
 * One-qubit gates as 2×2 matrices in the basis (|0⟩, |1⟩). Two-qubit gates are built by {@link Circuit}.
 */
public final class Gates {
    private Gates() {
    }

    /**
     * The general one-qubit gate of entanglement paper Eq. A1 (Qiskit's {@code u}):
     * \(U(\theta,\phi,\lambda) = \begin{pmatrix}\cos\frac\theta2 & -e^{i\lambda}\sin\frac\theta2\\
     * e^{i\phi}\sin\frac\theta2 & e^{i(\phi+\lambda)}\cos\frac\theta2\end{pmatrix}\).
     *
     * @param theta θ
     * @param phi   φ
     * @param lambda λ
     * @return the 2×2 unitary
     */
    public static ComplexMatrix u(double theta, double phi, double lambda) {
        return phased(theta, phi, lambda, 0);
    }

    /**
     * \(e^{i\gamma}U(\theta,\phi,\lambda)\), the target operator of the controlled gate CU of Eq. A2.
     *
     * @param theta  θ
     * @param phi    φ
     * @param lambda λ
     * @param gamma  global phase γ (relevant once controlled)
     * @return the 2×2 unitary
     */
    public static ComplexMatrix phased(double theta, double phi, double lambda, double gamma) {
        return ComplexMatrix.ofInterleaved(2, 2, StateVector.gate(theta, phi, lambda, gamma));
    }

    /**
     * A U gate with θ, φ, λ drawn i.i.d. uniform on [0, 2π), as the entanglement paper's circuits do (paper 1 Eqs.
     * A1–A2; not Haar on SU(2)).
     *
     * @param rng the random source
     * @return the gate
     */
    public static ComplexMatrix randomU(RandomGenerator rng) {
        return u(angle(rng), angle(rng), angle(rng));
    }

    /**
     * The product \(U_g\cdots U_1\) of g random U gates ("local randomisation",
     * docs/papers.md#gates-and-local-randomisation; g = 2 in the paper).
     *
     * @param g   number of gates, at least 1
     * @param rng the random source
     * @return the 2×2 unitary
     */
    public static ComplexMatrix randomLocal(int g, RandomGenerator rng) {
        if (g < 1) {
            throw new IllegalArgumentException("need at least one gate, got " + g);
        }
        ComplexMatrix w = randomU(rng);
        for (int i = 1; i < g; i++) {
            w = randomU(rng).mult(w);
        }
        return w;
    }

    static double angle(RandomGenerator rng) {
        return rng.nextDouble() * 2 * Math.PI;
    }

    /** @return Hadamard \(\frac1{\sqrt2}\begin{pmatrix}1&1\\1&-1\end{pmatrix}\) */
    public static ComplexMatrix h() {
        double r = Math.sqrt(0.5);
        return ComplexMatrix.ofReal(new double[][] {{r, r}, {r, -r}});
    }

    /** @return Pauli X */
    public static ComplexMatrix x() {
        return ComplexMatrix.ofReal(new double[][] {{0, 1}, {1, 0}});
    }

    /** @return Pauli Y */
    public static ComplexMatrix y() {
        return ComplexMatrix.of(new double[][] {{0, 0}, {0, 0}}, new double[][] {{0, -1}, {1, 0}});
    }

    /** @return Pauli Z */
    public static ComplexMatrix z() {
        return ComplexMatrix.ofReal(new double[][] {{1, 0}, {0, -1}});
    }
}
