package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.densitylab.QuietTest;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.HermitianEigen;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.RandomStates;
import org.junit.jupiter.api.Test;

class ReconstructorsTest extends QuietTest {
    private static final double ROUND_OFF = 1e-12;

    @Test
    void alternatingProjectionsReachTheMarginalsOfKnownStatesTo1e10() {
        for (int[] nkr : new int[][] {{2, 1, 4}, {3, 2, 8}, {3, 2, 5}, {3, 1, 3}, {4, 3, 16}, {4, 3, 12}, {4, 2, 10}}) {
            DensityMatrix rho = RandomStates.rankR(nkr[0], nkr[2], rng);
            MarginalProblem p = MarginalProblem.of(rho, nkr[1]);
            List<AlternatingProjections> methods = new ArrayList<>();
            for (AlternatingProjections.Variant v : AlternatingProjections.Variant.values()) {
                methods.add(AlternatingProjections.of(v, 1e-10, 5000));
                methods.add(AlternatingProjections.of(v, 1e-10, 5000).withMixedSeed());
                methods.add(AlternatingProjections.of(v, 1e-10, 5000).withMixedSeed().withInterior(0.2));
            }
            methods.add(AlternatingProjections.ofDefault(1e-10, 5000));
            for (AlternatingProjections ap : methods) {
                ReconstructionResult r = ap.reconstruct(p, rng);
                String what = ap.name() + " N" + nkr[0] + "k" + nkr[1] + " rank " + nkr[2];
                assertTrue(r.converged(), what + ": " + r);
                // independent check of the reported diagnostics: partial traces of the returned matrix
                assertTrue(Reconstruction.marginalError(r.state(), Marginals.of(rho, nkr[1])) <= 1e-10, what);
                assertTrue(HermitianEigen.eigenvalues(r.state())[0] >= -ROUND_OFF, what);
                assertEquals(1, r.state().traceRe(), ROUND_OFF, what);
                assertTrue(r.state().hermiticityError() <= ROUND_OFF, what);
            }
        }
    }

    @Test
    void theMioPassIsTheOrthogonalProjectionOntoTheAffineSet() {
        DensityMatrix rho = RandomStates.rankR(4, 9, rng);
        MarginalProblem p = MarginalProblem.of(rho, 2);
        ComplexMatrix x = RandomStates.hilbertSchmidt(4, 16, rng).matrix();
        ComplexMatrix px = p.project(x);
        assertTrue(p.marginalError(px) < ROUND_OFF);
        assertTrue(p.project(px).maxAbsDiff(px) < ROUND_OFF, "idempotent");
        // X - P(X) is orthogonal to every direction Y - P(X) inside the set (Y = the target, another projection)
        for (ComplexMatrix y : List.of(rho.matrix(), p.project(RandomStates.hilbertSchmidt(4, 16, rng).matrix()))) {
            assertEquals(0, frobeniusInner(x.minus(px), y.minus(px)), ROUND_OFF);
        }
    }

    @Test
    void dykstraFindsTheNearestStateWithTheMarginals() {
        DensityMatrix rho = RandomStates.rankR(3, 8, rng);
        MarginalProblem p = MarginalProblem.of(rho, 2);
        ComplexMatrix start = Reconstructors.mioOutput(p, rng);
        ComplexMatrix nearest = AlternatingProjections.of(AlternatingProjections.Variant.DYKSTRA, 1e-11, 20000)
                .solve(p, start).state();
        // variational inequality of the projection onto the convex set A ∩ S: <start - P, Y - P> <= 0 for feasible Y
        List<ComplexMatrix> feasible = new ArrayList<>(List.of(rho.matrix()));
        for (int i = 0; i < 3; i++) {
            feasible.add(AlternatingProjections.of(AlternatingProjections.Variant.PLAIN, 1e-11, 20000).reconstruct(p, rng)
                    .state());
        }
        for (ComplexMatrix y : feasible) {
            assertTrue(frobeniusInner(start.minus(nearest), y.minus(nearest)) <= 1e-8);
        }
    }

