package org.densitylab.entanglement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class EntanglementExperimentTest extends QuietTest {

    @Test
    void aTinyRunWithTheEnsembleWritesTablesFigureAndRoutingAndResumes(@TempDir Path tmp) throws Exception {
        TrainingOptions options = TrainingOptions.shortened(2, 3).withMaxBatches(2).withLambdaFromEpoch(1);
        var schedule = new EntanglementExperiment.EnsembleSchedule(1, TrainingOptions.shortened(1, 3).withMaxBatches(1)
                .withLambdaFromEpoch(0), true);
        var s = new EntanglementExperiment.Settings(true, 0.002, 0.002, options, List.of(EntanglementNet.Kind.SIAMESE),
                Variant.PAPER, tmp.resolve("data"), tmp.resolve("out"), CnnConfig.paper(3), schedule);
        Table t = EntanglementExperiment.run(s);
        List<String> models = List.copyOf(new java.util.LinkedHashSet<>(t.stringColumn("model").asList()));
        assertEquals(List.of("Siamese CNN", "Ensemble", "PPT criterion", "realignment criterion"), models);
        Table ensemble = t.where(t.stringColumn("model").isEqualTo("Ensemble"));
        assertEquals(EntanglementExperiment.COLUMNS, ensemble.stringColumn("test set").asList());
        for (int i = 0; i < ensemble.rowCount(); i++) {
            double a = ensemble.doubleColumn("accuracy").getDouble(i);
            assertTrue(a >= 0 && a <= 100, "accuracy " + a);
            assertEquals(EntanglementExperiment.TABLE_II.get("Ensemble")[i], ensemble.doubleColumn("paper").getDouble(i));
        }
        Path out = tmp.resolve("out");
        for (String f : List.of("results.csv", "table.html", "accuracy.png", "separator.png", "routing.csv",
                "consistency.csv", "checkpoints/separator/best.ckpt", "checkpoints/separator/last.ckpt", "provenance.json")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        // the routing counts every test state once
        Table routing = Table.read().csv(out.resolve("routing.csv").toFile());
        for (int r = 0; r < routing.rowCount(); r++) {
            int n = 0;
            for (int i = 0; i < Ensemble.MEMBERS; i++) {
                n += routing.intColumn("member " + i).getInt(r);
            }
            String set = routing.stringColumn("test set").get(r);
            assertEquals(LabelledStates.load(tmp.resolve("data").resolve(set + "-x0.002-s" + (3 + 10 + EntanglementExperiment.TESTS.indexOf(set)))).size(), n, set);
        }
        // the consistency table: the network and the PPT criterion, which is invariant up to float32 rounding
        Table consistency = Table.read().csv(out.resolve("consistency.csv").toFile());
        assertEquals(List.of("Siamese CNN", "PPT criterion"), consistency.stringColumn("predictor").asList());
        assertTrue(consistency.numberColumn("LU |Δp|").getDouble(0) > 0, "a barely trained network is not LU invariant");
        assertTrue(consistency.numberColumn("LU flips %").getDouble(1) < 5, "PPT decisions flip only at the threshold");
        assertEquals(100, consistency.numberColumn("accuracy %").getDouble(1), 1e-9, "the mixed test set is labelled by negativity");
        // a rerun resumes every checkpoint and reproduces the table
        Table again = EntanglementExperiment.run(s);
        assertEquals(t.doubleColumn("accuracy").asList(), again.doubleColumn("accuracy").asList());
        assertEquals(1, ensembleFolders(out), "the members were resumed, not trained again");
        // more epochs of the Siamese network (its selected weights change): new members from it, the old ones kept
        var longer = new EntanglementExperiment.Settings(true, 0.002, 0.002, options.withEpochs(3), List.of(EntanglementNet.Kind.SIAMESE),
                Variant.PAPER, tmp.resolve("data"), out, CnnConfig.paper(3), schedule);
        EntanglementExperiment.run(longer);
        assertEquals(2, ensembleFolders(out));
    }

    private static long ensembleFolders(Path out) throws java.io.IOException {
        try (var d = Files.list(out.resolve("checkpoints"))) {
            return d.filter(p -> p.getFileName().toString().startsWith("ensemble-")).count();
        }
    }

    @Test
    void theAblationCoversFigureA1AndItsChartShowsTheMeans() {
        List<CnnConfig> configs = EntanglementExperiment.ablationConfigs(3);
        assertEquals(5, configs.size());
        assertTrue(configs.contains(CnnConfig.paper(3)), "the paper's architecture is one of them");
        Table t = Table.create("ablation", tech.tablesaw.api.IntColumn.create("convolutions", 2, 3),
                tech.tablesaw.api.IntColumn.create("kernel", 4, 2));
        double[][] acc = {{96, 97}, {84, 85}, {83, 88}, {92, 97}, {42, 23}};
        for (int i = 0; i < acc.length; i++) {
            t.addColumns(tech.tablesaw.api.DoubleColumn.create(EntanglementExperiment.COLUMNS.get(i), acc[i]));
        }
        t.addColumns(tech.tablesaw.api.DoubleColumn.create("mean", 79.4, 78));
        var chart = EntanglementExperiment.ablationChart(t);
        var ours = chart.getSeriesMap().get("3 conv, 2\u00d72 (ours)");
        assertEquals(List.of("Pure", "Mixed", "Horodecki", "UPB", "Acín", "mean"), List.copyOf((java.util.Collection<?>) ours.getXData()));
        assertEquals(List.of(97.0, 85.0, 88.0, 97.0, 23.0, 78.0), List.copyOf((java.util.Collection<?>) ours.getYData()));
        assertEquals(null, ours.getExtraValues(), "one seed: no error bars");
        var paper = chart.getSeriesMap().get("3 conv, 2\u00d72 (paper, Table II CNN)");
        double[] expected = {97.40, 86.39, 83.01, 88.85, 57.45, (97.40 + 86.39 + 83.01 + 88.85 + 57.45) / 5};
        int i = 0;
        for (Object y : (java.util.Collection<?>) paper.getYData()) {
            assertEquals(expected[i++], ((Number) y).doubleValue(), 1e-9, "the paper's CNN (Table II) and its mean");
        }
    }
}
