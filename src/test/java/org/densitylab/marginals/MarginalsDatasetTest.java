package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.nio.file.Path;
import org.densitylab.QuietTest;
import org.densitylab.TestArrays;
import org.densitylab.data.ChunkBuffers;
import org.densitylab.data.io.Dataset;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.QubitOrder;
import org.densitylab.quantum.RandomStates;
import org.densitylab.util.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarginalsDatasetTest extends QuietTest {
    private static final long DATA_SEED = 424242L;

    @Test
    void sameBytesWithOneOrTwoThreads() {
        MarginalsDataset.Spec spec = MarginalsDataset.Spec.of(3, 2, 150);
        ChunkBuffers one = MarginalsDataset.generate(spec, DATA_SEED, new ForkJoinPool(1));
        ChunkBuffers two = MarginalsDataset.generate(spec, DATA_SEED, new ForkJoinPool(2));
        assertArrayEquals(one.floats("input"), two.floats("input"));
        assertArrayEquals(one.floats("target"), two.floats("target"));
        assertArrayEquals(one.ints("rank"), two.ints("rank"));
        ChunkBuffers otherSeed = MarginalsDataset.generate(spec, DATA_SEED + 1);
        assertTrue(!java.util.Arrays.equals(one.floats("input"), otherSeed.floats("input")));
    }

    @Test
    void writtenDatasetReadsBackTheSameRecordsWithItsRecipe(@TempDir Path tmp) throws Exception {
        MarginalsDataset.Spec spec = MarginalsDataset.Spec.of(3, 2, 5000);
        Path dir = MarginalsDataset.write(spec, DATA_SEED, tmp.resolve("n3k2"));
        ChunkBuffers mem = MarginalsDataset.generate(spec, DATA_SEED);
        try (Dataset ds = Dataset.open(dir)) {
            assertEquals(5000, ds.records());
            assertArrayEquals(mem.floats("input"), ds.readColumn("input").floats());
            assertArrayEquals(mem.floats("target"), ds.readColumn("target").floats());
            assertArrayEquals(mem.ints("rank"), ds.readColumn("rank").ints());
            assertEquals(DATA_SEED, ds.info().seed());
            assertEquals(3, ds.info().recipe().get("N").getAsInt());
        }
    }

    @Test
    void ranksCoverTheRangeAndTargetsAreStatesOfThatRank() {
        MarginalsDataset.Spec spec = MarginalsDataset.Spec.of(3, 2, 120);
        assertEquals(2, spec.rankMin());
        assertEquals(8, spec.rankMax());
        ChunkBuffers data = MarginalsDataset.generate(spec, DATA_SEED);
        boolean[] seen = new boolean[9];
        for (int i = 0; i < data.capacity(); i++) {
            int r = data.ints("rank")[i];
            assertTrue(r >= 2 && r <= 8, "rank " + r);
            seen[r] = true;
            DensityMatrix rho = DensityMatrix.fromTwoChannel(TestArrays.widen(data.floatRecord("target", i)), QubitOrder.BIG_ENDIAN, 1e-5);
            assertEquals(r, rho.rank(1e-5), "rank of target " + i);
        }
        for (int r = 2; r <= 8; r++) {
            assertTrue(seen[r], "rank " + r + " never drawn in 120 records");
        }
        assertEquals(1, MarginalsDataset.Spec.of(2, 1, 1).rankMin());
        assertEquals(250, MarginalsDataset.Spec.of(8, 7, 1).rankMin());
    }

    @Test
    void inputsHaveTheTargetsMarginalsAndEqualARecomputation() {
        MarginalsDataset.Spec spec = new MarginalsDataset.Spec(4, 3, 1, 16, 40);
        ChunkBuffers data = MarginalsDataset.generate(spec, DATA_SEED);
        for (int i = 0; i < data.capacity(); i++) {
            double[] x = interleave(data.floatRecord("input", i));
            double[] rho = interleave(data.floatRecord("target", i));
            for (int[] j : Marginals.subsets(4, 3)) {
                double err = Oracles.maxAbsDiff(Oracles.partialTraceKeep(x, 4, j), Oracles.partialTraceKeep(rho, 4, j));
                assertTrue(err <= 1e-6, "record " + i + " marginal error " + err);
            }
        }
        for (int i : new int[] {0, 17, 39}) {
            SplittableRandom r = Seeds.forIndex(DATA_SEED, i);
            int rank = 1 + r.nextInt(16);
            DensityMatrix rho = RandomStates.rankR(4, rank, r);
            ComplexMatrix seed = RandomStates.hilbertSchmidt(4, 16, r).matrix();
            ComplexMatrix x = Mio.impose(seed, Marginals.of(rho, 3));
            assertEquals(rank, data.ints("rank")[i]);
            assertArrayEquals(rho.toTwoChannel(), data.floatRecord("target", i));
            assertArrayEquals(twoChannel(x), data.floatRecord("input", i));
        }
    }

    @Test
    void recipeDescribesTheDataset() {
        MarginalsDataset.Spec spec = MarginalsDataset.Spec.of(4, 3, 1000);
        Map<String, Object> m = MarginalsDataset.recipe(spec, 9L);
        assertEquals(4, m.get("N"));
        assertEquals(3, m.get("k"));
        assertEquals(10, m.get("rankMin"));
        assertEquals(16, m.get("rankMax"));
        assertEquals(1000, m.get("size"));
        assertEquals(9L, m.get("seed"));
        assertEquals(List.of(List.of(0, 1, 2), List.of(0, 1, 3), List.of(0, 2, 3), List.of(1, 2, 3)), m.get("subsets"));
        assertTrue(m.containsKey("seedStrategy") && m.containsKey("qubitOrder") && m.containsKey("columns"));
    }

    /** The examples in the Javadoc of {@link Mio} and {@link MarginalsDataset}, verbatim. */
    @Test
    void javadocExamplesRun() {
        SplittableRandom rng = new SplittableRandom(1);
        DensityMatrix rho = RandomStates.rankR(4, 12, rng);                  // target, rank 12
        ComplexMatrix x = Mio.fromState(rho, 3, rng);                        // the paper's MIO input (HS seed)
        ComplexMatrix y = Mio.impose(DensityMatrix.maximallyMixed(4).matrix(), Marginals.of(rho, 3));
        assertEquals(16, x.rows());
        assertEquals(1.0, y.traceRe(), 1e-12);

        MarginalsDataset.Spec spec = MarginalsDataset.Spec.of(4, 3, 1000);   // ranks 10..16
        ChunkBuffers data = MarginalsDataset.generate(spec, 42L);
        float[] input = data.floatRecord("input", 0);   // [2, 16, 16] MIO output
        Map<String, Object> recipe = MarginalsDataset.recipe(spec, 42L);      // for the manifest
        assertEquals(2 * 16 * 16, input.length);
        assertEquals(1000, recipe.get("size"));
    }

    @Test
    void rejectsBadSpecs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MarginalsDataset.Spec(3, 2, 0, 8, 10));
        assertTrue(e.getMessage().contains("0..8"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MarginalsDataset.Spec(3, 2, 2, 9, 10));
        assertTrue(e.getMessage().contains("2..9"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new MarginalsDataset.Spec(3, 2, 5, 4, 10));
        assertTrue(e.getMessage().contains("5..4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MarginalsDataset.Spec.of(3, 2, -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MarginalsDataset.Spec.of(4, 0, 10));
        assertTrue(e.getMessage().contains("k = 0"), e.getMessage());
    }

    /** [2, n, n] two-channel floats to interleaved doubles. */
    private static double[] interleave(float[] f) {
        int dd = f.length / 2;
        double[] x = new double[f.length];
        for (int q = 0; q < dd; q++) {
            x[2 * q] = f[q];
            x[2 * q + 1] = f[dd + q];
        }
        return x;
    }

    private static float[] twoChannel(ComplexMatrix m) {
        double[] x = m.toInterleaved();
        int dd = x.length / 2;
        float[] f = new float[x.length];
        for (int q = 0; q < dd; q++) {
            f[q] = (float) x[2 * q];
            f[dd + q] = (float) x[2 * q + 1];
        }
        return f;
    }
}