    @Test
    void theSemismoothNewtonMethodFindsTheSameNearestStateAsDykstra() {
        // full-rank targets: a positive definite state has the marginals, so the dual optimum exists and the Newton
        // iterate converges to the projection itself (with only rank-deficient solutions it is merely feasible)
        for (int[] nk : new int[][] {{3, 2}, {4, 3}, {4, 2}, {5, 4}}) {
            DensityMatrix rho = RandomStates.rankR(nk[0], 1 << nk[0], rng);
            MarginalProblem p = MarginalProblem.of(rho, nk[1]);
            ReconstructionResult newton = SemismoothNewton.of(1e-10, 200).reconstruct(p, rng);
            String what = "N" + nk[0] + "k" + nk[1];
            assertTrue(newton.converged(), what + ": " + newton);
            assertTrue(Reconstruction.marginalError(newton.state(), Marginals.of(rho, nk[1])) <= 1e-10, what);
            assertTrue(newton.minEigenvalue() >= -ROUND_OFF, what);
            // both solve min ||X - P_A(I/d)|| over the states with the marginals, a strictly convex problem
            ComplexMatrix g = p.project(ComplexMatrix.identity(p.dim()).scale(1.0 / p.dim()));
            ReconstructionResult dykstra = AlternatingProjections.of(AlternatingProjections.Variant.DYKSTRA, 1e-12, 200000)
                    .withMixedSeed().reconstruct(p, rng);
            assertTrue(g.minus(newton.state()).frobeniusNorm() <= g.minus(dykstra.state()).frobeniusNorm() + 1e-9, what);
            assertTrue(newton.state().maxAbsDiff(dykstra.state()) < 1e-7, what + ": "
                    + newton.state().maxAbsDiff(dykstra.state()));
            assertTrue(frobeniusInner(g.minus(newton.state()), rho.matrix().minus(newton.state())) <= 1e-9,
                    "variational inequality against the target");
        }
    }

    @Test
    void theDepolarisingWeightIsTheSmallestThatMakesThePsdBoundary() {
        for (int[] nk : new int[][] {{3, 2}, {4, 3}, {5, 4}}) {
            DensityMatrix rho = RandomStates.rankR(nk[0], 1 << nk[0], rng);
            ComplexMatrix x = Reconstructors.mioOutput(MarginalProblem.of(rho, nk[1]), rng);
            int d = x.rows();
            double mu = HermitianEigen.eigenvalues(x)[0];
            assertTrue(mu < 0, "the MIO output of a full-rank N" + nk[0] + "k" + nk[1] + " target has a negative eigenvalue");
            double lambda = StateProjections.depolarizingWeight(mu, d);
            assertTrue(lambda > 0 && lambda < 1);
            assertEquals(0, minEigenvalue(mix(x, lambda)), ROUND_OFF, "Z(lambda) is on the PSD boundary");
            assertTrue(minEigenvalue(mix(x, lambda - 1e-6)) < -1e-9, "Z(lambda - eps) is not PSD");
            assertTrue(StateProjections.depolarize(x).maxAbsDiff(mix(x, lambda)) < ROUND_OFF);
        }
        assertEquals(0, StateProjections.depolarizingWeight(0.01, 8));
    }

    @Test
    void theSimplexProjectionMatchesABruteForceSearch() {
        double[][] cases = {{0.5, 0.4, 0.3}, {-0.2, 0.9, 0.7}, {1.2, -0.1, -0.3}, {0.1, 0.1, 0.1}, {-1, -2, -3}};
        int steps = 1500;
        for (double[] v : cases) {
            double[] p = StateProjections.simplex(v);
            double best = Double.POSITIVE_INFINITY;
            double[] arg = null;
            for (int a = 0; a <= steps; a++) {
                for (int b = 0; a + b <= steps; b++) {
                    double[] q = {(double) a / steps, (double) b / steps, (double) (steps - a - b) / steps};
                    double dist = dist2(q, v);
                    if (dist < best) {
                        best = dist;
                        arg = q;
                    }
                }
            }
            assertTrue(dist2(p, v) <= best + 1e-12, "no grid point is closer");
            for (int i = 0; i < 3; i++) {
                assertEquals(arg[i], p[i], 1.0 / steps);
                assertTrue(p[i] >= 0);
            }
            assertEquals(1, p[0] + p[1] + p[2], 1e-15);
        }
    }

