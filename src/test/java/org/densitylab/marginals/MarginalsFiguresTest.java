package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.densitylab.QuietTest;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.RandomStates;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

class MarginalsFiguresTest extends QuietTest {
    @Test
    void referenceNumbersAreTheSpecsTables() {
        assertEquals(List.of("N3k2", "N4k2", "N4k3", "N5k3", "N5k4", "N6k4", "N6k5", "N7k6", "N8k7"),
                ReferenceNumbers.model1Cases());
        Table n6k5 = ReferenceNumbers.model1(6, 5);
        assertArrayEquals(new int[] {58, 59, 60, 61, 62, 63, 64}, n6k5.intColumn("rank").asIntArray());
        assertEquals(0.9454, n6k5.doubleColumn("fidelity").get(6));
        assertEquals(0.8726, n6k5.doubleColumn("guess").get(0));
        assertTrue(n6k5.doubleColumn("fidelitySd").isMissing(3), "SD published only at the end ranks");
        assertEquals(1.0, n6k5.doubleColumn("success").get(3));
        assertEquals(0.975, ReferenceNumbers.model1(4, 2).doubleColumn("success").get(0), 1e-15);
        assertArrayEquals(new double[] {0.89, 0.91, 0.90, 0.96, 0.95, 0.98, 0.96},
                ReferenceNumbers.hybrid(5, 2).doubleColumn("hybridSuccess").asDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0.03, 0.16, 0.35, 0.41, 0.59, 0.60, 0.79},
                ReferenceNumbers.hybrid(4, 2).doubleColumn("hybridSuccess").asDoubleArray(), 1e-15);
        assertTrue(ReferenceNumbers.hybrid(5, 3).doubleColumn("hybridFidelity").isMissing(0), "no success, no fidelity");
        assertEquals(1.0, ReferenceNumbers.hybrid(6, 3).doubleColumn("hybridFidelity").get(0));
        Table neg = ReferenceNumbers.negativeEigenvalues(4, 3);
        assertArrayEquals(new int[] {10, 16}, neg.intColumn("rank").asIntArray());
        assertArrayEquals(new double[] {0.23, 0.18}, neg.doubleColumn("negMio").asDoubleArray(), 0);
        assertThrows(IllegalArgumentException.class, () -> ReferenceNumbers.model1(7, 5));
    }

    @Test
    void figureSeriesAreTheInputNumbers() {
        Map<Integer, Table> ours = new LinkedHashMap<>();
        ours.put(5, ReferenceNumbers.model1(6, 5));
        ours.put(4, ReferenceNumbers.model1(6, 4));
        XYChart fig3 = MarginalsPlots.figure3(6, ours, Map.of(5, ReferenceNumbers.model1(6, 5)));
        assertArrayEquals(ReferenceNumbers.model1(6, 4).doubleColumn("fidelity").asDoubleArray(),
                fig3.getSeriesMap().get("k=4 (ours)").getYData(), 0);
        assertArrayEquals(new double[] {0.0015, 0, 0, 0, 0, 0, 0.0015}, fig3.getSeriesMap().get("k=5 (reference code)")
                .getExtraValues(), 0, "NaN SDs are drawn as 0");
        assertArrayEquals(new double[] {58, 59, 60, 61, 62, 63, 64}, fig3.getSeriesMap().get("k=5 random guessing (ours)")
                .getXData(), 0.125, "at the ranks, spread by less than an eighth so coinciding curves stay visible");

        XYChart fig4 = MarginalsPlots.figure4("Fig. 4", Map.of("N4k2", ReferenceNumbers.hybrid(4, 2)),
                Map.of("N5k2", ReferenceNumbers.hybrid(5, 2)));
        assertArrayEquals(ReferenceNumbers.hybrid(5, 2).doubleColumn("hybridSuccess").asDoubleArray(),
                fig4.getSeriesMap().get("N5k2 (reference code)").getYData(), 0);
        assertArrayEquals(ReferenceNumbers.hybrid(4, 2).doubleColumn("hybridSuccess").asDoubleArray(),
                fig4.getSeriesMap().get("N4k2 (ours)").getYData(), 0);

        XYChart neg = MarginalsPlots.negativeEigenvalues("NE", Map.of(), Map.of("N8k7", ReferenceNumbers.negativeEigenvalues(8, 7)));
        assertArrayEquals(new double[] {250, 256}, neg.getSeriesMap().get("N8k7 (reference)").getXData(), 0);
    }

    @Test
    void resultsReadBackFromCsvPlotAndCompareWhateverTypesTablesawGuesses() {
        Table t = Table.read().csv("model,N,k,rank,fidelity,fidelitySd,success,guess,guessSd,hybridSuccess,hybridFidelity\n"
                + "model1,3,2,2,0.77,0.05,1.0,0.69,0.07,0.0,\nmodel1,3,2,3,0.86,0.04,1.0,0.78,0.05,0.0,\n", "run");
        XYChart s = MarginalsPlots.successVsRank("s", MarginalsPlots.byModel(t), ReferenceNumbers.model1(3, 2));
        assertArrayEquals(new double[] {1, 1}, s.getSeriesMap().get("model1 (ours)").getYData(), 0);
        Table c = MarginalsPlots.comparison(MarginalsPlots.byModel(t).get("model1"));
        assertEquals(java.util.List.of("ours", "reference code", "difference", "ours", "reference code", "difference"),
                c.stringColumn("source").asList());
        assertEquals(0.77 - ReferenceNumbers.model1(3, 2).doubleColumn("fidelity").getDouble(0), c.doubleColumn("fidelity").getDouble(2), 1e-12);
    }

    @Test
    void mioComparisonPutsTheReferenceFiguresEndRanksBesideOurs() {
        Map<String, Table> ours = MioStatistics.cases(new int[][] {{4, 3}}, 3, 1L);
        Table c = MioStatistics.comparison(ours);
        assertEquals(7 + 2 * 2, c.rowCount(), "seven ranks; the reference figure gives ranks 10 and 16 only");
        assertEquals(List.of("ours", "reference figure", "difference"), c.stringColumn("source").asList().subList(0, 3));
        assertEquals(0.23, c.doubleColumn("negMio").getDouble(1), 0, "N4k3 at rank 10");
        assertEquals(ours.get("N4k3").doubleColumn("negMio").getDouble(0) - 0.23, c.doubleColumn("negMio").getDouble(2), 1e-12);
    }

    @Test
    void mioStatisticsImposeTheMarginalsAndMatchTheSpecsNegativeShare() {
        Table t = MioStatistics.paperRanks(3, 2, 5, 1L);
        assertArrayEquals(new int[] {2, 3, 4, 5, 6, 7, 8}, t.intColumn("rank").asIntArray());
        assertTrue(t.doubleColumn("maxMarginalError").max() < 1e-13);
        // an independent NumPy simulation (100 samples): N4k3 rank 16 -> 0.183 of the eigenvalues negative
        MioStatistics.Row r = MioStatistics.of(4, 3, 16, 60, 2L);
        assertEquals(0.183, r.negMio(), 0.03);
        assertTrue(r.minEigenvalue() < 0);
    }

    @Test
    void theHybridReconstructionHasTheExactMarginals() {
        DensityMatrix rho = RandomStates.rankR(3, 6, rng);
        List<Marginal> m = Marginals.of(rho, 2);
        ComplexMatrix seed = RandomStates.hilbertSchmidt(3, 8, rng).matrix();
        ComplexMatrix z = null;
        Cdae net = null;
        for (long s = 1; z == null; s++) {   // an untrained output may have a negative trace (then null)
            net = Cdae.create(3, 1, s);
            z = Reconstruction.reconstruct(net, seed, m, false);
        }
        ComplexMatrix h = Reconstruction.reconstruct(net, seed, m, true);
        assertTrue(Reconstruction.marginalError(h, m) < 1e-13);
        assertTrue(Reconstruction.marginalError(z, m) > 1e-6, "the network alone does not keep the marginals");
        double tr = 0;
        for (int i = 0; i < 8; i++) {
            tr += z.re(i, i);
        }
        assertEquals(1, tr, 1e-12);
    }

    @Test
    void aCaseWithoutReferenceNumbersIsAClearErrorNamingTheStoredCases() {
        for (var lookup : List.<Runnable>of(() -> ReferenceNumbers.model1(9, 2), () -> ReferenceNumbers.hybrid(9, 2),
                () -> ReferenceNumbers.negativeEigenvalues(9, 2))) {
            var e = assertThrows(IllegalArgumentException.class, lookup::run);
            assertTrue(e.getMessage().contains("stored for N9k2 (available: [N"), e.getMessage());
        }
    }
}
