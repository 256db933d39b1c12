package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.densitylab.QuietTest;
import org.densitylab.linalg.ComplexMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class MarginalsEvaluationTest extends QuietTest {
    @TempDir
    Path tmp;

    @Test
    void toStateHermitisesAndNormalises() {
        // Z = [[3, 1 + 2i], [0, 1]]: (Z + Z^dagger)/2 = [[3, 0.5 + i], [0.5 - i, 1]], trace 4
        float[] out = {3, 1, 0, 1, 0, 2, 0, 0};
        ComplexMatrix x = Reconstruction.toState(out, 0, 2);
        assertEquals(0.75, x.re(0, 0), 1e-15);
        assertEquals(0.125, x.re(0, 1), 1e-15);
        assertEquals(0.125, x.re(1, 0), 1e-15);
        assertEquals(0.25, x.im(0, 1), 1e-15);
        assertEquals(-0.25, x.im(1, 0), 1e-15);
        assertEquals(0.25, x.re(1, 1), 1e-15);
    }

    @Test
    void randomGuessingAndMioNegativityMatchTheReference() {
        // the reference code's published data: random guessing N3k2 rank 8 = 0.885 +- 0.029 (ours reproduced independently);
        // an independent NumPy simulation: proportion of negative eigenvalues of the MIO output N4k3 rank 16 ~ 0.18
        MarginalsEvaluation.RankResult r3 = MarginalsEvaluation.evaluate(Cdae.create(3, 1, 1L), 2, 8, 200, 5L);
        assertEquals(0.885, r3.guessMean(), 0.01);
        assertEquals(0.029, r3.guessSd(), 0.008);
        MarginalsEvaluation.RankResult r4 = MarginalsEvaluation.evaluate(Cdae.create(4, 1, 1L), 3, 16, 100, 6L);
        assertEquals(0.18, r4.negMio(), 0.03);
        assertEquals(0.881, r4.guessMean(), 0.01);
    }

    @Test
    void tableAndPlotsAreWritten() throws Exception {
        List<MarginalsEvaluation.RankResult> res = List.of(MarginalsEvaluation.evaluate(Cdae.create(3, 1, 1L), 2, 7, 10, 1L),
                MarginalsEvaluation.evaluate(Cdae.create(3, 1, 1L), 2, 8, 10, 1L));
        Table t = MarginalsEvaluation.table("N3k2", res);
        assertEquals(2, t.rowCount());
        assertEquals(8, t.intColumn("rank").get(1));
        Table ref = ReferenceNumbers.model1(3, 2);
        assertEquals(0.9862, ref.doubleColumn("fidelity").get(6), 0.0);
        Path png = tmp.resolve("fig2.png");
        MarginalsPlots.savePng(MarginalsPlots.fidelityVsRank("Fig. 2", Map.of("model1", t), ref), png);
        MarginalsPlots.savePng(MarginalsPlots.successVsRank("success", Map.of("model1", t), ref), tmp.resolve("s.png"));
        assertTrue(Files.size(png) > 1000);
    }
}
