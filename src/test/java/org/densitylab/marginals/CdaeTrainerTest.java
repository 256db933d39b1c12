package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CdaeTrainerTest extends QuietTest {
    @TempDir
    Path tmp;

    private static TrainingData data(int size, long seed) {
        MarginalsDataset.Spec spec = MarginalsDataset.Spec.of(3, 2, size);
        return TrainingData.of(MarginalsDataset.generate(spec, seed), size);
    }

    private static CdaeTrainer.Config small(int batch, int validation, double lr) {
        return new CdaeTrainer.Config(3, 1, CdaeLoss.Spec.model1(2), lr, batch, validation, 17L, Set.of());
    }

    @Test
    void lossFallsOnATinyFixedBatch() {
        CdaeTrainer t = CdaeTrainer.open(small(20, 0, 1e-3), tmp.resolve("run"));
        List<Checkpoint.Epoch> h = t.train(data(20, 3L), 40);
        double first = h.get(0).loss();
        double last = h.get(h.size() - 1).loss();
        assertTrue(last < 0.3 * first, "loss " + first + " -> " + last);
        assertTrue(h.get(h.size() - 1).marginal() < h.get(0).marginal(), "marginal term falls too");
    }

    @Test
    void resumedTrainingEqualsAnUninterruptedRun() throws Exception {
        TrainingData d = data(40, 4L);
        CdaeTrainer a = CdaeTrainer.open(small(20, 20, 1e-3), tmp.resolve("a"));
        a.train(d, 2);
        CdaeTrainer.open(small(20, 20, 1e-3), tmp.resolve("b")).train(d, 1);
        CdaeTrainer c = CdaeTrainer.open(small(20, 20, 1e-3), tmp.resolve("b"));
        assertEquals(1, c.epoch());
        c.train(d, 2);
        for (Map.Entry<String, INDArray> e : a.network().parameters().entrySet()) {
            assertEquals(e.getValue(), c.network().parameters().get(e.getKey()), e.getKey());
        }
        assertEquals(a.history().get(1).loss(), c.history().get(1).loss(), 0.0);
        assertEquals(a.history().get(1).valFidelity(), c.history().get(1).valFidelity(), 0.0);
        assertTrue(Files.exists(tmp.resolve("b/last.ckpt")));
        try (var files = Files.list(tmp.resolve("b"))) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void mismatchedCheckpointIsRejectedWithBothConfigurations() {
        CdaeTrainer.open(small(20, 0, 1e-3), tmp.resolve("m")).train(data(20, 5L), 1);
        CdaeTrainer.Config other = new CdaeTrainer.Config(4, 1, CdaeLoss.Spec.model1(3), 1e-3, 20, 0, 17L, Set.of());
        String msg = assertThrows(IllegalArgumentException.class, () -> CdaeTrainer.open(other, tmp.resolve("m"))).getMessage();
        assertTrue(msg.contains("network: CDAE N=3 S=1 → CDAE N=4 S=1") && msg.contains("k: 2 → 3"), msg);
        CdaeTrainer.Config model2 = new CdaeTrainer.Config(3, 1, CdaeLoss.Spec.model2(2), 1e-3, 20, 0, 17L, Set.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CdaeTrainer.open(model2, tmp.resolve("m")))
                .getMessage().contains("model2"));
        CdaeTrainer.Config wide = new CdaeTrainer.Config(3, 2, CdaeLoss.Spec.model1(2), 1e-3, 20, 0, 17L, Set.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CdaeTrainer.open(wide, tmp.resolve("m")))
                .getMessage().contains("S=1 → CDAE N=3 S=2"));
    }

    @Test
    void frozenLayersDoNotMove() {
        CdaeTrainer t = CdaeTrainer.open(small(20, 0, 1e-3).withFrozenLayers(Cdae.ENCODER), tmp.resolve("f"));
        INDArray e0 = t.network().parameters().get("e0_W").dup();
        INDArray d6 = t.network().parameters().get("d6_W").dup();
        t.train(data(20, 6L), 1);
        assertEquals(e0, t.network().parameters().get("e0_W"));
        assertTrue(!d6.equals(t.network().parameters().get("d6_W")));
    }

    @Test
    void transferLearningStartsTheNextSizeFromTheCheckpointWithTheEncoderFrozen() throws Exception {
        CdaeTrainer.open(small(20, 0, 1e-3), tmp.resolve("n3")).train(data(20, 8L), 1);
        Cdae from3 = Checkpoint.read(tmp.resolve("n3/last.ckpt")).network(4);
        CdaeTrainer.Config cfg4 = new CdaeTrainer.Config(4, 1, CdaeLoss.Spec.model1(3), 1e-3, 10, 0, 17L, Set.of())
                .withFrozenLayers(Cdae.ENCODER);
        CdaeTrainer t4 = CdaeTrainer.open(cfg4, tmp.resolve("n4"), from3);
        assertEquals(from3.parameters().get("d4_W"), t4.network().parameters().get("d4_W"), "weights carried over");
        MarginalsDataset.Spec spec4 = MarginalsDataset.Spec.of(4, 3, 10);
        t4.train(TrainingData.of(MarginalsDataset.generate(spec4, 9L), 10), 1);
        assertEquals(from3.parameters().get("e3_W"), t4.network().parameters().get("e3_W"), "encoder frozen");
        assertTrue(!from3.parameters().get("d2_W").equals(t4.network().parameters().get("d2_W")), "decoder trained");
        String msg = assertThrows(IllegalArgumentException.class, () -> t4.train(data(20, 8L), 2)).getMessage();
        assertTrue(msg.contains("N=4 needs 2 x 16 x 16"), msg);
    }

    @Test
    void onDiskDataGiveTheSameRecordsAsInMemory() throws Exception {
        MarginalsDataset.Spec spec = MarginalsDataset.Spec.of(3, 2, 30);
        Path dir = MarginalsDataset.write(spec, 12L, tmp.resolve("ds"));
        try (org.densitylab.data.io.Dataset ds = org.densitylab.data.io.Dataset.open(dir)) {
            TrainingData disk = TrainingData.of(ds);
            TrainingData mem = TrainingData.of(MarginalsDataset.generate(spec, 12L), 30);
            assertEquals(30, disk.size());
            float[][] a = {new float[128], new float[128]};
            float[][] b = {new float[128], new float[128]};
            disk.read(17, a[0], a[1], 0);
            mem.read(17, b[0], b[1], 0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(b[0], a[0]);
            org.junit.jupiter.api.Assertions.assertArrayEquals(b[1], a[1]);
        }
    }

    @Test
    void plateauSchedulerFollowsPyTorch() {
        PlateauScheduler s = PlateauScheduler.pytorchDefaults(1e-4);
        s = s.step(1.0);                                  // improvement over +inf
        for (int i = 0; i < 10; i++) {
            s = s.step(0.99995);                          // not better than 1 * (1 - 1e-4)
        }
        assertEquals(1e-4, s.lr(), 0.0);
        assertEquals(10, s.badEpochs());
        s = s.step(1.0);                                  // 11th bad epoch > patience 10
        assertEquals(1e-5, s.lr(), 1e-20);
        assertEquals(0, s.badEpochs());
        assertEquals(0, s.step(0.5).badEpochs());
    }

    @Test
    void firstAdamStepIsTheLearningRateTimesTheSign() {
        INDArray p = Nd4j.createFromArray(1.0f, 2.0f, -3.0f);
        Map<String, INDArray> params = Map.of("p", p);
        Adam adam = new Adam(params);
        adam.update(params, Map.of("p", Nd4j.createFromArray(0.5f, -2.0f, 1e-3f)), 0.1, Set.of());
        // m_hat = g, v_hat = g^2: step = lr g / (|g| + eps)
        assertEquals(0.9, p.getDouble(0), 1e-6);
        assertEquals(2.1, p.getDouble(1), 1e-6);
        assertEquals(-3.1, p.getDouble(2), 1e-5);
    }
}