    @Test
    void theNearestStateSatisfiesTheProjectionInequalityAndBeatsClipAndRenormalise() {
        DensityMatrix rho = RandomStates.rankR(3, 8, rng);
        ComplexMatrix x = Reconstructors.mioOutput(MarginalProblem.of(rho, 2), rng);
        ComplexMatrix p = StateProjections.nearestState(x);
        assertTrue(HermitianEigen.eigenvalues(p)[0] >= -ROUND_OFF);
        assertEquals(1, p.traceRe(), ROUND_OFF);
        for (int i = 0; i < 20; i++) {
            ComplexMatrix s = RandomStates.rankR(3, 1 + i % 8, rng).matrix();
            assertTrue(frobeniusInner(x.minus(p), s.minus(p)) <= ROUND_OFF, "<X - P, S - P> <= 0 for every state S");
        }
        ComplexMatrix clipped = MatrixFunctionsForTest.clipAndRenormalise(x);
        assertTrue(x.minus(p).frobeniusNorm() < x.minus(clipped).frobeniusNorm());
    }

    @Test
    void theNearestStateIsTheEigenvectorsWithTheSimplexProjectedSpectrum() {
        for (int n : new int[] {3, 5, 6}) {   // the Java loop (d < 32) and the BLAS path
            ComplexMatrix x = Reconstructors.mioOutput(MarginalProblem.of(RandomStates.rankR(n, 1 << n, rng), n - 1), rng);
            HermitianEigen.Decomposition e = HermitianEigen.decompose(x);
            double[] nu = StateProjections.simplex(e.values());
            double[][] diag = new double[nu.length][nu.length];
            for (int i = 0; i < nu.length; i++) {
                diag[i][i] = nu[i];
            }
            ComplexMatrix expected = e.vectors().mult(ComplexMatrix.ofReal(diag)).mult(e.vectors().dagger());
            assertTrue(StateProjections.nearestState(x).maxAbsDiff(expected) < ROUND_OFF, "N = " + n);
        }
    }

    @Test
    void theFlooredProjectionIsTheNearestMatrixWithEigenvaluesAtLeastTheFloor() {
        for (int n : new int[] {3, 5, 6}) {   // the Java loop (d < 32) and the BLAS path
            int d = 1 << n;
            double floor = 0.2 / d;
            double[] x = Reconstructors.mioOutput(MarginalProblem.of(RandomStates.rankR(n, d, rng), n - 1), rng)
                    .toInterleaved();
            double[] out = new double[x.length];
            StateProjections.nearestState(x, d, floor, out);
            ComplexMatrix px = ComplexMatrix.ofInterleaved(d, d, out);
            ComplexMatrix xm = ComplexMatrix.ofInterleaved(d, d, x);
            assertEquals(floor, HermitianEigen.eigenvalues(px)[0], ROUND_OFF, "the smallest eigenvalues sit on the floor");
            assertEquals(1, px.traceRe(), ROUND_OFF);
            // projection inequality: <X - P, S - P> <= 0 for every S = floor I + (1 - d floor) rho in the set
            for (int i = 0; i < 10; i++) {
                ComplexMatrix rho = RandomStates.rankR(n, 1 + i % d, rng).matrix();
                ComplexMatrix s = ComplexMatrix.identity(d).scale(floor).plus(rho.scale(1 - d * floor));
                assertTrue(frobeniusInner(xm.minus(px), s.minus(px)) <= ROUND_OFF, "N = " + n);
            }
            // and it is the floor plus the scaled nearest state of the shifted, rescaled matrix
            ComplexMatrix shifted = xm.minus(ComplexMatrix.identity(d).scale(floor)).scale(1 / (1 - d * floor));
            ComplexMatrix expected = ComplexMatrix.identity(d).scale(floor)
                    .plus(StateProjections.nearestState(shifted).scale(1 - d * floor));
            assertTrue(px.maxAbsDiff(expected) < ROUND_OFF, "N = " + n);
        }
    }

    @Test
    void theInteriorPhaseEndsOnAPositiveDefiniteMatrixWithTheMarginalsExactly() {
        // full-rank targets: a positive definite state has the marginals, and the default stops on one within the
        // interior phase, with the marginals to round-off; rank-4 targets at N = 5, k = 4 have no such neighbourhood
        // reachable with the floor, and the default goes on with plain Anderson steps to the tolerance
        for (int[] nkr : new int[][] {{4, 3, 16}, {5, 4, 32}, {6, 5, 64}, {5, 4, 4}}) {
            DensityMatrix rho = RandomStates.rankR(nkr[0], nkr[2], rng);
            MarginalProblem p = MarginalProblem.of(rho, nkr[1]);
            ReconstructionResult r = AlternatingProjections.ofDefault(1e-10, 1000).reconstruct(p, rng);
            String what = "N" + nkr[0] + "k" + nkr[1] + " rank " + nkr[2] + ": " + r;
            assertTrue(r.converged(), what);
            assertTrue(Reconstruction.marginalError(r.state(), Marginals.of(rho, nkr[1])) <= 1e-10, what);
            if (nkr[2] == 1 << nkr[0]) {
                assertTrue(r.iterations() <= AlternatingProjections.INTERIOR_BUDGET, what);
                assertTrue(r.marginalError() < ROUND_OFF, what);
                assertTrue(r.minEigenvalue() > 0, what);
            } else {
                assertTrue(r.iterations() > AlternatingProjections.INTERIOR_BUDGET, what);
            }
        }
    }

