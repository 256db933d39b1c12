package org.densitylab.marginals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.HermitianEigen;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.PartialTrace;
import org.densitylab.quantum.QubitOrder;
import org.densitylab.quantum.Qubits;

/**
 * A validated quantum marginal problem: prescribed reduced states \(\sigma_J\) on subsets J of an N-qubit
 * register, with the two maps every reconstruction needs: the orthogonal (Hilbert–Schmidt) projection onto the
 * affine set \(\mathcal A = \{X = X^\dagger : \mathrm{tr}_{J^c}X = \sigma_J\ \forall J\}\) and the largest
 * marginal error \(\max_J \max_{ab} |(\mathrm{tr}_{J^c}X - \sigma_J)_{ab}|\).
 *
 * <p>The projection is one MIO pass (paper Eq. 3, {@link Mio}): each step \(Q_J\) replaces the Pauli coefficients
 * of X whose support lies in J by those of \(\sigma_J\) and keeps the others, so when the marginals agree on every
 * overlap (checked here) the pass sets every constrained coefficient to its prescribed value whatever the order
 * — exactly the orthogonal projection onto \(\mathcal A\). The trace is then 1 (the identity string lies in
 * every J).
 *
 * <p>Validation (all before any work, each error naming the subset and the value): N in 2..{@value #MAX_QUBITS},
 * labels in 0..N−1, each matrix \(2^{|J|}\times 2^{|J|}\), finite, Hermitian, of trace 1 and positive
 * semidefinite within {@value #TOLERANCE}, and any two marginals equal on their common qubits within
 * {@value #TOLERANCE}. Marginals that pass can still be incompatible (no global state has them, e.g. three
 * pairwise singlets on a triangle): that is a property of the whole problem, found by the reconstruction.
 */
public final class MarginalProblem {
    /** Largest register: a 2^10 × 2^10 complex matrix is 16 MB, and every method holds a few of them. */
    public static final int MAX_QUBITS = 10;
    /** Tolerance of the validation (Hermiticity, trace, positivity, agreement on overlaps). */
    public static final double TOLERANCE = 1e-8;

    private final int numQubits;
    private final List<Marginal> marginals;
    private final List<int[]> subsets;
    private final double[][] sigmas;
    private final Mio.Plan plan;

    private MarginalProblem(int numQubits, List<Marginal> marginals) {
        this.numQubits = numQubits;
        this.marginals = Collections.unmodifiableList(marginals);
        this.subsets = new ArrayList<>();
        this.sigmas = new double[marginals.size()][];
        for (int m = 0; m < marginals.size(); m++) {
            subsets.add(marginals.get(m).qubits());
            sigmas[m] = marginals.get(m).state().matrix().toInterleaved();
        }
        this.plan = Mio.plan(numQubits, subsets);
    }

    /**
     * The problem of the k-body marginals of a known state (all k-subsets, lexicographic; {@link Marginals#of}).
     *
     * @param target the state, 2..{@value #MAX_QUBITS} qubits
     * @param k      marginal size, 1..N−1
     * @return the problem
     */
    public static MarginalProblem of(DensityMatrix target, int k) {
        checkQubits(target.numQubits());
        return of(target.numQubits(), Marginals.of(target, k));
    }

    /**
     * A problem from prescribed marginals (already states).
     *
     * @param numQubits N
     * @param marginals the marginals
     * @return the problem
     * @throws IllegalArgumentException naming the subset and the value when N is out of range, a marginal does not
     *                                  fit the register, or two marginals disagree on their common qubits
     */
    public static MarginalProblem of(int numQubits, List<Marginal> marginals) {
        Objects.requireNonNull(marginals, "marginals");
        List<int[]> subsets = new ArrayList<>();
        List<ComplexMatrix> matrices = new ArrayList<>();
        for (Marginal m : marginals) {
            subsets.add(m.qubits());
            matrices.add(m.state().matrix());
        }
        return ofMatrices(numQubits, subsets, matrices);
    }

    /**
     * A problem from raw matrices, validated as described in the class comment.
     *
     * @param numQubits N, 2..{@value #MAX_QUBITS}
     * @param subsets   the subsets J (any order of labels; each is sorted, and its matrix is read with its qubits in
     *                  ascending label order, big-endian)
     * @param matrices  \(\sigma_J\), one per subset
     * @return the problem
     * @throws IllegalArgumentException naming the subset and the offending value
     */
    public static MarginalProblem ofMatrices(int numQubits, List<int[]> subsets, List<ComplexMatrix> matrices) {
        Objects.requireNonNull(matrices, "matrices");
        List<double[]> arrays = new ArrayList<>();
        for (ComplexMatrix m : matrices) {
            arrays.add(m == null ? null : m.toInterleaved());
        }
        return ofInterleaved(numQubits, subsets, arrays);
    }

