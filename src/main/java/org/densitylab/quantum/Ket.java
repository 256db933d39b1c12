package org.densitylab.quantum;

import java.util.Locale;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.ComplexOps;

/**
 * A normalised pure state \(|\psi\rangle\) of N qubits, amplitudes in the big-endian basis order
 * (qubit 0 is the most significant bit). Immutable.
 */
public final class Ket {
    /** Largest accepted deviation of \(\langle\psi|\psi\rangle\) from 1. */
    public static final double NORM_TOLERANCE = 1e-9;

    private final int n;
    private final double[] amp;

    private Ket(int n, double[] amp) {
        this.n = n;
        this.amp = amp;
    }

    /** Wraps amplitudes built inside the library (normalised, length 2·2^n); no copy, no check. */
    static Ket wrap(int n, double[] amp) {
        return new Ket(n, amp);
    }

    /**
     * A ket from interleaved amplitudes \((\mathrm{Re}\,\psi_0, \mathrm{Im}\,\psi_0, \dots)\) in the given
     * qubit order.
     *
     * @param interleaved 2·2^N values, copied
     * @param order       the basis order of the input
     * @return the ket in DensityLab's order
     * @throws IllegalArgumentException if the length is not 2·2^N, a value is not finite, or the norm is
     *                                  not 1 within {@link #NORM_TOLERANCE}
     */
    public static Ket ofInterleaved(double[] interleaved, QubitOrder order) {
        if (interleaved.length % 2 != 0) {
            throw new IllegalArgumentException("interleaved amplitudes need an even length, got " + interleaved.length);
        }
        int n = Qubits.qubitsOf(interleaved.length / 2);
        double norm2 = 0;
        for (int k = 0; k < interleaved.length; k++) {
            if (!Double.isFinite(interleaved[k])) {
                throw new IllegalArgumentException("amplitude " + k / 2 + " is not finite: " + interleaved[k]);
            }
            norm2 += interleaved[k] * interleaved[k];
        }
        if (Math.abs(norm2 - 1) > NORM_TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a ket must have norm 1, got <psi|psi> = %.12g (use Ket.normalized to rescale)", norm2));
        }
        return new Ket(n, order.toBigEndian(interleaved, interleaved.length / 2));
    }

    /**
     * A ket from real and imaginary amplitudes in DensityLab's (big-endian) order.
     *
     * @param re real parts
     * @param im imaginary parts, or {@code null} for real amplitudes
     * @return the ket
     */
    public static Ket of(double[] re, double[] im) {
        return ofInterleaved(interleave(re, im), QubitOrder.BIG_ENDIAN);
    }

