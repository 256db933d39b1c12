package org.densitylab.quantum;

import java.util.List;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.HermitianEigen;
import org.densitylab.linalg.MatrixFunctions;

/**
 * Entanglement criteria on density matrices: negativity and the PPT criterion (Peres–Horodecki), and the
 * realignment (CCNR) criterion. The hot path ({@link #negativities}) allocates nothing per call beyond its
 * result: it reuses per-thread scratch arrays.
 */
public final class Entanglement {
    /** Default tolerance of {@link #isPpt}: a cut is PPT if every eigenvalue of \(\rho^{T_S}\) is ≥ −1e-12. */
    public static final double PPT_TOLERANCE = 1e-12;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private Entanglement() {
    }

    private static final class Scratch {
        double[] pt = new double[0];
        double[] eig = new double[0];
        double[] work = new double[0];

        void ensure(int dim) {
            if (eig.length != dim) {
                pt = new double[2 * dim * dim];
                eig = new double[dim];
                work = new double[dim];
            }
        }
    }

    /**
     * Eigenvalues of the partial transpose \(\rho^{T_S}\), ascending.
     *
     * @param rho a state
     * @param cut a bipartition of its register (S = {@code cut.subset()})
     * @return the spectrum of \(\rho^{T_S}\) (the same for either side)
     */
    public static double[] partialTransposeSpectrum(DensityMatrix rho, Bipartition cut) {
        requireCut(rho, cut);
        Scratch s = SCRATCH.get();
        s.ensure(rho.dim());
        DensityMatrix.partialTranspose(rho.raw(), rho.dim(), cut.mask(), s.pt);
        HermitianEigen.eigenvalues(s.pt, rho.dim(), s.eig, s.work);
        return s.eig.clone();
    }

    /**
     * Standard negativity \(\sum_i |\min(\lambda_i(\rho^{T_S}),0)|\) (paper 1 Eq. 3).
     *
     * @param rho a state
     * @param cut a bipartition
     * @return the negativity
     */
    public static double negativity(DensityMatrix rho, Bipartition cut) {
        requireCut(rho, cut);
        Scratch s = SCRATCH.get();
        s.ensure(rho.dim());
        return negativity(rho, cut.mask(), s);
    }

    private static double negativity(DensityMatrix rho, int mask, Scratch s) {
        DensityMatrix.partialTranspose(rho.raw(), rho.dim(), mask, s.pt);
        HermitianEigen.eigenvalues(s.pt, rho.dim(), s.eig, s.work);
        double neg = 0;
        for (double x : s.eig) {
            if (x < 0) {
                neg -= x;
            }
        }
        return neg;
    }

    /**
     * The standard negativity of every cut of {@link Bipartitions#of(int)}, in that order.
     *
     * @param rho a state of at least 2 qubits
     * @return one value per cut
     */
    public static double[] negativities(DensityMatrix rho) {
        List<Bipartition> cuts = Bipartitions.of(rho.numQubits());
        Scratch s = SCRATCH.get();
        s.ensure(rho.dim());
        double[] out = new double[cuts.size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = negativity(rho, cuts.get(j).mask(), s);
        }
        return out;
    }

    /**
     * The PPT (Peres–Horodecki) test of one cut: \(\rho^{T_S} \ge 0\) within {@code tolerance}. A state that
     * fails it is entangled across the cut; for 2×2 and 2×3 systems passing it means separable.
     *
     * @param rho       a state
     * @param cut       a bipartition
     * @param tolerance smallest eigenvalue allowed is {@code -tolerance}
     * @return whether the cut has a positive partial transpose
     */
    public static boolean isPpt(DensityMatrix rho, Bipartition cut, double tolerance) {
        return partialTransposeSpectrum(rho, cut)[0] >= -tolerance;
    }

    /**
     * @param rho a state
     * @return whether every cut of {@link Bipartitions#of(int)} is PPT within {@link #PPT_TOLERANCE}
     */
    public static boolean isPpt(DensityMatrix rho) {
        for (Bipartition cut : Bipartitions.of(rho.numQubits())) {
            if (!isPpt(rho, cut, PPT_TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Realignment value \(\|R(\rho)\|_1\) of a cut (see {@link DensityMatrix#realignment}).
     *
     * @param rho a state
     * @param cut a bipartition
     * @return the trace norm of the realigned matrix
     */
    public static double realignment(DensityMatrix rho, Bipartition cut) {
        requireCut(rho, cut);
        int n = rho.numQubits();
        int[] a = Qubits.spread(n, cut.subset());
        int[] b = Qubits.spread(n, cut.complement());
        int da = a.length;
        int db = b.length;
        int dim = rho.dim();
        double[] x = rho.raw();
        double[] r = new double[2 * da * da * db * db];
        for (int i = 0; i < da; i++) {
            for (int ip = 0; ip < da; ip++) {
                int row = i * da + ip;
                for (int j = 0; j < db; j++) {
                    for (int jp = 0; jp < db; jp++) {
                        int src = 2 * ((a[i] | b[j]) * dim + (a[ip] | b[jp]));
                        int dst = 2 * (row * db * db + j * db + jp);
                        r[dst] = x[src];
                        r[dst + 1] = x[src + 1];
                    }
                }
            }
        }
        return MatrixFunctions.traceNorm(ComplexMatrix.ofInterleaved(da * da, db * db, r));
    }

    private static void requireCut(DensityMatrix rho, Bipartition cut) {
        if (cut.numQubits() != rho.numQubits()) {
            throw new IllegalArgumentException("cut " + cut + " is for " + cut.numQubits()
                    + " qubits, the state has " + rho.numQubits());
        }
    }
}
