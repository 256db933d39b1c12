package org.densitylab.marginals;

import java.util.List;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.HermitianEigen;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.PartialTrace;
import org.densitylab.quantum.QubitOrder;

/**
 * From a raw network output to a state, and the per-sample metrics of the marginals paper
 * (docs/papers.md#evaluation-success-fidelity-random-guessing), all in float64.
 */
public final class Reconstruction {
    /**
     * Tolerance of the success (PSD) test: success iff \(\lambda_{\min} \ge -10^{-10}\) in float64
     * (docs/papers.md#evaluation-success-fidelity-random-guessing, the
     * recommendation for a re-implementation; float32 outputs round at ~1e-8, so this is essentially strict).
     */
    public static final double PSD_TOLERANCE = 1e-10;
    /** Tolerance when a successful output's marginal is wrapped as a {@link DensityMatrix}. */
    static final double STATE_TOLERANCE = 1e-8;

    private Reconstruction() {
    }

    /**
     * The paper's inference post-processing (docs/papers.md#evaluation-success-fidelity-random-guessing): \(Z =
     * \mathrm{out}_0 + i\,\mathrm{out}_1\), \(Z \leftarrow (Z + Z^\dagger)/2\), \(Z \leftarrow Z/\mathrm{tr}Z\).
     *
     * @param out    two-channel outputs, record-major
     * @param offset start of the record ({@code [2, d, d]})
     * @param d      matrix dimension
     * @return the Hermitian, trace-1 matrix (not necessarily PSD)
     * @throws IllegalArgumentException if the trace is not positive and finite
     */
    public static ComplexMatrix toState(float[] out, int offset, int d) {
        int dd = d * d;
        double[] x = new double[2 * dd];
        double tr = traceOf(out, offset, d);
        if (!(tr > 0) || !Double.isFinite(tr)) {
            throw new IllegalArgumentException("network output has trace " + tr + "; cannot normalise");
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double re = (out[offset + i * d + j] + (double) out[offset + j * d + i]) / 2;
                double im = (out[offset + dd + i * d + j] - (double) out[offset + dd + j * d + i]) / 2;
                x[2 * (i * d + j)] = re / tr;
                x[2 * (i * d + j) + 1] = im / tr;
            }
        }
        return ComplexMatrix.ofInterleaved(d, d, x);
    }

    /**
     * The real trace \(\mathrm{tr}\,\mathrm{Re}Z\) of a two-channel output.
     *
     * @param out    two-channel outputs, record-major
     * @param offset start of the record
     * @param d      matrix dimension
     * @return the trace (the normalisation of {@link #toState} needs it positive)
     */
    public static double traceOf(float[] out, int offset, int d) {
        double tr = 0;
        for (int i = 0; i < d; i++) {
            tr += out[offset + i * d + i];
        }
        return tr;
    }

    /**
     * Success test (docs/papers.md#evaluation-success-fidelity-random-guessing): \(\lambda_{\min}(X) \ge -{}\){@link
     * #PSD_TOLERANCE}.
     *
     * @param eigenvalues ascending eigenvalues of a Hermitian matrix
     * @return whether it is a valid state (given trace 1)
     */
    public static boolean isPsd(double[] eigenvalues) {
        return eigenvalues[0] >= -PSD_TOLERANCE;
    }

    /**
     * Proportion of negative eigenvalues, \(\#\{\lambda_i < -10^{-10}\}/d\) (the "proportion of NE" figure of the
     * reference notebook, docs/papers.md#reference-numbers).
     *
     * @param eigenvalues the eigenvalues
     * @return a fraction in [0, 1]
     */
    public static double negativeFraction(double[] eigenvalues) {
        int c = 0;
        for (double l : eigenvalues) {
            if (l < -PSD_TOLERANCE) {
                c++;
            }
        }
        return (double) c / eigenvalues.length;
    }

    /**
     * @param x a Hermitian matrix
     * @return its eigenvalues, ascending
     */
    public static double[] eigenvalues(ComplexMatrix x) {
        return HermitianEigen.eigenvalues(x);
    }

    /**
     * Mean fidelity of the marginals, \(\bar F = \frac{1}{|M|}\sum_{J} F(\mathrm{tr}_{J^c}\rho, \mathrm{tr}_{J^c}X)\)
     * with the squared fidelity \(F(\sigma,\tau) = (\mathrm{tr}\sqrt{\sqrt\sigma\tau\sqrt\sigma})^2\) (paper Eq. 7,
     * docs/papers.md#evaluation-success-fidelity-random-guessing).
     *
     * @param x       a state (PSD within {@link #STATE_TOLERANCE})
     * @param target  the target state ρ
     * @param subsets the subsets J
     * @return \(\bar F\)
     * @throws IllegalArgumentException if a marginal of x is not a state within tolerance
     */
    public static double marginalFidelity(ComplexMatrix x, DensityMatrix target, List<int[]> subsets) {
        double f = 0;
        for (int[] j : subsets) {
            DensityMatrix mx = DensityMatrix.of(PartialTrace.keep(x, j), QubitOrder.BIG_ENDIAN, STATE_TOLERANCE);
            f += target.keep(j).fidelity(mx);
        }
        return f / subsets.size();
    }

    /**
     * One reconstruction from marginals (docs/papers.md#evaluation-success-fidelity-random-guessing): \(\tilde X =
     * \mathrm{MIO}(X_0; \{\sigma_J\})\) (paper Eq. 3),
     * \(Z = \mathrm{norm}(\mathrm{herm}(\mathrm{CDAE}(\tilde X)))\), and for the hybrid pipeline a second MIO
     * \(\mathrm{MIO}(Z; \{\sigma_J\})\) ("mio_cdae" and "mio_cdae_mio" of the reference code).
     *
     * @param net       the network (its N is the register size)
     * @param seed      the MIO seed \(X_0\), trace 1 (the paper: a Hilbert–Schmidt random full-rank state)
     * @param marginals the prescribed marginals
     * @param secondMio whether to apply the second MIO (hybrid)
     * @return the reconstruction (Hermitian, trace 1, PSD only if the pipeline succeeded), or null if the network's
     *         output has a non-positive trace and cannot be normalised
     */
    public static ComplexMatrix reconstruct(Cdae net, ComplexMatrix seed, List<Marginal> marginals, boolean secondMio) {
        int d = net.dim();
        ComplexMatrix x = Mio.impose(seed, marginals);
        float[] two = new float[2 * d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                two[i * d + j] = (float) x.re(i, j);
                two[d * d + i * d + j] = (float) x.im(i, j);
            }
        }
        float[] out = net.predict(two, 1);
        if (!(traceOf(out, 0, d) > 0)) {
            return null;
        }
        ComplexMatrix z = toState(out, 0, d);
        return secondMio ? Mio.impose(z, marginals) : z;
    }

    /**
     * The largest deviation of a matrix's marginals from prescribed ones,
     * \(\max_J \max_{ij} |(\mathrm{tr}_{J^c}X - \sigma_J)_{ij}|\) (0 up to round-off after the MIO, paper Eq. 3).
     *
     * @param x         a \(2^N\times 2^N\) matrix
     * @param marginals the prescribed marginals
     * @return the deviation
     */
    public static double marginalError(ComplexMatrix x, List<Marginal> marginals) {
        double e = 0;
        for (Marginal m : marginals) {
            e = Math.max(e, PartialTrace.keep(x, m.qubits()).maxAbsDiff(m.state().matrix()));
        }
        return e;
    }
}
