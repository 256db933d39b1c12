package org.densitylab.quantum;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.densitylab.linalg.ComplexMatrix;

/**
 * A circuit: an ordered list of gates on an N-qubit register, applied to state vectors by index
 * arithmetic (never by building the \(2^N\times2^N\) matrix). Immutable; build with {@link #on(int)}:
 *
 * <pre>{@code
 * Ket ghz = Circuit.on(3).h(0).cnot(0, 1).cnot(1, 2).build().apply(Ket.basis(3, 0));
 * }</pre>
 */
public final class Circuit {

    /** One gate of a circuit. */
    public sealed interface Gate permits Single, Controlled, Swap {
    }

    /**
     * A one-qubit gate.
     *
     * @param qubit the target
     * @param u     2×2 unitary
     */
    public record Single(int qubit, ComplexMatrix u) implements Gate {
    }

    /**
     * A controlled one-qubit gate: applies u to the target when the control is |1⟩.
     *
     * @param control control qubit
     * @param target  target qubit
     * @param u       2×2 unitary (with its global phase, which matters here)
     */
    public record Controlled(int control, int target, ComplexMatrix u) implements Gate {
    }

    /**
     * Exchanges two qubits.
     *
     * @param a one qubit
     * @param b the other
     */
    public record Swap(int a, int b) implements Gate {
    }

    private final int n;
    private final List<Gate> gates;
    private final double[][] matrices;

    private Circuit(int n, List<Gate> gates) {
        this.n = n;
        this.gates = List.copyOf(gates);
        this.matrices = new double[gates.size()][];
        for (int i = 0; i < gates.size(); i++) {
            Gate g = gates.get(i);
            if (g instanceof Single s) {
                matrices[i] = s.u().toInterleaved();
            } else if (g instanceof Controlled c) {
                matrices[i] = c.u().toInterleaved();
            }
        }
    }

    /**
     * Starts a circuit.
     *
     * @param n number of qubits, 1..{@link Qubits#MAX_QUBITS} (state vectors allow more, up to 24)
     * @return a builder
     */
    public static Builder on(int n) {
        if (n < 1 || n > 24) {
            throw new IllegalArgumentException("a circuit needs 1..24 qubits, got " + n);
        }
        return new Builder(n);
    }

    /** @return number of qubits */
    public int numQubits() {
        return n;
    }

    /** @return the gates in order */
    public List<Gate> gates() {
        return gates;
    }

    /**
     * @param ket a ket of N qubits
     * @return the circuit applied to it
     */
    public Ket apply(Ket ket) {
        return ket.apply(this);
    }

    /** @return the \(2^N\times2^N\) unitary of the circuit (for small N: tests, display) */
    public ComplexMatrix unitary() {
        int d = 1 << n;
        double[] u = new double[2 * d * d];
        double[] col = new double[2 * d];
        for (int j = 0; j < d; j++) {
            java.util.Arrays.fill(col, 0);
            col[2 * j] = 1;
            applyInPlace(col);
            for (int i = 0; i < d; i++) {
                u[2 * (i * d + j)] = col[2 * i];
                u[2 * (i * d + j) + 1] = col[2 * i + 1];
            }
        }
        return ComplexMatrix.ofInterleaved(d, d, u);
    }

    /** Applies the gates to an interleaved state vector of length 2·2^N, in place. */
    void applyInPlace(double[] psi) {
        for (int i = 0; i < gates.size(); i++) {
            Gate g = gates.get(i);
            if (g instanceof Single s) {
                applyOneQubit(psi, 1 << (n - 1 - s.qubit()), 0, matrices[i]);
            } else if (g instanceof Controlled c) {
                applyOneQubit(psi, 1 << (n - 1 - c.target()), 1 << (n - 1 - c.control()), matrices[i]);
            } else if (g instanceof Swap w) {
                swap(psi, 1 << (n - 1 - w.a()), 1 << (n - 1 - w.b()));
            }
        }
    }

    /**
     * Applies a 2×2 matrix to the pairs (ψ[x], ψ[x | bit]) with x's target bit clear and all control bits set (paper 1
     * Eqs. A1–A2).
     */
    static void applyOneQubit(double[] psi, int bit, int controlMask, double[] m) {
        int d = psi.length / 2;
        double ar = m[0];
        double ai = m[1];
        double br = m[2];
        double bi = m[3];
        double cr = m[4];
        double ci = m[5];
        double dr = m[6];
        double di = m[7];
        // blocks of 2·bit indices: the first half has the target bit clear, the second half set
        for (int base = 0; base < d; base += 2 * bit) {
            for (int x = base; x < base + bit; x++) {
                if ((x & controlMask) != controlMask) {
                    continue;
                }
                int px = 2 * x;
                int py = 2 * (x + bit);
                double pr = psi[px];
                double pi = psi[px + 1];
                double qr = psi[py];
                double qi = psi[py + 1];
                psi[px] = ar * pr - ai * pi + br * qr - bi * qi;
                psi[px + 1] = ar * pi + ai * pr + br * qi + bi * qr;
                psi[py] = cr * pr - ci * pi + dr * qr - di * qi;
                psi[py + 1] = cr * pi + ci * pr + dr * qi + di * qr;
            }
        }
    }

