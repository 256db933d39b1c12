package org.densitylab.entanglement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.densitylab.QuietTest;
import org.densitylab.data.io.ColumnSpec;
import org.densitylab.data.io.Dataset;
import org.densitylab.data.io.DatasetInfo;
import org.densitylab.data.io.DatasetWriter;
import org.densitylab.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14's defects of the entanglement experiment's runs, each reproduced on a tiny run. */
class EntanglementRunTest extends QuietTest {
    @TempDir
    Path tmp;

    private static EntanglementExperiment.Settings settings(boolean verified, int epochs, long seed, Path data, Path out) {
        TrainingOptions o = TrainingOptions.shortened(epochs, seed).withMaxBatches(1);
        return new EntanglementExperiment.Settings(verified, 0.001, 0.001, o, List.of(EntanglementNet.Kind.CNN), Variant.PAPER,
                data, out, CnnConfig.paper(3));
    }

    @Test
    void otherLabelsAreRefusedNamingTheFieldMoreEpochsResumeAndAnotherSeedGetsItsOwnDatasets() throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("out");
        EntanglementExperiment.run(settings(true, 2, 1, data, out));
        // a Table III on the verified-trained folder: refused naming the field, before generating the negativity set
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EntanglementExperiment.run(settings(false, 2, 1, data, out)));
        assertTrue(e.getMessage().contains("labels: verified → negativity"), e.getMessage());
        try (var d = Files.list(data)) {
            assertTrue(d.noneMatch(p -> p.getFileName().toString().startsWith("train-negativity")), "no dataset generated");
        }
        // more epochs (the λ switch derived from them moves from epoch 1 to 2): resumed, and recorded
        EntanglementExperiment.run(settings(true, 4, 1, data, out));
        assertTrue(RunFolder.read(out).extensions().stream().anyMatch(x -> x.endsWith("epochs: 2 → 4")));
        assertTrue(RunFolder.read(out).extensions().stream().anyMatch(x -> x.endsWith("lambda-from-epoch: 1 → 2")));
        List<String> history = Files.readAllLines(out.resolve("checkpoints/cnn/history.csv"));
        assertEquals(5, history.size(), "header + 4 epochs");
        assertTrue(history.get(1).startsWith("1,0.00,") && history.get(2).startsWith("2,0.500,")
                && history.get(4).startsWith("4,0.500,"), "λ per epoch, as trained: " + history);
        // another seed with the shared data folder: datasets of its own seed
        Path out2 = tmp.resolve("out2");
        EntanglementExperiment.run(settings(true, 1, 2, data, out2));
        try (Dataset a = Dataset.open(data.resolve("train-verified-x0.001-s1"));
                Dataset b = Dataset.open(data.resolve("train-verified-x0.001-s2"))) {
            assertEquals(1, a.info().seed());
            assertEquals(2, b.info().seed());
        }
        String p2 = Files.readString(out2.resolve("provenance.json"));
        assertTrue(p2.contains("\"seed\": \"2\""), p2);
    }

    @Test
    void nonFiniteStatesAndWeightsAreCaughtWhereTheyEnter() throws Exception {
        // a dataset with valid checksums but a NaN state
        Path dir = tmp.resolve("nan");
        List<ColumnSpec> cols = EntanglementDataset.columns(3);
        float[] states = new float[2 * 2 * 64];
        states[128 + 5] = Float.NaN;
        try (DatasetWriter w = DatasetWriter.create(dir, DatasetInfo.of("nan", java.util.Map.of("recipe", "nan"), 1), cols)) {
            w.append(org.densitylab.data.io.Chunk.of(2).with("states", states).with("labels", new byte[6])
                    .with("negativity", new double[6]).with("truth", new int[6]).with("group", new int[2]));
            w.commit();
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledStates.load(dir));
        assertTrue(e.getMessage().contains(dir.resolve("states.npy").toString()) && e.getMessage().contains("record 1")
                && e.getMessage().contains("non-finite"), e.getMessage());
        // a checkpoint with valid structure but NaN weights
        LabelledStates pure = LabelledStates.of(EntanglementDataset.inMemory(EntanglementRecipes.byName("test-pure", 3,
                Variant.PAPER, 0.02), 1, org.densitylab.util.Parallel.pool()), 3);
        Path ckpt = tmp.resolve("ckpt");
        TrainingOptions o = TrainingOptions.shortened(1, 1).withMaxBatches(1);
        Trainer.train(CnnConfig.paper(3), EntanglementNet.Kind.CNN, pure, List.of(pure), o, ckpt);
        var entries = new java.util.LinkedHashMap<>(org.densitylab.run.Checkpoints.read(ckpt.resolve("last.ckpt")));
        EntanglementNet net = Trainer.load(ckpt.resolve("last.ckpt"), CnnConfig.paper(3), EntanglementNet.Kind.CNN);
        org.densitylab.nn.Graphs.parameters(net.graph()).values().iterator().next().assign(Float.NaN);
        entries.put("model.sd", org.densitylab.nn.Graphs.toBytes(net.graph()));
        Path bad = tmp.resolve("bad.ckpt");
        org.densitylab.run.Checkpoints.write(bad, entries);
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class,
                () -> Trainer.load(bad, CnnConfig.paper(3), EntanglementNet.Kind.CNN));
        assertTrue(w.getMessage().contains(bad.toString()) && w.getMessage().contains("non-finite"), w.getMessage());
        // a loss that overflows stops training naming the step, the batch and the data
        IllegalStateException l = assertThrows(IllegalStateException.class, () -> Trainer.train(CnnConfig.paper(3),
                EntanglementNet.Kind.CNN, pure, List.of(pure), o.withLearningRate(1e30), null));
        assertTrue(l.getMessage().contains("step") && l.getMessage().contains("batch") && l.getMessage().contains("states in memory"),
                l.getMessage());
    }
}
