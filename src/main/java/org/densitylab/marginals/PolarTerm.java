package org.densitylab.marginals;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The polar term of the marginals paper's loss (Eq. 6) and its closed-form gradient
 * (docs/papers.md#loss-eq-6-and-the-polar-term), in float64 with EJML, outside the SameDiff graph (SameDiff has no SVD
 * gradient, ND4J no complex type). For a complex output \(Z = X + iY = U\Sigma V^\dagger\) the unitary polar factor is
 * \(W = UV^\dagger\), and one sample of a batch of B contributes
 * \[ L_{\rm pol} = \frac{1}{B\,n^2}\,\|W - I\|_F^2 \]
 * (the reference code's MSE(Re W, I) + MSE(Im W, 0)); W = I exactly when Z is Hermitian positive definite.
 *
 * <p>Computed on the real embedding \(M = \begin{pmatrix}X & -Y\\ Y & X\end{pmatrix}\), whose polar factor
 * \(W_M = U_M V_M^T\) embeds W, so \(L = \|W_M - I_{2n}\|_F^2/(2Bn^2)\). With \(G_M = (W_M - I)/(Bn^2)\),
 * \(\hat B = U_M^T G_M V_M\) and \(F_{ij} = 1/(\sigma_i + \sigma_j)\), the gradient is
 * \[ \frac{\partial L}{\partial M} = U_M\,[F\circ(\hat B - \hat B^T)]\,V_M^T, \quad
 * \frac{\partial L}{\partial X} = G_{11} + G_{22},\quad \frac{\partial L}{\partial Y} = G_{21} - G_{12} \]
 * (blocks of \(\partial L/\partial M\)). Stable for repeated singular values (the embedding doubles every one);
 * only two vanishing singular values make it singular.
 */
public final class PolarTerm {
    private PolarTerm() {
    }

    /**
     * Value and gradient of \(\|W - I\|_F^2\cdot\)scale for one sample, paper Eq. 6 polar term
     * (docs/papers.md#loss-eq-6-and-the-polar-term).
     *
     * @param re    Re Z, n×n row-major, read from {@code re[off..off+n²)}
     * @param im    Im Z, same layout and offset
     * @param off   offset of the sample in {@code re} and {@code im}
     * @param n     matrix dimension
     * @param scale the factor in front of \(\|W - I\|_F^2\) (the loss uses 1/(B n²))
     * @param gRe   receives \(\partial L/\partial\,\mathrm{Re}Z\) at {@code off} (null: value only)
     * @param gIm   receives \(\partial L/\partial\,\mathrm{Im}Z\) at {@code off}
     * @return scale·\(\|W - I\|_F^2\)
     * @throws IllegalArgumentException if the SVD fails (non-finite entries)
     */
    public static double valueAndGradient(double[] re, double[] im, int off, int n, double scale, double[] gRe,
            double[] gIm) {
        int m = 2 * n;
        DMatrixRMaj big = new DMatrixRMaj(m, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double x = re[off + i * n + j];
                double y = im[off + i * n + j];
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw new IllegalArgumentException("network output has a non-finite entry at (" + i + ", " + j + ")");
                }
                big.unsafe_set(i, j, x);
                big.unsafe_set(i + n, j + n, x);
                big.unsafe_set(i + n, j, y);
                big.unsafe_set(i, j + n, -y);
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m, m, true, true, false);
        if (!svd.decompose(big)) {
            throw new IllegalArgumentException("SVD of the network output failed");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] s = svd.getSingularValues();
        DMatrixRMaj w = new DMatrixRMaj(m, m);
        CommonOps_DDRM.multTransB(u, v, w);
        double sq = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double d = w.unsafe_get(i, j) - (i == j ? 1 : 0);
                sq += d * d;
                w.unsafe_set(i, j, d * scale);   // G_M = 2 c (W_M - I) with c = scale / 2
            }
        }
        if (gRe != null) {
            DMatrixRMaj t = new DMatrixRMaj(m, m);
            DMatrixRMaj bh = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransA(u, w, t);
            CommonOps_DDRM.mult(t, v, bh);
            DMatrixRMaj f = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    f.unsafe_set(i, j, (bh.unsafe_get(i, j) - bh.unsafe_get(j, i)) / (s[i] + s[j]));
                }
            }
            CommonOps_DDRM.mult(u, f, t);
            DMatrixRMaj g = new DMatrixRMaj(m, m);
            CommonOps_DDRM.multTransB(t, v, g);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    gRe[off + i * n + j] = g.unsafe_get(i, j) + g.unsafe_get(i + n, j + n);
                    gIm[off + i * n + j] = g.unsafe_get(i + n, j) - g.unsafe_get(i, j + n);
                }
            }
        }
        return scale * sq / 2;
    }
}