    /**
     * A problem from interleaved (real, imaginary) row-major arrays, validated as described in the class comment
     * (the entry point for data read from files: non-finite values are caught here, naming the subset).
     *
     * @param numQubits N, 2..{@value #MAX_QUBITS}
     * @param subsets   the subsets J (each is sorted; its matrix has its qubits in ascending label order)
     * @param matrices  \(\sigma_J\), one interleaved \(2^{|J|}\times 2^{|J|}\) array per subset
     * @return the problem
     * @throws IllegalArgumentException naming the subset and the offending value
     */
    public static MarginalProblem ofInterleaved(int numQubits, List<int[]> subsets, List<double[]> matrices) {
        checkQubits(numQubits);
        Objects.requireNonNull(subsets, "subsets");
        Objects.requireNonNull(matrices, "matrices");
        if (subsets.isEmpty()) {
            throw new IllegalArgumentException("no marginals given: a marginal problem needs at least one");
        }
        if (subsets.size() != matrices.size()) {
            throw new IllegalArgumentException(subsets.size() + " subsets but " + matrices.size() + " marginal matrices");
        }
        List<Marginal> checked = new ArrayList<>();
        for (int m = 0; m < subsets.size(); m++) {
            int[] j = subsets.get(m).clone();
            String name = "the marginal on qubits " + Arrays.toString(j);
            for (int q : j) {
                if (q < 0 || q >= numQubits) {
                    throw new IllegalArgumentException(name + " names qubit " + q + ", outside 0.." + (numQubits - 1)
                            + " of the " + numQubits + "-qubit register");
                }
            }
            Arrays.sort(j);
            for (int t = 1; t < j.length; t++) {
                if (j[t] == j[t - 1]) {
                    throw new IllegalArgumentException(name + " names qubit " + j[t] + " twice");
                }
            }
            if (j.length < 1 || j.length > numQubits - 1) {
                throw new IllegalArgumentException(name + " must be on 1.." + (numQubits - 1) + " qubits, got "
                        + j.length);
            }
            double[] v = Objects.requireNonNull(matrices.get(m), name);
            int dk = 1 << j.length;
            if (v.length != 2 * dk * dk) {
                throw new IllegalArgumentException(name + " must be " + dk + "x" + dk + " (" + 2 * dk * dk
                        + " interleaved values), got " + v.length + " values"
                        + (isSquareLength(v.length) ? " (a " + side(v.length) + "x" + side(v.length) + " matrix)" : ""));
            }
            for (int i = 0; i < v.length; i++) {
                if (!Double.isFinite(v[i])) {
                    throw new IllegalArgumentException(name + " has a non-finite entry " + v[i] + " at (" + i / 2 / dk
                            + "," + i / 2 % dk + ")");
                }
            }
            ComplexMatrix s = ComplexMatrix.ofInterleaved(dk, dk, v);
            checkState(name, s);
            checked.add(Marginal.of(j, DensityMatrix.of(hermitian(s), QubitOrder.BIG_ENDIAN, TOLERANCE)));
        }
        for (int a = 0; a < checked.size(); a++) {
            for (int b = a + 1; b < checked.size(); b++) {
                checkOverlap(checked.get(a), checked.get(b));
            }
        }
        return new MarginalProblem(numQubits, checked);
    }

    /** @return N */
    public int numQubits() {
        return numQubits;
    }

    /** @return \(2^N\) */
    public int dim() {
        return 1 << numQubits;
    }

    /** @return the validated marginals (Hermitian to round-off), with their qubits ascending */
    public List<Marginal> marginals() {
        return marginals;
    }

    /** @return the subsets J, ascending labels, in the order given */
    public List<int[]> subsets() {
        List<int[]> out = new ArrayList<>();
        subsets.forEach(j -> out.add(j.clone()));
        return out;
    }

    /**
     * The orthogonal projection onto \(\mathcal A\), in place (one MIO pass, paper Eq. 3; see the class comment).
     *
     * @param x an interleaved Hermitian \(2^N\times 2^N\) matrix, overwritten by its projection
     */
    public void project(double[] x) {
        plan.imposeInPlace(x, sigmas);
    }

