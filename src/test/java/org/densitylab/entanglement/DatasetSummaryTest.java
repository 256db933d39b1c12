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
}
