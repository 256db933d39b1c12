package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.densitylab.QuietTest;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.RandomStates;
import org.junit.jupiter.api.Test;

class PauliSdpTest extends QuietTest {
    private static final double EXACT = 1e-13;

    @Test
    void theTargetIsAFeasiblePointAndTheFixedPartHasItsMarginals() {
        for (int[] nk : new int[][] {{3, 2}, {4, 2}, {4, 3}, {5, 2}}) {
            DensityMatrix rho = RandomStates.rankR(nk[0], 1 << nk[0], rng);
            List<Marginal> m = Marginals.of(rho, nk[1]);
            PauliSdp sdp = PauliSdp.of(nk[0], m);
            // number of Pauli strings of weight > k: 4^N - sum_{w <= k} C(N, w) 3^w
            int fixed = 0;
            for (int w = 0; w <= nk[1]; w++) {
                fixed += binomial(nk[0], w) * (int) Math.pow(3, w);
            }
            assertEquals((1 << (2 * nk[0])) - fixed, sdp.freeCount());
            assertTrue(Reconstruction.marginalError(sdp.fixedPart(), m) < EXACT);
            assertTrue(sdp.assemble(sdp.coefficients(rho.matrix())).maxAbsDiff(rho.matrix()) < EXACT, "X(y(rho)) = rho");
            assertTrue(Reconstruction.marginalError(sdp.assemble(new double[sdp.freeCount()]), m) < EXACT);
        }
    }

    @Test
    void theLmiDataGivesTheEmbeddingOfXMinusT() {
        DensityMatrix rho = RandomStates.rankR(3, 5, rng);
        PauliSdp sdp = PauliSdp.of(3, Marginals.of(rho, 2));
        PauliSdp.Lmi lmi = sdp.lmi();
        double t = 0.01;
        double[] v = java.util.Arrays.copyOf(sdp.coefficients(rho.matrix()), lmi.variables());
        v[v.length - 1] = t;
        double[] s = lmi.h().clone();                          // s = h - G v
        for (int e = 0; e < lmi.values().length; e++) {
            s[lmi.rows()[e]] -= lmi.values()[e] * v[lmi.cols()[e]];
        }
        int d = 8;
        int order = lmi.order();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double a = rho.re(i, j) - (i == j ? t : 0);
                double b = rho.im(i, j);
                assertEquals(a, s[i + j * order], EXACT);
                assertEquals(a, s[i + d + (j + d) * order], EXACT);
                assertEquals(-b, s[i + (j + d) * order], EXACT);
                assertEquals(b, s[i + d + j * order], EXACT);
            }
        }
        assertEquals(-1, lmi.c()[lmi.variables() - 1]);
    }

    @Test
    void cvxoptFindsAStateWithTheMarginals() {
        assumeTrue(CvxoptSdp.available(), "Debian's python3-cvxopt is not installed");
        DensityMatrix rho = RandomStates.rankR(3, 8, rng);
        List<Marginal> m = Marginals.of(rho, 2);
        CvxoptSdp.Result r = CvxoptSdp.solve(PauliSdp.of(3, m), 120);
        assertEquals("optimal", r.status());
        ComplexMatrix x = r.state();
        assertTrue(Reconstruction.marginalError(x, m) < 1e-12, "the marginals are fixed by construction");
        double minEig = Reconstruction.eigenvalues(x)[0];
        assertTrue(minEig > -1e-8, "PSD: " + minEig);
        assertEquals(minEig, r.t(), 1e-6);
        // rho itself is feasible, so the optimum t* is at least its smallest eigenvalue
        assertTrue(r.t() >= rho.eigenvalues()[0] - 1e-6, r.t() + " < " + rho.eigenvalues()[0]);
        assertTrue(r.solveSeconds() > 0);
    }

    private static int binomial(int n, int k) {
        int b = 1;
        for (int i = 0; i < k; i++) {
            b = b * (n - i) / (i + 1);
        }
        return b;
    }
}
