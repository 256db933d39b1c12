package org.densitylab.quantum;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.ComplexOps;
import org.densitylab.linalg.HermitianEigen;
import org.densitylab.linalg.MatrixFunctions;

/**
 * A density matrix \(\rho\) of N qubits: Hermitian, trace 1, positive semidefinite, of dimension
 * \(2^N\), in the big-endian basis order (qubit 0 is the most significant bit). Immutable.
 *
 * <p>{@link #of} validates every property within a stated tolerance and names the violated one.
 * Operations that preserve the properties (partial trace, partial transpose's spectrum, unitary
 * conjugation, mixtures, tensor products) do not re-check them.
 */
public final class DensityMatrix {
    /** Default tolerance of {@link #of}: Hermiticity, trace and smallest eigenvalue. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    private final int n;
    private final int dim;
    private final double[] data;

    private DensityMatrix(int n, double[] data) {
        this.n = n;
        this.dim = 1 << n;
        this.data = data;
    }

    /** Wraps a matrix built inside the library by a property-preserving operation; no copy, no check. */
    static DensityMatrix wrap(int n, double[] data) {
        return new DensityMatrix(n, data);
    }

    /**
     * Validates a matrix as a density matrix in DensityLab's (big-endian) order.
     *
     * @param m a complex matrix
     * @return the density matrix
     * @throws IllegalArgumentException if it is not square of dimension \(2^N\), not Hermitian, has
     *                                  trace ≠ 1, or a negative eigenvalue, beyond {@link #DEFAULT_TOLERANCE}
     */
    public static DensityMatrix of(ComplexMatrix m) {
        return of(m, QubitOrder.BIG_ENDIAN, DEFAULT_TOLERANCE);
    }