    /**
     * The orthogonal projection onto the linear space parallel to \(\mathcal A\) (all marginals zero), in place:
     * \(x \leftarrow x - P_V(x)\), V the span of the Pauli strings supported inside some J.
     *
     * @param x an interleaved \(2^N\times 2^N\) matrix
     */
    void projectHomogeneous(double[] x) {
        double[][] zeros = new double[sigmas.length][];
        for (int m = 0; m < zeros.length; m++) {
            zeros[m] = new double[sigmas[m].length];
        }
        plan.imposeInPlace(x, zeros);
    }

    /**
     * @param x a \(2^N\times 2^N\) matrix
     * @return its projection onto \(\mathcal A\) (a new matrix)
     */
    public ComplexMatrix project(ComplexMatrix x) {
        double[] a = x.toInterleaved();
        project(a);
        return ComplexMatrix.ofInterleaved(dim(), dim(), a);
    }

    /**
     * The largest marginal error \(\max_J\max_{ab}|(\mathrm{tr}_{J^c}X - \sigma_J)_{ab}|\) (moduli of complex entries).
     *
     * @param x an interleaved \(2^N\times 2^N\) matrix
     * @return the error
     */
    public double marginalError(double[] x) {
        double e = 0;
        for (int m = 0; m < sigmas.length; m++) {
            double[] r = PartialTrace.keep(x, numQubits, subsets.get(m));
            double[] s = sigmas[m];
            for (int i = 0; i < r.length; i += 2) {
                double re = r[i] - s[i];
                double im = r[i + 1] - s[i + 1];
                e = Math.max(e, Math.sqrt(re * re + im * im));
            }
        }
        return e;
    }

    /**
     * @param x a \(2^N\times 2^N\) matrix
     * @return its largest marginal error
     */
    public double marginalError(ComplexMatrix x) {
        if (x.rows() != dim() || x.cols() != dim()) {
            throw new IllegalArgumentException("need a " + dim() + "x" + dim() + " matrix, got " + x.rows() + "x" + x.cols());
        }
        return marginalError(x.toInterleaved());
    }

    static void checkQubits(int n) {
        if (n < 2 || n > MAX_QUBITS) {
            throw new IllegalArgumentException("reconstruction from marginals supports N = 2.." + MAX_QUBITS
                    + " qubits (a 2^N x 2^N matrix and its eigen-decomposition per iteration), got N = " + n);
        }
    }

    private static boolean isSquareLength(int len) {
        int side = side(len);
        return 2 * side * side == len;
    }

    private static int side(int len) {
        return (int) Math.round(Math.sqrt(len / 2.0));
    }

    private static void checkState(String name, ComplexMatrix s) {
        double herm = s.hermiticityError();
        if (herm > TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s is not Hermitian: max |s_ab - conj(s_ba)| = %.3g > %.0g", name, herm, TOLERANCE));
        }
        if (Math.abs(s.traceRe() - 1) > TOLERANCE || Math.abs(s.traceIm()) > TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must have trace 1, got %.12g%+.3gi", name, s.traceRe(), s.traceIm()));
        }
        double min = HermitianEigen.eigenvalues(hermitian(s))[0];
        if (min < -TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s is not positive semidefinite: smallest eigenvalue %.6g", name, min));
        }
    }

    private static void checkOverlap(Marginal a, Marginal b) {
        int[] ja = a.qubits();
        int[] jb = b.qubits();
        int[] common = Arrays.stream(ja).filter(q -> Arrays.binarySearch(jb, q) >= 0).toArray();
        if (common.length == 0) {
            return;
        }
        ComplexMatrix ra = PartialTrace.keep(a.state().matrix(), positions(ja, common));
        ComplexMatrix rb = PartialTrace.keep(b.state().matrix(), positions(jb, common));
        double diff = ra.maxAbsDiff(rb);
        if (diff > TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the marginals on qubits %s and %s disagree on their common qubits %s: largest entry difference of"
                            + " the reduced states %.3g > %.0g (no state has both)",
                    Arrays.toString(ja), Arrays.toString(jb), Arrays.toString(common), diff, TOLERANCE));
        }
    }

    private static int[] positions(int[] subset, int[] qubits) {
        int[] p = new int[qubits.length];
        for (int i = 0; i < qubits.length; i++) {
            p[i] = Arrays.binarySearch(subset, qubits[i]);
        }
        return p;
    }

    private static ComplexMatrix hermitian(ComplexMatrix s) {
        return s.plus(s.dagger()).scale(0.5);
    }
}
