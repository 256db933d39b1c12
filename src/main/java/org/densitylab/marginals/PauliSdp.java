package org.densitylab.marginals;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.quantum.DensityMatrix;

/**
 * The SDP of the marginal problem (paper 2 Eq. 2) in the Pauli parametrisation, the form cvxopt
 * solves (docs/sdp.md): find \(X \succeq 0\) with \(\mathrm{tr}_{J^c}X = \sigma_J\) for every prescribed J (the trace
 * is then 1). Writing \(X = 2^{-N}\sum_P c_P P\) over the \(4^N\) Pauli strings, the marginal constraints fix exactly
 * the \(c_P\) with \(\mathrm{supp}P \subseteq J\) for some J, so the feasible set is
 * \[ X(y) = F_0 + 2^{-N}\sum_{P\ \mathrm{free}} y_P\,P \succeq 0, \qquad F_0 = \mathrm{MIO}(I/2^N;\{\sigma_J\}), \]
 * with one real variable per free string (\(y_P = \mathrm{tr}(XP)\)); \(F_0\), the Hilbert–Schmidt projection of the
 * maximally mixed state onto the matrices with the prescribed marginals, carries the fixed coefficients
 * (paper 2 Eq. 3: the MIO replaces exactly the coefficients of the strings inside some J).
 *
 * <p>The reference code solves a pure feasibility problem (a constant objective, SCS). An interior-point method
 * needs a bounded objective, so {@link #lmi} states the equivalent, always-feasible problem
 * \(\max t\ \text{s.t.}\ X(y) - t I \succeq 0\) (the most mixed state with the marginals; \(t^* \ge 0\) whenever
 * the marginals come from a state), as one linear matrix inequality in the real symmetric embedding
 * \(H = A + iB \mapsto \begin{pmatrix}A & -B\\ B & A\end{pmatrix}\) (\(H \succeq 0\) iff the embedding is).
 *
 * <p>Conventions: big-endian (qubit 0 is the most significant bit of a basis index); a Pauli string is stored as
 * masks x (X or Y on the qubit) and z (Z or Y), so \(P = i^{|x\wedge z|} X^x Z^z\) and
 * \(P_{j\oplus x,\,j} = i^{|x\wedge z|}(-1)^{|j\wedge z|}\), every other entry 0.
 */
public final class PauliSdp {
    private final int numQubits;
    private final int dim;
    private final ComplexMatrix fixed;
    private final int[] xMask;
    private final int[] zMask;

    private PauliSdp(int numQubits, ComplexMatrix fixed, int[] xMask, int[] zMask) {
        this.numQubits = numQubits;
        this.dim = 1 << numQubits;
        this.fixed = fixed;
        this.xMask = xMask;
        this.zMask = zMask;
    }

    /**
     * The problem for prescribed marginals.
     *
     * @param numQubits N (the marginals' register size), 2..8
     * @param marginals mutually consistent marginals (normally {@code Marginals.of(rho, k)})
     * @return the problem
     * @throws IllegalArgumentException for N out of range or marginals that do not fit
     */
    public static PauliSdp of(int numQubits, List<Marginal> marginals) {
        Objects.requireNonNull(marginals, "marginals");
        if (numQubits < 2 || numQubits > 8) {
            throw new IllegalArgumentException("N must be in 2..8, got " + numQubits);
        }
        int d = 1 << numQubits;
        List<Integer> masks = new ArrayList<>();
        for (Marginal m : marginals) {
            int mask = 0;
            for (int q : m.qubits()) {
                mask |= 1 << (numQubits - 1 - q);
            }
            masks.add(mask);
        }
        ComplexMatrix f0 = Mio.impose(DensityMatrix.maximallyMixed(numQubits).matrix(), marginals);
        List<int[]> free = new ArrayList<>();
        for (int x = 0; x < d; x++) {
            for (int z = 0; z < d; z++) {
                int support = x | z;
                boolean fixedString = false;
                for (int mask : masks) {
                    fixedString |= (support & ~mask) == 0;
                }
                if (!fixedString) {
                    free.add(new int[] {x, z});
                }
            }
        }
        int[] xs = new int[free.size()];
        int[] zs = new int[free.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = free.get(i)[0];
            zs[i] = free.get(i)[1];
        }
        return new PauliSdp(numQubits, f0, xs, zs);
    }

    /** @return N */
    public int numQubits() {
        return numQubits;
    }

    /** @return the number of free Pauli strings (variables y) */
    public int freeCount() {
        return xMask.length;
    }

    /** @return \(F_0\): Hermitian, trace 1, the prescribed marginals, no free component */
    public ComplexMatrix fixedPart() {
        return fixed;
    }

