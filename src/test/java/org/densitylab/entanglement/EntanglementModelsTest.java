package org.densitylab.entanglement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.densitylab.QuietTest;
import org.densitylab.quantum.Bipartitions;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.QubitOrder;
import org.densitylab.util.Parallel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class EntanglementModelsTest extends QuietTest {
    private static LabelledStates pure;

    @BeforeAll
    static void data() {
        // pure states: their labels are exact (a pure state is separable across a cut iff PPT there)
        pure = LabelledStates.of(EntanglementDataset.inMemory(EntanglementRecipes.pureTest(3, Variant.PAPER, 0.05), 4,
                Parallel.pool()), 3);
    }

    @Test
    void thePapersCnnHasItsParameterCount() {
        assertEquals(1_033_891, CnnConfig.paper(3).parameters());
        EntanglementNet net = EntanglementNet.create(CnnConfig.paper(3), EntanglementNet.Kind.CNN, 1e-3, 1);
        assertEquals(1_033_891, net.parameterCount());
        assertEquals(List.of(32, 128, 256), List.of(CnnConfig.paper(3).channels(0), CnnConfig.paper(3).channels(1),
                CnnConfig.paper(3).channels(2)));
        // N = 4: 16x16 input, 13x13 features, 7 outputs
        assertEquals(7, CnnConfig.paper(4).outputs());
        assertEquals(13, CnnConfig.paper(4).featureSide());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CnnConfig(2, 3, 3, 5, 128, 16));
        assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
    }

    @Test
    void predictionsAreProbabilitiesAndBadShapesAreRefused() {
        EntanglementNet net = EntanglementNet.create(CnnConfig.paper(3), EntanglementNet.Kind.SIAMESE, 1e-3, 2);
        INDArray p = net.predict(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 2, 8, 8));
        assertArrayEquals(new long[] {5, 3}, p.shape());
        assertTrue(p.minNumber().doubleValue() > 0 && p.maxNumber().doubleValue() < 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.predict(Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 5, 2, 4, 4)));
        assertTrue(e.getMessage().contains("[batch, 2, 8, 8]") && e.getMessage().contains("[5, 2, 4, 4]"), e.getMessage());
    }

    @Test
    void siameseCopiesArePermutedAndRotatedStatesWithTheirCutMap() {
        int[] idx = {0, 5, 17, 400, 1200};
        SiameseBatch b = SiameseBatch.of(pure, idx, true, 0.5, false, new SplittableRandom(3));
        float[] x = b.states().data().asFloat();
        float[] xp = b.permuted().data().asFloat();
        float[] xl = b.rotated().data().asFloat();
        float[] pm = b.permMatrix().data().asFloat();
        for (int i = 0; i < idx.length; i++) {
            double[] neg = state(x, i).negativities();
            double[] negP = state(xp, i).negativities();
            double[] negL = state(xl, i).negativities();
            // local unitaries keep every negativity; the permutation moves cut map[j] of the original to cut j
            assertArrayEquals(neg, negL, 1e-5);
            for (int j = 0; j < 3; j++) {
                double mapped = 0;
                for (int k = 0; k < 3; k++) {
                    mapped += pm[k * 3 + j] * neg[k];
                }
                assertEquals(mapped, negP[j], 1e-5, "state " + i + " cut " + j);
            }
            assertEquals(state(x, i).purity(), state(xp, i).purity(), 1e-5);
        }
        assertArrayEquals(new float[] {1, 1, 1}, b.permMask().data().asFloat());
    }

    @Test
    void cutMapsForFourQubitsAndTheReferenceMatching() {
        // swapping qubits 0 and 1 of 4: cuts {0},{1},{2},{3},{0,1},{0,2},{0,3} -> {1},{0},{2},{3},{0,1},{1,2}={0,3},{1,3}={0,2}
        assertArrayEquals(new int[] {1, 0, 2, 3, 4, 6, 5}, Bipartitions.permutationMap(4, new int[] {1, 0, 2, 3}));
        // the reference code for the 3-cycle (2,0,1) matches 0<->1 and 1<->2 (docs/papers.md#variants-of-paper-1)
        SiameseBatch b;
        SplittableRandom r = new SplittableRandom(0);
        do {
            b = SiameseBatch.of(pure, new int[] {0}, true, 0.5, true, r);
        } while (!java.util.Arrays.equals(b.permMask().data().asFloat(), new float[] {0, 1, 1})
                || b.permMatrix().getFloat(0, 1) != 1);
        assertEquals(1f, b.permMatrix().getFloat(1, 2));
        assertEquals(0f, b.permMatrix().getFloat(2, 0));
    }

    @Test
    void theCnnLearnsPureStateLabels() throws Exception {
        // a shallower network than the paper's: with PyTorch's initialisation the paper's 8-layer network sits
        // on a plateau for a few hundred steps before it learns (negligible over the paper's 87,000 steps)
        TrainingOptions o = new TrainingOptions(6, 32, 1e-3, 99, 0, false, 1, 100);
        Trainer.Result r = Trainer.train(new CnnConfig(3, 2, 2, 1, 64, 16), EntanglementNet.Kind.CNN, pure, List.of(pure), o, null);
        Evaluation.Accuracy a = Evaluation.of(r.best(), pure);
        assertTrue(a.mean() > 75, "accuracy after 600 steps: " + a.mean());
        assertTrue(r.history().get(5).valBce()[0] < r.history().get(0).valBce()[0], "validation BCE falls");
        // pure states' labels are their true status
        assertEquals(100.0, a.knownShare() * 100, 1e-9);
        assertEquals(a.mean(), a.meanTruth(), 1e-9);
    }

    @Test
    void aResumedRunCanContinueWithAnotherLearningRate(@TempDir Path tmp) throws Exception {
        TrainingOptions one = new TrainingOptions(1, 32, 1e-3, 1, 0.5, false, 9, 4);
        Trainer.train(CnnConfig.paper(3), EntanglementNet.Kind.CNN, pure, List.of(pure), one, tmp);
        EntanglementNet before = Trainer.load(tmp.resolve("last.ckpt"), CnnConfig.paper(3), EntanglementNet.Kind.CNN);
        // an epoch at a learning rate of 1e-12 leaves the weights where they were (Adam's step is about lr)
        Trainer.Result slow = Trainer.train(CnnConfig.paper(3), EntanglementNet.Kind.CNN, pure, List.of(pure),
                one.withEpochs(2).withLearningRate(1e-12), tmp);
        assertEquals(List.of(1e-3, 1e-12), slow.history().stream().map(Trainer.Epoch::learningRate).toList());
        EntanglementNet after = Trainer.load(tmp.resolve("last.ckpt"), CnnConfig.paper(3), EntanglementNet.Kind.CNN);
        INDArray x = Nd4j.create(java.util.Arrays.copyOf(pure.states(), 10 * 128), new long[] {10, 2, 8, 8}, 'c');
        assertTrue(before.predict(x).sub(after.predict(x)).amaxNumber().doubleValue() < 1e-6, "weights unchanged at lr 1e-12");
        // while a third epoch at the original rate moves them
        Trainer.train(CnnConfig.paper(3), EntanglementNet.Kind.CNN, pure, List.of(pure), one.withEpochs(3), tmp);
        EntanglementNet moved = Trainer.load(tmp.resolve("last.ckpt"), CnnConfig.paper(3), EntanglementNet.Kind.CNN);
        assertTrue(after.predict(x).sub(moved.predict(x)).amaxNumber().doubleValue() > 1e-4, "weights move at lr 1e-3");
        assertEquals(1e-3, moved.learningRate(), 0);
    }

    @Test
    void resumedTrainingEqualsUninterruptedTraining(@TempDir Path tmp) throws Exception {
        TrainingOptions two = new TrainingOptions(2, 32, 1e-3, 1, 0.5, false, 9, 4);
        Trainer.Result straight = Trainer.train(CnnConfig.paper(3), EntanglementNet.Kind.SIAMESE, pure, List.of(pure), two, tmp.resolve("a"));
        Trainer.train(CnnConfig.paper(3), EntanglementNet.Kind.SIAMESE, pure, List.of(pure), two.withEpochs(1), tmp.resolve("b"));
        Trainer.Result resumed = Trainer.train(CnnConfig.paper(3), EntanglementNet.Kind.SIAMESE, pure, List.of(pure), two, tmp.resolve("b"));
        assertEquals(2, resumed.history().size());
        INDArray x = Nd4j.create(java.util.Arrays.copyOf(pure.states(), 10 * 128), new long[] {10, 2, 8, 8}, 'c');
        Trainer.Result last = resumed;
        EntanglementNet a = Trainer.load(tmp.resolve("a").resolve("last.ckpt"), CnnConfig.paper(3), EntanglementNet.Kind.SIAMESE);
        EntanglementNet b = Trainer.load(tmp.resolve("b").resolve("last.ckpt"), CnnConfig.paper(3), EntanglementNet.Kind.SIAMESE);
        assertTrue(a.predict(x).sub(b.predict(x)).amaxNumber().doubleValue() < 1e-5, "same weights after resuming");
        assertEquals(straight.bestEpoch(), last.bestEpoch());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.train(CnnConfig.paper(3),
                EntanglementNet.Kind.CNN, pure, List.of(pure), two, tmp.resolve("a")));
        assertTrue(e.getMessage().contains("network: SIAMESE") && e.getMessage().contains("→ CNN"), e.getMessage());
        Files.writeString(tmp.resolve("a").resolve("last.ckpt"), "not a model");
        Exception c = assertThrows(java.io.IOException.class, () -> Trainer.load(tmp.resolve("a").resolve("last.ckpt"),
                CnnConfig.paper(3), EntanglementNet.Kind.SIAMESE));
        assertTrue(c.getMessage().contains("is damaged") && c.getMessage().contains(tmp.resolve("a").resolve("last.ckpt").toString()),
                c.getMessage());
        Exception m = assertThrows(java.io.IOException.class, () -> Trainer.load(tmp.resolve("b").resolve("last.ckpt"),
                new CnnConfig(3, 2, 2, 5, 128, 16), EntanglementNet.Kind.SIAMESE));
        assertTrue(m.getMessage().contains("does not match"), m.getMessage());
    }

    private static DensityMatrix state(float[] x, int i) {
        double[] d = new double[128];
        for (int k = 0; k < 128; k++) {
            d[k] = x[i * 128 + k];
        }
        return DensityMatrix.fromTwoChannel(d, QubitOrder.BIG_ENDIAN, 1e-5);
    }
}