    private static void swap(double[] psi, int bitA, int bitB) {
        int d = psi.length / 2;
        for (int x = 0; x < d; x++) {
            if ((x & bitA) != 0 && (x & bitB) == 0) {
                int y = (x & ~bitA) | bitB;
                double r = psi[2 * x];
                double i = psi[2 * x + 1];
                psi[2 * x] = psi[2 * y];
                psi[2 * x + 1] = psi[2 * y + 1];
                psi[2 * y] = r;
                psi[2 * y + 1] = i;
            }
        }
    }

    /** Collects gates; each method checks its qubit labels. */
    public static final class Builder {
        private final int n;
        private final List<Gate> gates = new ArrayList<>();

        private Builder(int n) {
            this.n = n;
        }

        private int check(int q) {
            if (q < 0 || q >= n) {
                throw new IllegalArgumentException("qubit " + q + " does not exist in a " + n
                        + "-qubit circuit (valid labels 0.." + (n - 1) + ")");
            }
            return q;
        }

        private void checkPair(int a, int b) {
            check(a);
            check(b);
            if (a == b) {
                throw new IllegalArgumentException("a two-qubit gate needs two different qubits, got " + a + " twice");
            }
        }

        private static ComplexMatrix check2x2(ComplexMatrix u) {
            if (u.rows() != 2 || u.cols() != 2) {
                throw new IllegalArgumentException("a one-qubit gate must be 2x2, got " + u.rows() + "x" + u.cols());
            }
            if (u.dagger().mult(u).maxAbsDiff(ComplexMatrix.identity(2)) > 1e-9) {
                throw new IllegalArgumentException("gate is not unitary: max |U†U - I| = "
                        + u.dagger().mult(u).maxAbsDiff(ComplexMatrix.identity(2)));
            }
            return u;
        }

        /**
         * @param qubit target
         * @param u     a 2×2 unitary
         * @return this builder
         */
        public Builder gate(int qubit, ComplexMatrix u) {
            gates.add(new Single(check(qubit), check2x2(u)));
            return this;
        }

        /**
         * @param control control qubit
         * @param target  target qubit
         * @param u       a 2×2 unitary applied when the control is |1⟩
         * @return this builder
         */
        public Builder controlled(int control, int target, ComplexMatrix u) {
            checkPair(control, target);
            gates.add(new Controlled(control, target, check2x2(u)));
            return this;
        }

        /**
         * @param qubit  target
         * @param theta  θ
         * @param phi    φ
         * @param lambda λ
         * @return this builder, with \(U(\theta,\phi,\lambda)\) added (Eq. A1)
         */
        public Builder u(int qubit, double theta, double phi, double lambda) {
            return gate(qubit, Gates.u(theta, phi, lambda));
        }

        /**
         * @param control control
         * @param target  target
         * @param theta   θ
         * @param phi     φ
         * @param lambda  λ
         * @param gamma   γ
         * @return this builder, with \(CU(\theta,\phi,\lambda,\gamma)\) added (Eq. A2)
         */
        public Builder cu(int control, int target, double theta, double phi, double lambda, double gamma) {
            return controlled(control, target, Gates.phased(theta, phi, lambda, gamma));
        }

        /**
         * @param qubit target
         * @param rng   random source
         * @return this builder, with a U gate of uniform random angles added
         */
        public Builder randomU(int qubit, RandomGenerator rng) {
            return gate(qubit, Gates.randomU(rng));
        }

        /**
         * @param control control
         * @param target  target
         * @param rng     random source
         * @return this builder, with a CU gate of i.i.d. uniform angles θ, φ, λ, γ on [0, 2π) added
         */
        public Builder randomCu(int control, int target, RandomGenerator rng) {
            return cu(control, target, Gates.angle(rng), Gates.angle(rng), Gates.angle(rng), Gates.angle(rng));
        }

        /**
         * @param qubit target
         * @return this builder, with a Hadamard added
         */
        public Builder h(int qubit) {
            return gate(qubit, Gates.h());
        }

        /**
         * @param qubit target
         * @return this builder, with Pauli X added
         */
        public Builder x(int qubit) {
            return gate(qubit, Gates.x());
        }

        /**
         * @param control control
         * @param target  target
         * @return this builder, with CNOT added
         */
        public Builder cnot(int control, int target) {
            return controlled(control, target, Gates.x());
        }

        /**
         * @param a one qubit
         * @param b the other
         * @return this builder, with SWAP added
         */
        public Builder swap(int a, int b) {
            checkPair(a, b);
            gates.add(new Swap(a, b));
            return this;
        }

        /**
         * Appends all gates of another circuit on the same register.
         *
         * @param other a circuit on the same number of qubits
         * @return this builder
         */
        public Builder append(Circuit other) {
            if (other.n != n) {
                throw new IllegalArgumentException("cannot append a " + other.n + "-qubit circuit to a " + n + "-qubit one");
            }
            gates.addAll(other.gates);
            return this;
        }

        /** @return the circuit */
        public Circuit build() {
            return new Circuit(n, gates);
        }
    }
}