    /**
     * Validates a matrix given in either qubit order.
     *
     * @param m         a complex matrix
     * @param order     the basis order of {@code m}
     * @param tolerance allowed deviation for Hermiticity (largest \(|\rho_{ij}-\bar\rho_{ji}|\)), trace
     *                  and the smallest eigenvalue; use about 1e-5 for float32 data
     * @return the density matrix in big-endian order
     * @throws IllegalArgumentException naming the violated property and its value
     */
    public static DensityMatrix of(ComplexMatrix m, QubitOrder order, double tolerance) {
        if (!m.isSquare()) {
            throw new IllegalArgumentException("a density matrix must be square, got " + m.rows() + "x" + m.cols());
        }
        int n = Qubits.qubitsOf(m.rows());
        double herm = m.hermiticityError();
        if (herm > tolerance) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a density matrix must be Hermitian: max |rho_ij - conj(rho_ji)| = %.3g > tolerance %.1g", herm, tolerance));
        }
        if (Math.abs(m.traceRe() - 1) > tolerance || Math.abs(m.traceIm()) > tolerance) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a density matrix must have trace 1, got %.12g%+.3gi (divide by the trace to normalise)",
                    m.traceRe(), m.traceIm()));
        }
        double[] d = order.toBigEndian(m.toInterleaved(), m.rows());
        ComplexOps.hermitize(d, m.rows());
        double min = HermitianEigen.eigenvalues(ComplexMatrix.ofInterleaved(m.rows(), m.rows(), d))[0];
        if (min < -tolerance) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a density matrix must be positive semidefinite, smallest eigenvalue %.6g < -%.1g", min, tolerance));
        }
        return new DensityMatrix(n, d);
    }

    /**
     * A density matrix from the two-channel layout of the networks: {@code [2, d, d]} flattened, channel 0
     * the real part, channel 1 the imaginary part, row-major.
     *
     * @param twoChannel  2·d·d values
     * @param order       basis order of the data
     * @param tolerance   validation tolerance (about 1e-5 for float32 data)
     * @return the density matrix
     */
    public static DensityMatrix fromTwoChannel(double[] twoChannel, QubitOrder order, double tolerance) {
        if (twoChannel.length % 2 != 0) {
            throw new IllegalArgumentException("a [2, d, d] tensor needs an even length, got " + twoChannel.length);
        }
        int dd = twoChannel.length / 2;
        int d = (int) Math.round(Math.sqrt(dd));
        if (d * d != dd) {
            throw new IllegalArgumentException("a [2, d, d] tensor needs 2·d² values, got " + twoChannel.length);
        }
        double[] x = new double[2 * dd];
        for (int k = 0; k < dd; k++) {
            x[2 * k] = twoChannel[k];
            x[2 * k + 1] = twoChannel[dd + k];
        }
        return of(ComplexMatrix.ofInterleaved(d, d, x), order, tolerance);
    }

    /**
     * Writes this matrix in the two-channel layout {@code [2, d, d]} (real, imaginary), big-endian.
     *
     * @param out   receives 2·d·d floats starting at {@code offset}
     * @param offset where to start
     */
    public void toTwoChannel(float[] out, int offset) {
        int dd = dim * dim;
        for (int k = 0; k < dd; k++) {
            out[offset + k] = (float) data[2 * k];
            out[offset + dd + k] = (float) data[2 * k + 1];
        }
    }

    /** @return a new {@code [2, d, d]} float array (real, imaginary) of this matrix */
    public float[] toTwoChannel() {
        float[] out = new float[2 * dim * dim];
        toTwoChannel(out, 0);
        return out;
    }

    /**
     * The convex mixture \(\sum_i p_i \rho_i\).
     *
     * @param weights non-negative weights summing to 1 (within 1e-9)
     * @param states  states of equal size, one per weight
     * @return the mixture
     */
    public static DensityMatrix mixture(double[] weights, List<DensityMatrix> states) {
        checkWeights(weights, states.size());
        int n = states.get(0).n;
        double[] d = new double[states.get(0).data.length];
        for (int i = 0; i < weights.length; i++) {
            DensityMatrix s = states.get(i);
            if (s.n != n) {
                throw new IllegalArgumentException("mixture of different sizes: " + n + " and " + s.n + " qubits");
            }
            for (int k = 0; k < d.length; k++) {
                d[k] += weights[i] * s.data[k];
            }
        }
        return new DensityMatrix(n, d);
    }

    /**
     * The mixture of pure states \(\sum_i p_i |\psi_i\rangle\langle\psi_i|\) (entanglement paper Eq. 7).
     *
     * @param weights non-negative weights summing to 1
     * @param kets    kets of equal size
     * @return the mixture
     */
    public static DensityMatrix mixtureOfKets(double[] weights, List<Ket> kets) {
        checkWeights(weights, kets.size());
        int n = kets.get(0).numQubits();
        int d = 1 << n;
        double[] rho = new double[2 * d * d];
        for (int i = 0; i < weights.length; i++) {
            Ket k = kets.get(i);
            if (k.numQubits() != n) {
                throw new IllegalArgumentException("mixture of different sizes: " + n + " and " + k.numQubits() + " qubits");
            }
            ComplexOps.addProjector(rho, k.raw(), d, weights[i]);
        }
        return new DensityMatrix(n, rho);
    }

    private static void checkWeights(double[] w, int count) {
        if (w.length != count || count == 0) {
            throw new IllegalArgumentException("need one weight per state: " + w.length + " weights, " + count + " states");
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            if (!(w[i] >= 0)) {
                throw new IllegalArgumentException("weight " + i + " is negative or NaN: " + w[i]);
            }
            s += w[i];
        }
        if (Math.abs(s - 1) > 1e-9) {
            throw new IllegalArgumentException("weights must sum to 1, got " + s);
        }
    }

    /**
     * The maximally mixed state.
     *
     * @param n number of qubits
     * @return \(I/2^n\)
     */
    public static DensityMatrix maximallyMixed(int n) {
        int d = 1 << n;
        Qubits.qubitsOf(d);
        double[] x = new double[2 * d * d];
        for (int i = 0; i < d; i++) {
            x[2 * (i * d + i)] = 1.0 / d;
        }
        return new DensityMatrix(n, x);
    }

    /** @return number of qubits N */
    public int numQubits() {
        return n;
    }

    /** @return dimension \(2^N\) */
    public int dim() {
        return dim;
    }

    /**
     * @param i row (big-endian index)
     * @param j column
     * @return \(\mathrm{Re}\,\rho_{ij}\)
     */
    public double re(int i, int j) {
        return data[2 * (i * dim + j)];
    }

    /**
     * @param i row (big-endian index)
     * @param j column
     * @return \(\mathrm{Im}\,\rho_{ij}\)
     */
    public double im(int i, int j) {
        return data[2 * (i * dim + j) + 1];
    }

    /** @return the matrix (big-endian order) */
    public ComplexMatrix matrix() {
        return ComplexMatrix.ofInterleaved(dim, dim, data);
    }

    /**
     * @param order the basis order wanted
     * @return the matrix in that order (little-endian for Qiskit and the entanglement paper's code)
     */
    public ComplexMatrix matrix(QubitOrder order) {
        return ComplexMatrix.ofInterleaved(dim, dim, order.toBigEndian(data, dim));
    }

    /** Entries without a copy, for read-only use inside the library. */
    double[] raw() {
        return data;
    }

    // ---------------------------------------------------------------- operations

    /**
     * Tensor product; this state takes the lower qubit labels.
     *
     * @param other the state of the following qubits
     * @return \(\rho \otimes \sigma\)
     */
    public DensityMatrix tensor(DensityMatrix other) {
        Qubits.qubitsOf(dim * other.dim);
        return new DensityMatrix(n + other.n, ComplexOps.kron(data, dim, dim, other.data, other.dim, other.dim));
    }

    /**
     * The reduced state on the given qubits (QuTiP's {@code ptrace}):
     * \(\rho_K = \mathrm{tr}_{\bar K}\,\rho\), \((\rho_K)_{ab} = \sum_t \rho_{(a,t),(b,t)}\).
     * The kept qubits keep their relative order and become qubits 0..|K|−1.
     *
     * @param qubits the qubits to keep, at least one
     * @return the reduced density matrix
     * @throws IllegalArgumentException for an empty set or an invalid label
     */
    public DensityMatrix keep(int... qubits) {
        int[] k = Qubits.checkedSorted(n, qubits);
        return k.length == n ? this : new DensityMatrix(k.length, PartialTrace.keep(data, n, k));
    }

    /**
     * The reduced state after tracing out the given qubits (Qiskit's {@code partial_trace}).
     *
     * @param qubits the qubits to trace out, not all of them
     * @return \(\mathrm{tr}_T\,\rho\)
     */
    public DensityMatrix traceOut(int... qubits) {
        return keep(Qubits.complement(n, Qubits.checkedSorted(n, qubits)));
    }

    /**
     * The partial transpose on a set S of qubits (paper 1 Eq. 3): \(\rho^{T_S}_{xy} = \rho_{\tilde x \tilde y}\) where
     * \(\tilde x\) takes the bits of x outside S and those of y on S. The result is Hermitian with trace 1 but in
     * general not positive, so it is returned as a matrix.
     *
     * @param qubits the transposed qubits (any subset, possibly empty or all)
     * @return \(\rho^{T_S}\)
     */
    public ComplexMatrix partialTranspose(int... qubits) {
        int mask = Qubits.mask(n, Qubits.checkedSorted(n, qubits));
        double[] out = new double[data.length];
        partialTranspose(data, dim, mask, out);
        return ComplexMatrix.ofInterleaved(dim, dim, out);
    }

    static void partialTranspose(double[] rho, int dim, int mask, double[] out) {
        int keep = ~mask;
        for (int x = 0; x < dim; x++) {
            for (int y = 0; y < dim; y++) {
                int xs = (x & keep) | (y & mask);
                int ys = (y & keep) | (x & mask);
                int o = 2 * (xs * dim + ys);
                out[2 * (x * dim + y)] = rho[o];
                out[2 * (x * dim + y) + 1] = rho[o + 1];
            }
        }
    }

    /**
     * Relabels the qubits: new qubit k carries old qubit {@code p[k]},
     * \(\rho'_{x'y'} = \rho_{xy}\) with \(\mathrm{bit}_k(x') = \mathrm{bit}_{p[k]}(x)\). Every permutation is
     * exact (the reference code realises the 3-cycle (2,0,1) as a single swap; see
     * {@code org.densitylab.data} for that emulation).
     *
     * @param p a permutation of 0..N−1
     * @return the permuted state
     */
    public DensityMatrix permuteQubits(int... p) {
        Qubits.checkPermutation(n, p);
        int[] map = Qubits.permutationIndexMap(n, p);
        double[] out = new double[data.length];
        for (int x = 0; x < dim; x++) {
            for (int y = 0; y < dim; y++) {
                int o = 2 * (map[x] * dim + map[y]);
                out[2 * (x * dim + y)] = data[o];
                out[2 * (x * dim + y) + 1] = data[o + 1];
            }
        }
        return new DensityMatrix(n, out);
    }

    /**
     * Unitary evolution \(U\rho U^\dagger\).
     *
     * @param u a \(2^N\times 2^N\) unitary (not checked beyond its size)
     * @return the evolved state
     */
    public DensityMatrix evolve(ComplexMatrix u) {
        if (u.rows() != dim || u.cols() != dim) {
            throw new IllegalArgumentException("a " + n + "-qubit state needs a " + dim + "x" + dim
                    + " unitary, got " + u.rows() + "x" + u.cols());
        }
        return new DensityMatrix(n, u.mult(matrix()).mult(u.dagger()).toInterleaved());
    }

    /**
     * Evolution by a circuit, \(U\rho U^\dagger\) with U the circuit's unitary, applied gate by gate.
     *
     * @param circuit a circuit on N qubits
     * @return the evolved state
     */
    public DensityMatrix evolve(Circuit circuit) {
        if (circuit.numQubits() != n) {
            throw new IllegalArgumentException("circuit acts on " + circuit.numQubits() + " qubits, state has " + n);
        }
        double[] x = data.clone();
        StateVector.conjugate(x, dim, circuit::applyInPlace);
        return new DensityMatrix(n, x);
    }

    /**
     * Local unitary evolution \((\bigotimes_q W_q)\,\rho\,(\bigotimes_q W_q)^\dagger\).
     *
     * @param w one 2×2 unitary per qubit, qubit 0 first
     * @return the evolved state
     */
    public DensityMatrix evolveLocal(List<ComplexMatrix> w) {
        if (w.size() != n) {
            throw new IllegalArgumentException("need one 2x2 unitary per qubit: " + w.size() + " for " + n + " qubits");
        }
        Circuit.Builder b = Circuit.on(n);
        for (int q = 0; q < n; q++) {
            b.gate(q, w.get(q));
        }
        return evolve(b.build());
    }

    // ---------------------------------------------------------------- scalar properties

    /** @return eigenvalues of \(\rho\), ascending */
    public double[] eigenvalues() {
        double[] out = new double[dim];
        HermitianEigen.eigenvalues(data.clone(), dim, out, new double[dim]);
        return out;
    }

    /** @return purity \(\mathrm{tr}\,\rho^2 = \sum_{ij}|\rho_{ij}|^2\) */
    public double purity() {
        double s = 0;
        for (double v : data) {
            s += v * v;
        }
        return s;
    }

    /**
     * @param tolerance eigenvalues above it count
     * @return the number of eigenvalues greater than {@code tolerance}
     */
    public int rank(double tolerance) {
        return (int) Arrays.stream(eigenvalues()).filter(x -> x > tolerance).count();
    }

    /** @return {@link #rank(double)} with tolerance 1e-10 */
    public int rank() {
        return rank(1e-10);
    }

    /** @return von Neumann entropy in nats, \(S = -\mathrm{tr}\,\rho\ln\rho = -\sum_k \lambda_k\ln\lambda_k\) */
    public double entropy() {
        double s = 0;
        for (double x : eigenvalues()) {
            if (x > 0) {
                s -= x * Math.log(x);
            }
        }
        return s;
    }

    /**
     * @param base logarithm base (2 for bits)
     * @return \(-\sum_k \lambda_k\log_{\mathrm{base}}\lambda_k\)
     */
    public double entropy(double base) {
        return entropy() / Math.log(base);
    }

    /**
     * Fidelity, squared (Jozsa), as both papers: \(F(\rho,\sigma) = (\mathrm{tr}\sqrt{\sqrt\rho\,\sigma\sqrt\rho})^2\).
     * Symmetric, 1 iff the states are equal, \(\langle\psi|\sigma|\psi\rangle\) for a pure \(\rho\).
     *
     * @param other a state of the same size
     * @return \(F \in [0,1]\)
     */
    public double fidelity(DensityMatrix other) {
        double r = rootFidelity(other);
        return r * r;
    }

    /**
     * The unsquared fidelity \(\mathrm{tr}\sqrt{\sqrt\rho\,\sigma\sqrt\rho}\) (QuTiP's {@code fidelity}),
     * computed as the trace norm \(\|\sqrt\rho\sqrt\sigma\|_1\) (equal, since
     * \((\sqrt\rho\sqrt\sigma)(\sqrt\rho\sqrt\sigma)^\dagger = \sqrt\rho\,\sigma\sqrt\rho\)), whose small singular
     * values an SVD resolves to round-off where the eigenvalues of \(\sqrt\rho\,\sigma\sqrt\rho\) would not.
     *
     * @param other a state of the same size
     * @return \(\sqrt F\)
     */
    public double rootFidelity(DensityMatrix other) {
        requireSameSize(other);
        double t = MatrixFunctions.traceNorm(MatrixFunctions.sqrtPsd(matrix()).mult(MatrixFunctions.sqrtPsd(other.matrix())));
        return Math.min(t, 1.0);
    }

    /**
     * Trace distance \(T = \tfrac12\|\rho-\sigma\|_1\).
     *
     * @param other a state of the same size
     * @return \(T \in [0,1]\)
     */
    public double traceDistance(DensityMatrix other) {
        requireSameSize(other);
        return 0.5 * MatrixFunctions.traceNormHermitian(matrix().minus(other.matrix()));
    }

    private void requireSameSize(DensityMatrix other) {
        if (other.n != n) {
            throw new IllegalArgumentException("sizes differ: " + n + " qubits and " + other.n + " qubits");
        }
    }

    // ---------------------------------------------------------------- entanglement

    /**
     * Negativity of a cut in the standard normalisation (entanglement paper Eq. 3):
     * \(\mathcal N = (\|\rho^{T_S}\|_1 - 1)/2 = \sum_i |\min(\lambda_i(\rho^{T_S}), 0)|\).
     *
     * @param cut a bipartition of this register
     * @return the negativity, 0 for PPT states
     */
    public double negativity(Bipartition cut) {
        return Entanglement.negativity(this, cut);
    }

    /**
     * @param cut        a bipartition
     * @param convention the normalisation
     * @return the negativity in that normalisation
     */
    public double negativity(Bipartition cut, NegativityConvention convention) {
        return convention.fromStandard(negativity(cut));
    }

    /**
     * The negativity of every cut of {@link Bipartitions#of(int)}, in that order (standard normalisation).
     *
     * @return \(m = 2^{N-1}-1\) values
     */
    public double[] negativities() {
        return Entanglement.negativities(this);
    }

    /**
     * @param convention the normalisation
     * @return the per-cut negativities in that normalisation
     */
    public double[] negativities(NegativityConvention convention) {
        double[] v = negativities();
        for (int i = 0; i < v.length; i++) {
            v[i] = convention.fromStandard(v[i]);
        }
        return v;
    }

    /**
     * Realignment (computable cross-norm) value of a cut, \(\|R(\rho)\|_1\) with
     * \(R_{(a a'),(b b')} = \rho_{(a b),(a' b')}\), a and a' indices of S, b and b' of \(\bar S\).
     * A separable state has \(\|R(\rho)\|_1 \le 1\); a larger value proves entanglement across the cut
     * (Rudolph 2003, Chen–Wu 2003), including some PPT-entangled states.
     *
     * @param cut a bipartition
     * @return \(\|R(\rho)\|_1\)
     */
    public double realignment(Bipartition cut) {
        return Entanglement.realignment(this, cut);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DensityMatrix m && m.n == n && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return n + "-qubit density matrix\n" + matrix();
    }
}
