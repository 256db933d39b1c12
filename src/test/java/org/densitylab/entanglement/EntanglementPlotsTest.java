package org.densitylab.entanglement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class EntanglementPlotsTest extends QuietTest {
    private static Table run(double acin, double mean) {
        Table t = Table.create("ablation", IntColumn.create("convolutions", new int[] {3}), IntColumn.create("kernel", new int[] {2}));
        for (String c : EntanglementExperiment.COLUMNS) {
            t.addColumns(DoubleColumn.create(c, c.equals("Acín") ? acin : 90.0));
        }
        return t.addColumns(DoubleColumn.create("mean", mean));
    }

    @Test
    void severalSeedsGiveMeanAndSampleSdAndErrorBars() {
        List<Table> runs = List.of(run(20, 79), run(22, 81), run(24, 80));
        Table t = EntanglementPlots.ablationTable(runs);
        assertEquals(3, t.intColumn("seeds").getInt(0));
        assertEquals("3 conv, 2\u00d72", t.stringColumn("architecture").get(0));
        assertEquals("22 \u00b1 2", t.stringColumn("Acín").get(0), "mean 22, sample SD sqrt(8/2) = 2");
        assertEquals("80 \u00b1 1", t.stringColumn("mean").get(0));
        assertEquals("90 \u00b1 0", t.stringColumn("Pure").get(0));
        var chart = EntanglementPlots.ablation(runs);
        var bars = chart.getSeriesMap().get("3 conv, 2\u00d72 (ours, 3 seeds)");
        assertEquals(2.0, List.copyOf(bars.getExtraValues()).get(4).doubleValue(), 1e-12);
        assertEquals(1.0, List.copyOf(bars.getExtraValues()).get(5).doubleValue(), 1e-12);
        assertEquals("90", EntanglementPlots.ablationTable(List.of(run(20, 79))).stringColumn("Pure").get(0), "one seed: no ± SD");
        assertThrows(IllegalArgumentException.class, () -> EntanglementPlots.ablation(List.of()));
    }

    @Test
    void theComparisonPutsThePapersTableIiBesideOurs() {
        Table result = Table.create("r", tech.tablesaw.api.StringColumn.create("model", "CNN", "CNN"),
                tech.tablesaw.api.StringColumn.create("test set", "Pure", "Mixed"), DoubleColumn.create("accuracy", 97.62, 86.29),
                DoubleColumn.create("paper", 97.40, 86.39));
        Table c = EntanglementPlots.comparison(result);
        assertEquals(List.of("ours", "paper", "difference"), c.stringColumn("source").asList());
        assertEquals(86.29 - 86.39, c.doubleColumn("Mixed").getDouble(2), 1e-12);
        assertEquals(true, c.doubleColumn("UPB").isMissing(0), "a test set without result stays empty");
    }

    @Test
    void theReferenceCodesCutMapsDifferOnlyForTheThreeCycleItRealisesAsASwap() {
        Table t = Permutations.cutMaps();
        assertEquals(5, t.rowCount());
        for (int r = 0; r < 5; r++) {
            boolean same = t.stringColumn(0).get(r).equals(t.stringColumn(2).get(r));
            assertEquals(!t.stringColumn(0).get(r).equals("[2, 0, 1]"), same, t.row(r).toString());
        }
        assertEquals("[2, 1, 0]", t.stringColumn(2).get(3), "(2,0,1) is realised as SWAP(0,2)");
    }
}