    /**
     * The ket proportional to the given amplitudes.
     *
     * @param re real parts
     * @param im imaginary parts, or {@code null}
     * @return \(|\phi\rangle/\||\phi\rangle\|\)
     * @throws IllegalArgumentException for a zero vector
     */
    public static Ket normalized(double[] re, double[] im) {
        double[] a = interleave(re, im);
        double s = 0;
        for (double v : a) {
            s += v * v;
        }
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("cannot normalise a vector of squared norm " + s);
        }
        double f = 1 / Math.sqrt(s);
        for (int k = 0; k < a.length; k++) {
            a[k] *= f;
        }
        return ofInterleaved(a, QubitOrder.BIG_ENDIAN);
    }

    private static double[] interleave(double[] re, double[] im) {
        if (im != null && im.length != re.length) {
            throw new IllegalArgumentException("real part has " + re.length + " amplitudes, imaginary part " + im.length);
        }
        double[] a = new double[2 * re.length];
        for (int i = 0; i < re.length; i++) {
            a[2 * i] = re[i];
            a[2 * i + 1] = im == null ? 0 : im[i];
        }
        return a;
    }

    /**
     * A computational basis state.
     *
     * @param n     number of qubits
     * @param index basis index, big-endian: {@code basis(3, 0b100)} is \(|100\rangle\), qubit 0 set
     * @return \(|\mathrm{index}\rangle\)
     */
    public static Ket basis(int n, int index) {
        int d = 1 << n;
        Qubits.qubitsOf(d);
        if (index < 0 || index >= d) {
            throw new IllegalArgumentException("basis index " + index + " outside 0.." + (d - 1));
        }
        double[] a = new double[2 * d];
        a[2 * index] = 1;
        return new Ket(n, a);
    }

    /** @return number of qubits N */
    public int numQubits() {
        return n;
    }

    /** @return dimension \(2^N\) */
    public int dim() {
        return 1 << n;
    }

    /**
     * @param i basis index (big-endian)
     * @return \(\mathrm{Re}\,\psi_i\)
     */
    public double re(int i) {
        return amp[2 * i];
    }

    /**
     * @param i basis index (big-endian)
     * @return \(\mathrm{Im}\,\psi_i\)
     */
    public double im(int i) {
        return amp[2 * i + 1];
    }

    /**
     * @param order basis order of the result
     * @return a copy of the interleaved amplitudes in that order
     */
    public double[] toInterleaved(QubitOrder order) {
        return order.toBigEndian(amp, dim()); // the reordering is an involution
    }

    /** Amplitudes without a copy, for read-only use inside the library. */
    double[] raw() {
        return amp;
    }

    /**
     * Tensor product; this ket takes the lower qubit labels.
     *
     * @param other the ket on the following qubits
     * @return \(|\psi\rangle \otimes |\phi\rangle\)
     */
    public Ket tensor(Ket other) {
        return new Ket(n + other.n, ComplexOps.kron(amp, dim(), 1, other.amp, other.dim(), 1));
    }

    /**
     * @param other a ket of the same size
     * @return \(\langle\psi|\phi\rangle\) as {re, im}
     */
    public double[] inner(Ket other) {
        requireSameSize(other.n);
        double r = 0;
        double i = 0;
        for (int k = 0; k < amp.length; k += 2) {
            r += amp[k] * other.amp[k] + amp[k + 1] * other.amp[k + 1];
            i += amp[k] * other.amp[k + 1] - amp[k + 1] * other.amp[k];
        }
        return new double[] {r, i};
    }

    /**
     * @param other a ket of the same size
     * @return \(|\langle\psi|\phi\rangle|^2\)
     */
    public double overlap(Ket other) {
        double[] c = inner(other);
        return c[0] * c[0] + c[1] * c[1];
    }

    /**
     * Applies a circuit.
     *
     * @param circuit a circuit on N qubits
     * @return \(U_{\mathrm{circuit}}|\psi\rangle\)
     */
    public Ket apply(Circuit circuit) {
        requireSameSize(circuit.numQubits());
        double[] a = amp.clone();
        circuit.applyInPlace(a);
        return new Ket(n, a);
    }

    /**
     * Applies a unitary matrix.
     *
     * @param u a \(2^N\times 2^N\) unitary
     * @return \(U|\psi\rangle\)
     */
    public Ket apply(ComplexMatrix u) {
        if (u.rows() != dim() || u.cols() != dim()) {
            throw new IllegalArgumentException("a " + n + "-qubit ket needs a " + dim() + "x" + dim()
                    + " unitary, got " + u.rows() + "x" + u.cols());
        }
        return new Ket(n, ComplexOps.mult(u.toInterleaved(), amp, dim(), dim(), 1));
    }

    /**
     * The reduced state on the given qubits, straight from the amplitudes:
     * \((\rho_K)_{ab} = \sum_t \psi_{(a,t)}\overline{\psi_{(b,t)}}\), without building the full
     * \(2^N\times2^N\) projector (the reduced states of the paper's 9-qubit circuits, Eq. 8).
     *
     * @param qubits qubits to keep (at least one); they become qubits 0.. in ascending order
     * @return \(\mathrm{tr}_{\bar K}|\psi\rangle\langle\psi|\)
     */
    public DensityMatrix keep(int... qubits) {
        int[] k = Qubits.checkedSorted(n, qubits);
        if (k.length == 0) {
            throw new IllegalArgumentException("keep at least one qubit (tracing out everything leaves the number 1)");
        }
        int[] kept = Qubits.spread(n, k);
        int[] traced = Qubits.spread(n, Qubits.complement(n, k));
        int dk = kept.length;
        double[] out = new double[2 * dk * dk];
        for (int a = 0; a < dk; a++) {
            for (int b = 0; b <= a; b++) {
                double sr = 0;
                double si = 0;
                for (int t : traced) {
                    int x = 2 * (kept[a] | t);
                    int y = 2 * (kept[b] | t);
                    sr += amp[x] * amp[y] + amp[x + 1] * amp[y + 1];
                    si += amp[x + 1] * amp[y] - amp[x] * amp[y + 1];
                }
                out[2 * (a * dk + b)] = sr;
                out[2 * (a * dk + b) + 1] = si;
                out[2 * (b * dk + a)] = sr;
                out[2 * (b * dk + a) + 1] = -si;
            }
        }
        return DensityMatrix.wrap(k.length, out);
    }

    /** @return \(|\psi\rangle\langle\psi|\) */
    public DensityMatrix toDensityMatrix() {
        double[] rho = new double[2 * dim() * dim()];
        ComplexOps.addProjector(rho, amp, dim(), 1.0);
        return DensityMatrix.wrap(n, rho);
    }

    private void requireSameSize(int m) {
        if (m != n) {
            throw new IllegalArgumentException("sizes differ: " + n + " qubits and " + m + " qubits");
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dim(); i++) {
            if (Math.hypot(amp[2 * i], amp[2 * i + 1]) > 1e-12) {
                sb.append(sb.length() == 0 ? "" : " + ")
                        .append(String.format(Locale.ROOT, "(%.4f%+.4fi)|", amp[2 * i], amp[2 * i + 1]));
                for (int q = 0; q < n; q++) {
                    sb.append(i >> (n - 1 - q) & 1);
                }
                sb.append('>');
            }
        }
        return sb.toString();
    }
}