    @Test
    void incompatibleMarginalsStopAtTheCapWithTheResidual() {
        // three pairwise singlets on a triangle: every one-qubit reduction is I/2, so they agree on the overlaps, but
        // no three-qubit state has them (monogamy)
        ComplexMatrix singlet = singlet();
        List<int[]> subsets = List.of(new int[] {0, 1}, new int[] {1, 2}, new int[] {0, 2});
        MarginalProblem p = MarginalProblem.ofMatrices(3, subsets, List.of(singlet, singlet, singlet));
        List<AlternatingProjections> methods = new ArrayList<>();
        for (AlternatingProjections.Variant v : AlternatingProjections.Variant.values()) {
            methods.add(AlternatingProjections.of(v, 1e-8, 300));
            methods.add(AlternatingProjections.of(v, 1e-8, 300).withInterior(0.2));
        }
        methods.add(AlternatingProjections.ofDefault(1e-8, 300));
        methods.add(AlternatingProjections.ofDefault(1e-8, 3));   // the cap falls inside the interior phase
        for (AlternatingProjections v : methods) {
            ReconstructionResult r = v.reconstruct(p, rng);
            assertFalse(r.converged(), v.name());
            assertEquals(v.maxIterations(), r.iterations(), v.name());
            assertTrue(r.marginalError() > 0.05, v + ": residual " + r.marginalError());
            assertTrue(r.minEigenvalue() >= -ROUND_OFF, v + ": the returned matrix is still a state, " + r.minEigenvalue() + " " + r.marginalError());
        }
        ReconstructionResult newton = SemismoothNewton.of(1e-8, 300).reconstruct(p, rng);
        assertFalse(newton.converged());
        assertTrue(newton.iterations() <= 300 && newton.marginalError() > 0.05, newton.toString());
        assertTrue(newton.minEigenvalue() >= -ROUND_OFF);
    }

    @Test
    void malformedMarginalsAreRejectedNamingTheSubsetAndTheValue() {
        ComplexMatrix half = ComplexMatrix.identity(2).scale(0.5);
        ComplexMatrix bell = singlet();
        assertMessage("qubits [1]", "not Hermitian", () -> MarginalProblem.ofMatrices(2, List.of(new int[] {0}, new int[] {1}),
                List.of(half, ComplexMatrix.of(new double[][] {{0.5, 0.1}, {0.3, 0.5}}, null))));
        assertMessage("qubits [0]", "trace 1, got 1.2", () -> MarginalProblem.ofMatrices(2, List.of(new int[] {0}),
                List.of(half.scale(1.2))));
        assertMessage("qubits [0, 1]", "must be 4x4", () -> MarginalProblem.ofMatrices(3, List.of(new int[] {0, 1}),
                List.of(half)));
        assertMessage("qubits [2]", "NaN", () -> MarginalProblem.ofInterleaved(3, List.of(new int[] {2}),
                List.of(new double[] {0.5, 0, Double.NaN, 0, 0, 0, 0.5, 0})));
        assertMessage("[0, 1] and [1, 2]", "common qubits [1]", () -> MarginalProblem.ofMatrices(3,
                List.of(new int[] {0, 1}, new int[] {1, 2}),
                List.of(bell, DensityMatrix.of(ComplexMatrix.of(new double[][] {{1, 0}, {0, 0}}, null))
                        .tensor(DensityMatrix.maximallyMixed(1)).matrix())));
        assertMessage("qubits [0, 3]", "qubit 3", () -> MarginalProblem.ofMatrices(3, List.of(new int[] {0, 3}),
                List.of(bell)));
        assertMessage("N = 11", "2..10", () -> MarginalProblem.ofMatrices(11, List.of(new int[] {0}), List.of(half)));
    }

