package org.densitylab.data;

import org.densitylab.util.Parallel;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import org.densitylab.QuietTest;
import org.densitylab.TestArrays;
import org.densitylab.entanglement.EntanglementDataset;
import org.densitylab.entanglement.EntanglementRecipes;
import org.densitylab.entanglement.Recipe;
import org.densitylab.entanglement.Variant;
import org.densitylab.data.io.Dataset;
import org.densitylab.data.io.DatasetInfo;
import org.densitylab.data.io.DatasetWriter;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.QubitOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntanglementDatasetTest extends QuietTest {

    @Test
    void tableOneCountsAreThePapers() {
        assertEquals(560_000 + 20_000, EntanglementRecipes.byName("train-verified", 3, Variant.PAPER, 1).count());
        assertEquals(560_000 + 10_000, EntanglementRecipes.byName("train-verified", 3, Variant.REFERENCE_CODE, 1).count());
        assertEquals(560_000, EntanglementRecipes.byName("train-negativity", 3, Variant.PAPER, 1).count());
        assertEquals(56_000, EntanglementRecipes.byName("val-bisep", 3, Variant.PAPER, 1).count());
        assertEquals(30_000, EntanglementRecipes.byName("test-pure", 3, Variant.PAPER, 1).count());
        assertEquals(40_000, EntanglementRecipes.byName("test-mixed", 3, Variant.PAPER, 1).count());
        assertEquals(50_000, EntanglementRecipes.byName("test-mixed", 3, Variant.REFERENCE_CODE, 1).count());
        assertEquals(10_000, EntanglementRecipes.byName("test-upb", 3, Variant.PAPER, 1).count());
        assertEquals(530_000, EntanglementRecipes.byName("train-separable", 3, Variant.PAPER, 1).count());
        assertEquals(33_200, EntanglementRecipes.byName("val-separable", 3, Variant.PAPER, 1).count(), 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntanglementRecipes.byName("train", 3, Variant.PAPER, 1));
        assertTrue(e.getMessage().contains("'train'") && e.getMessage().contains("train-verified"));
        e = assertThrows(IllegalArgumentException.class, () -> EntanglementRecipes.byName("test-pure", 3, Variant.PAPER, 0));
        assertTrue(e.getMessage().contains("scale") && e.getMessage().contains("0.0"));
    }

    @Test
    void recordsAreValidLabelledStatesAndIndependentOfTheThreadCount() {
        Recipe r = EntanglementRecipes.training(3, true, Variant.PAPER, 0.0005);
        ChunkBuffers one = EntanglementDataset.inMemory(r, 11, new ForkJoinPool(1));
        ChunkBuffers two = EntanglementDataset.inMemory(r, 11, new ForkJoinPool(2));
        assertArrayEquals(one.floats("states"), two.floats("states"));
        assertArrayEquals(one.bytes("labels"), two.bytes("labels"));
        int n = (int) r.count();
        int entangledCuts = 0;
        for (int i = 0; i < n; i++) {
            double[] x = TestArrays.widen(one.floatRecord("states", i));
            DensityMatrix rho = DensityMatrix.fromTwoChannel(x, QubitOrder.BIG_ENDIAN, 1e-5);
            double[] neg = rho.negativities();
            int group = one.ints("group")[i];
            boolean maxRank = r.groups().get(group).name().equals("max_rank");
            for (int j = 0; j < 3; j++) {
                byte label = one.bytes("labels")[3 * i + j];
                // float32 storage moves negativities by ~1e-7; compare with the stored float64 value too
                assertEquals(one.doubles("negativity")[3 * i + j], neg[j], 1e-5);
                if (!maxRank) {
                    assertEquals(2 * one.doubles("negativity")[3 * i + j] > 1e-4 ? 1 : 0, label, "record " + i + " cut " + j);
                }
                int truth = one.ints("truth")[3 * i + j];
                if (truth == 1) {
                    assertTrue(neg[j] > 5e-5 || maxRank);
                }
                entangledCuts += label;
            }
        }
        assertTrue(entangledCuts > n / 2 && entangledCuts < 3 * n, "a mix of labels: " + entangledCuts);
    }

    @Test
    void fourQubitRecipesGiveSevenLabelsPerState() {
        Recipe r = EntanglementRecipes.training(4, true, Variant.PAPER, 0.0002);
        ChunkBuffers b = EntanglementDataset.inMemory(r, 3, Parallel.pool());
        int n = (int) r.count();
        assertEquals(n * 2 * 16 * 16, b.floats("states").length);
        assertEquals(n * 7, b.bytes("labels").length);
        for (int i = 0; i < n; i++) {
            DensityMatrix rho = DensityMatrix.fromTwoChannel(TestArrays.widen(b.floatRecord("states", i)), QubitOrder.BIG_ENDIAN, 1e-5);
            double[] neg = rho.negativities();
            for (int j = 0; j < 7; j++) {
                assertEquals(b.doubles("negativity")[7 * i + j], neg[j], 1e-5, "record " + i + " cut " + j);
            }
        }
    }

    @Test
    void writesResumesAndReadsBack(@TempDir Path tmp) throws Exception {
        Recipe r = EntanglementRecipes.pureTest(3, Variant.PAPER, 0.3);
        Path dir = tmp.resolve("pure");
        // an interrupted run: the filler fails after 5,000 records (two chunks committed)
        AtomicInteger calls = new AtomicInteger();
        RecordFiller good = EntanglementDataset.filler(r, 5);
        RecordFiller failing = (index, out, slot) -> {
            if (index >= 2 * DatasetGenerator.CHUNK + 100) {
                throw new IllegalStateException("simulated crash at " + index);
            }
            calls.incrementAndGet();
            good.fill(index, out, slot);
        };
        DatasetInfo info = DatasetInfo.of(r.name(), r.describe(), 5).withConventions(EntanglementDataset.conventions());
        assertThrows(IllegalStateException.class, () -> DatasetGenerator.write(dir, info, EntanglementDataset.columns(3),
                r.count(), failing, Parallel.pool()));
        assertFalse(Files.exists(dir), "nothing published by the failed run");
        assertTrue(Files.exists(DatasetWriter.partialDirectory(dir)));
        EntanglementDataset.write(r, 5, dir);
        ChunkBuffers mem = EntanglementDataset.inMemory(r, 5, Parallel.pool());
        try (Dataset ds = Dataset.open(dir)) {
            assertEquals(r.count(), ds.records());
            assertArrayEquals(mem.floats("states"), ds.readColumn("states").floats());
            assertArrayEquals(mem.bytes("labels"), ds.readColumn("labels").bytes());
            assertEquals("test-pure", ds.info().recipe().get("recipe").getAsString());
            assertTrue(ds.info().conventions().get("qubit_order").startsWith("big-endian"));
        }
        // a different seed is refused when resuming over an existing partial run
        Path dir2 = tmp.resolve("other");
        assertThrows(IllegalStateException.class, () -> DatasetGenerator.write(dir2, info, EntanglementDataset.columns(3),
                r.count(), failing, Parallel.pool()));
        Exception e = assertThrows(Exception.class, () -> EntanglementDataset.write(r, 6, dir2));
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
    }
}
