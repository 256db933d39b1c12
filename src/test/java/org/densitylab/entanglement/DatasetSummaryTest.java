package org.densitylab.entanglement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class DatasetSummaryTest extends QuietTest {

    @Test
    void countsGroupsLabelsAndWrongLabelsOfTheUpbSet(@TempDir Path tmp) throws Exception {
        Recipe recipe = EntanglementRecipes.byName("test-upb", 3, Variant.PAPER, 0.01);
        Path dir = EntanglementDataset.write(recipe, 4, tmp.resolve("upb"));
        Table t = DatasetSummary.of(dir);
        assertEquals(recipe.groups().size() + 1, t.rowCount());
        int all = t.rowCount() - 1;
        assertEquals("all", t.stringColumn("group").get(all));
        assertEquals(recipe.count(), t.longColumn("states").get(all));
        // UPB: labelled entangled on every cut (the paper's labels) but separable on every cut (docs/papers.md#labels)
        assertEquals(100.0, t.doubleColumn("entangled cuts %").get(all));
        assertEquals(100.0, t.doubleColumn("label ≠ truth %").get(all));
    }

    @Test
    void sharesOfEntangledCutsMatchTheLabels(@TempDir Path tmp) throws Exception {
        Path dir = EntanglementDataset.write(EntanglementRecipes.byName("test-pure", 3, Variant.PAPER, 0.01), 5, tmp.resolve("pure"));
        LabelledStates s = LabelledStates.load(dir);
        double entangled = 0;
        for (byte b : s.labels()) {
            entangled += b;
        }
        Table t = DatasetSummary.of(dir);
        assertEquals(Math.round(1e4 * entangled / s.labels().length) / 100.0, t.doubleColumn("entangled cuts %").get(t.rowCount() - 1), 1e-9);
    }

    @Test
    void theInMemorySummaryEqualsTheOneReadFromDisk(@TempDir Path tmp) throws Exception {
        Recipe recipe = EntanglementRecipes.byName("train-verified", 3, Variant.PAPER, 0.0005);
        Table disk = DatasetSummary.of(EntanglementDataset.write(recipe, 6, tmp.resolve("v")));
        Table memory = DatasetSummary.of(recipe, EntanglementDataset.inMemory(recipe, 6, org.densitylab.util.Parallel.pool()));
        assertEquals(disk.print(100), memory.print(100));
        var sets = EntanglementDataset.writeAll(tmp, Variant.PAPER, 0.0005, 6, java.util.List.of("test-upb"));
        assertEquals(java.util.List.of("test-upb"), java.util.List.copyOf(sets.keySet()));
        assertEquals("test-upb", DatasetSummary.overview(sets).stringColumn("group").get(0));
    }

    @Test
    void negativitiesPerCutOfNamedStates() {
        var named = new java.util.LinkedHashMap<String, org.densitylab.quantum.DensityMatrix>();
        named.put("GHZ", org.densitylab.quantum.States.ghz(3).toDensityMatrix());
        named.put("|000>", org.densitylab.quantum.States.zero(3).toDensityMatrix());
        Table t = DatasetSummary.negativities(named);
        assertEquals(java.util.List.of("{0}|{1,2}", "{1}|{0,2}", "{2}|{0,1}"), t.stringColumn("cut").asList());
        for (int c = 0; c < 3; c++) {
            assertEquals(0.5, t.doubleColumn("GHZ").getDouble(c), 1e-12, "GHZ: 1/2 on every cut");
            assertEquals(0.0, t.doubleColumn("|000>").getDouble(c), 1e-12);
        }
    }

    @Test
    void sampledStateIDependsOnlyOnTheSeedAndI() {
        Table ten = DatasetSummary.sample(10, 7);
        Table four = DatasetSummary.sample(4, 7);
        for (int r = 0; r < 4; r++) {
            assertEquals(four.row(r).toString(), ten.row(r).toString());
        }
        for (int r = 0; r < ten.rowCount(); r++) {
            double max = ten.doubleColumn("max negativity").getDouble(r);
            assertEquals(max > 5e-5 ? "entangled" : "separable/PPT", ten.stringColumn("label").get(r));
            if (ten.stringColumn("source").get(r).equals("GHZ")) {
                assertEquals(0.5, max, 1e-9, "GHZ-class states are maximally entangled across every cut");
            }
        }
    }
}