    @Test
    void everyMethodByNameGivesAResultWithHonestDiagnostics() {
        DensityMatrix rho = RandomStates.rankR(3, 8, rng);
        MarginalProblem p = MarginalProblem.of(rho, 2);
        Reconstructors.Options o = Reconstructors.Options.defaults().withNetwork(Cdae.create(3, 1, 7));
        for (String name : Reconstructors.NAMES) {
            if (name.equals("sdp")) {
                continue;   // needs cvxopt; covered by the command-line test when installed
            }
            ReconstructionResult r = Reconstructors.byName(name, o).reconstruct(p, new java.util.SplittableRandom(3));
            assertEquals(name, r.method());
            if (r.state() != null) {
                assertEquals(p.marginalError(r.state()), r.marginalError(), 0);
                assertEquals(HermitianEigen.eigenvalues(r.state())[0], r.minEigenvalue(), 0);
                assertEquals(r.marginalError() <= o.tolerance() && r.isPsd(), r.converged(), name);
            }
        }
        // the MIO output has the marginals exactly but a negative eigenvalue; psd-projection and depolarize are states
        java.util.SplittableRandom s = new java.util.SplittableRandom(3);
        assertTrue(Reconstructors.byName("mio", o).reconstruct(p, s).marginalError() < ROUND_OFF);
        assertTrue(Reconstructors.byName("psd-projection", o).reconstruct(p, new java.util.SplittableRandom(3)).isPsd());
        assertTrue(Reconstructors.byName("depolarize", o).reconstruct(p, new java.util.SplittableRandom(3)).isPsd());
        assertMessage("unknown reconstruction method 'ap'", "identity", () -> Reconstructors.byName("ap", o));
        assertMessage("cdae+mio", "--model", () -> Reconstructors.byName("cdae+mio", Reconstructors.Options.defaults()));
    }

    @Test
    void theSdpMethodReturnsAStateWithTheMarginalsWhereCvxoptIsInstalled() {
        org.junit.jupiter.api.Assumptions.assumeTrue(CvxoptSdp.available(), "Debian's python3-cvxopt is not installed");
        DensityMatrix rho = RandomStates.rankR(3, 8, rng);
        MarginalProblem p = MarginalProblem.of(rho, 2);
        ReconstructionResult r = Reconstructors.byName("sdp", Reconstructors.Options.defaults()).reconstruct(p, rng);
        assertTrue(r.converged(), r.toString());
        assertTrue(Reconstruction.marginalError(r.state(), Marginals.of(rho, 2)) < ROUND_OFF);
        assertTrue(r.minEigenvalue() > 0, "the target is full rank, so the most mixed state with its marginals is too");
    }

    @Test
    void theComparisonOneLinerCoversThePaperRanks() {
        List<MethodComparison.Row> rows = MethodComparison.run(3, 1, List.of("identity", "alternating-projections"),
                Reconstructors.Options.defaults(), 2, 1);
        assertEquals(2 * 7, rows.size());
        assertEquals(14, MethodComparison.table(rows).rowCount());
        for (MethodComparison.Row r : rows) {
            assertTrue(r.rank() >= 2 && r.rank() <= 8);
            if (r.method().equals("alternating-projections")) {
                assertEquals(1, r.converged());
                assertEquals(1, r.fidelity(), 1e-6);
            }
        }
    }

    private static void assertMessage(String a, String b, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(a) && ex.getMessage().contains(b), ex.getMessage());
    }

    private static ComplexMatrix singlet() {
        double h = 0.5;
        return ComplexMatrix.of(new double[][] {{0, 0, 0, 0}, {0, h, -h, 0}, {0, -h, h, 0}, {0, 0, 0, 0}}, null);
    }

    private static ComplexMatrix mix(ComplexMatrix x, double lambda) {
        int d = x.rows();
        return x.scale(1 - lambda).plus(ComplexMatrix.identity(d).scale(lambda / d));
    }

    private static double minEigenvalue(ComplexMatrix x) {
        return HermitianEigen.eigenvalues(x)[0];
    }

    private static double dist2(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return s;
    }

    private static double frobeniusInner(ComplexMatrix a, ComplexMatrix b) {
        double s = 0;
        double[] x = a.toInterleaved();
        double[] y = b.toInterleaved();
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** Clip-and-renormalise, the map the nearest state must beat. */
    private static final class MatrixFunctionsForTest {
        static ComplexMatrix clipAndRenormalise(ComplexMatrix x) {
            ComplexMatrix c = org.densitylab.linalg.MatrixFunctions.apply(x, l -> Math.max(l, 0));
            return c.scale(1 / c.traceRe());
        }
    }
}