    /**
     * \(X(y) = F_0 + 2^{-N}\sum_P y_P P\).
     *
     * @param y one coefficient per free string ({@link #freeCount})
     * @return the Hermitian, trace-1 matrix with the prescribed marginals
     */
    public ComplexMatrix assemble(double[] y) {
        if (y.length != xMask.length) {
            throw new IllegalArgumentException("need " + xMask.length + " coefficients, got " + y.length);
        }
        double[] a = fixed.toInterleaved();
        for (int p = 0; p < y.length; p++) {
            for (int j = 0; j < dim; j++) {
                double[] ph = phase(p, j);
                int at = 2 * ((j ^ xMask[p]) * dim + j);
                a[at] += y[p] * ph[0] / dim;
                a[at + 1] += y[p] * ph[1] / dim;
            }
        }
        return ComplexMatrix.ofInterleaved(dim, dim, a);
    }

    /**
     * The free coefficients of a matrix, \(y_P = \mathrm{tr}(XP)\) (real for Hermitian X); for a state with the
     * prescribed marginals, {@code assemble(coefficients(x))} gives x back.
     *
     * @param x a Hermitian \(2^N\times 2^N\) matrix
     * @return one coefficient per free string
     */
    public double[] coefficients(ComplexMatrix x) {
        double[] y = new double[xMask.length];
        for (int p = 0; p < y.length; p++) {
            double s = 0;
            for (int j = 0; j < dim; j++) {
                double[] ph = phase(p, j);
                int i = j ^ xMask[p];
                s += x.re(j, i) * ph[0] - x.im(j, i) * ph[1];   // Re(X_{j,i} P_{i,j})
            }
            y[p] = s;
        }
        return y;
    }

    /**
     * The problem \(\min c^\top v\ \text{s.t.}\ G v + s = h,\ s \succeq 0\) with \(v = (y, t)\), \(c = (0,\dots,0,-1)\),
     * \(h = \mathrm{emb}(F_0)\), the column of \(y_P\) equal to \(-\mathrm{emb}(P)/2^N\) and that of t equal to
     * \(\mathrm{emb}(I)\) (so \(s = \mathrm{emb}(X(y) - tI)\)): cvxopt's {@code solvers.sdp} form with one block of
     * order \(2^{N+1}\). Matrices are vectorised column-major; G is given as (row, column, value) triplets.
     *
     * @return the data
     */
    public Lmi lmi() {
        int order = 2 * dim;
        int m = xMask.length;
        int nnz = m * 2 * dim + order;
        int[] rows = new int[nnz];
        int[] cols = new int[nnz];
        double[] vals = new double[nnz];
        int e = 0;
        for (int p = 0; p < m; p++) {
            for (int j = 0; j < dim; j++) {
                double[] ph = phase(p, j);
                int r = j ^ xMask[p];
                if (ph[0] != 0) {          // real entry a: S(r, j) = S(r + d, j + d) = a
                    rows[e] = r + j * order;
                    rows[e + 1] = (r + dim) + (j + dim) * order;
                    vals[e] = -ph[0] / dim;
                    vals[e + 1] = -ph[0] / dim;
                } else {                   // imaginary entry ib: S(r, j + d) = -b, S(r + d, j) = b
                    rows[e] = r + (j + dim) * order;
                    rows[e + 1] = (r + dim) + j * order;
                    vals[e] = ph[1] / dim;
                    vals[e + 1] = -ph[1] / dim;
                }
                cols[e] = p;
                cols[e + 1] = p;
                e += 2;
            }
        }
        for (int i = 0; i < order; i++) {
            rows[e] = i + i * order;
            cols[e] = m;
            vals[e++] = 1;
        }
        double[] h = new double[order * order];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                double a = fixed.re(i, j);
                double b = fixed.im(i, j);
                h[i + j * order] = a;
                h[(i + dim) + (j + dim) * order] = a;
                h[i + (j + dim) * order] = -b;
                h[(i + dim) + j * order] = b;
            }
        }
        double[] c = new double[m + 1];
        c[m] = -1;
        return new Lmi(order, m + 1, rows, cols, vals, h, c);
    }

    /**
     * LMI data in cvxopt's form (see {@link PauliSdp#lmi}).
     *
     * @param order     order of the (real symmetric) block, \(2^{N+1}\)
     * @param variables number of variables (free strings + 1)
     * @param rows      row of each nonzero of G (column-major index into the block)
     * @param cols      column (variable) of each nonzero
     * @param values    the nonzeros
     * @param h         the constant block, column-major
     * @param c         the objective
     */
    public record Lmi(int order, int variables, int[] rows, int[] cols, double[] values, double[] h, double[] c) {
    }

    /** \(P_{j\oplus x, j}\) as (re, im). */
    private double[] phase(int p, int j) {
        int y = Integer.bitCount(xMask[p] & zMask[p]) & 3;
        double sign = (Integer.bitCount(j & zMask[p]) & 1) == 0 ? 1 : -1;
        return switch (y) {
            case 0 -> new double[] {sign, 0};
            case 1 -> new double[] {0, sign};
            case 2 -> new double[] {-sign, 0};
            default -> new double[] {0, -sign};
        };
    }
}
