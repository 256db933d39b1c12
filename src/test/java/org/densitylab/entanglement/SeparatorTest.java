package org.densitylab.entanglement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.densitylab.QuietTest;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.util.Parallel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SeparatorTest extends QuietTest {

    @Test
    void hasTheReferenceParameterCount() {
        // 3.6 MB of float64 in the reference weights file: 1,584 + 81 + 1,776 + 1,776 + 3·4·(192·192 + 192)
        assertEquals(449_889, Separator.create(1e-3, 1).parameterCount());
    }

    @Test
    void reconstructionIsTheMeanOfTheKroneckerProductsOfTheFactors() {
        Separator s = Separator.create(1e-3, 2);
        INDArray x = Nd4j.rand(DataType.FLOAT, 3, 2, 8, 8);
        Map<String, INDArray> parts = s.parts(x);
        INDArray m = s.measure(x);
        for (int b = 0; b < 3; b++) {
            ComplexMatrix rec = ComplexMatrix.zeros(8, 8);
            for (int c = 0; c < Separator.TERMS; c++) {
                rec = rec.plus(factor(parts.get("A"), b, c).kron(factor(parts.get("B"), b, c)).kron(factor(parts.get("C"), b, c)));
            }
            rec = rec.scale(1.0 / Separator.TERMS);
            double l1 = 0;
            for (int i = 0; i < 8; i++) {
                for (int j = 0; j < 8; j++) {
                    double re = parts.get(Separator.RECONSTRUCTION).getDouble(b, 0, i, j);
                    double im = parts.get(Separator.RECONSTRUCTION).getDouble(b, 1, i, j);
                    assertEquals(rec.re(i, j), re, 1e-5);
                    assertEquals(rec.im(i, j), im, 1e-5);
                    l1 += Math.abs(re - x.getDouble(b, 0, i, j)) + Math.abs(im - x.getDouble(b, 1, i, j));
                }
            }
            assertEquals(l1 / 128, m.getDouble(b), 1e-6);
        }
    }

    private static ComplexMatrix factor(INDArray f, int b, int c) {
        double[] v = new double[8];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                v[2 * (2 * i + j)] = f.getDouble(b, c, i, j);
                v[2 * (2 * i + j) + 1] = f.getDouble(b, Separator.TERMS + c, i, j);
            }
        }
        return ComplexMatrix.ofInterleaved(2, 2, v);
    }

    @Test
    void trainingOnProductStatesLowersM() {
        LabelledStates products = LabelledStates.of(EntanglementDataset.inMemory(
                EntanglementRecipes.pureTest(3, Variant.PAPER, 0.05), 3, Parallel.pool()), 3);
        INDArray x = Nd4j.create(java.util.Arrays.copyOf(products.states(), 256 * 128), new long[] {256, 2, 8, 8}, 'c');
        Separator s = Separator.create(1e-3, 3);
        double before = s.measure(x).meanNumber().doubleValue();
        for (int step = 0; step < 150; step++) {
            s.fit(x.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(step % 4 * 64, step % 4 * 64 + 64)));
        }
        double after = s.measure(x).meanNumber().doubleValue();
        assertTrue(after < 0.5 * before, "mean M " + before + " -> " + after);
    }

    @Test
    void trainingWritesACheckpointAndBoxPlotsPerFamily(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        LabelledStates sep = LabelledStates.of(EntanglementDataset.inMemory(
                EntanglementRecipes.byName("train-separable", 3, Variant.PAPER, 0.002), 5, Parallel.pool()), 3);
        Separator s = Separator.create(1e-3, 4);
        double[] history = s.train(sep, sep, 2, 64, 6, tmp);
        assertTrue(history[1] < history[0] * 1.05, java.util.Arrays.toString(history));
        assertTrue(java.nio.file.Files.size(tmp.resolve("best.ckpt")) > 1_000_000);
        var chart = s.distribution(Map.of("separable", sep));
        assertEquals(1, chart.getSeriesMap().size());
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.measureAll(
                LabelledStates.of(EntanglementDataset.inMemory(EntanglementRecipes.pureTest(4, Variant.PAPER, 0.001), 1,
                        Parallel.pool()), 4)));
        assertTrue(e.getMessage().contains("4 qubits"), e.getMessage());
    }

    @Test
    void resumedTrainingEqualsUninterruptedTrainingAndLoadsTheSelectedWeights(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        LabelledStates sep = LabelledStates.of(EntanglementDataset.inMemory(
                EntanglementRecipes.byName("train-separable", 3, Variant.PAPER, 0.001), 5, Parallel.pool()), 3);
        Separator straight = Separator.create(1e-3, 4);
        double[] full = straight.train(sep, sep, 3, 64, 6, tmp.resolve("a"));
        Separator first = Separator.create(1e-3, 4);
        assertEquals(1, first.train(sep, sep, 1, 64, 6, tmp.resolve("b")).length);
        // a new process: a fresh network whose training resumes from the checkpoint after epoch 1
        double[] resumed = Separator.create(1e-3, 99).train(sep, sep, 3, 64, 6, tmp.resolve("b"));
        assertArrayEquals(full, resumed, 1e-6, "validation M per epoch");
        int best = 0;
        for (int e = 1; e < full.length; e++) {
            best = full[e] < full[best] ? e : best;
        }
        float[] loaded = Separator.load(tmp.resolve("b")).measureAll(sep);
        double mean = 0;
        for (float m : loaded) {
            mean += m / loaded.length;
        }
        assertEquals(full[best], mean, 1e-6, "the loaded separator holds the best epoch's weights");
        assertArrayEquals(straight.measureAll(sep), loaded, 1e-6f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Separator.create(1e-3, 4).train(sep, sep, 3, 32, 6, tmp.resolve("b")));
        assertTrue(e.getMessage().contains("batch-size: 64 → 32") && e.getMessage().contains("delete"), e.getMessage());
        java.nio.file.Files.writeString(tmp.resolve("b").resolve("last.ckpt"), "{not json");
        java.io.IOException corrupt = assertThrows(java.io.IOException.class,
                () -> Separator.create(1e-3, 4).train(sep, sep, 3, 64, 6, tmp.resolve("b")));
        assertTrue(corrupt.getMessage().contains("damaged"), corrupt.getMessage());
    }

    @Test
    void theUndilatedConvolutionsEqualNd4jsDilatedOnes() {
        for (int d : new int[] {2, 4}) {
            org.nd4j.autodiff.samediff.SameDiff sd = org.nd4j.autodiff.samediff.SameDiff.create();
            var x = sd.var("x", Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 5, 2 * d, 2 * d).subi(0.5));
            var viaRewrite = Separator.conv(sd, new java.util.Random(7), "R", x, 5, 6, 2, 1, d);
            var cfg = org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig.builder().kH(2).kW(2).sH(1).sW(1)
                    .dH(d).dW(d).dataFormat("NCHW").weightsFormat(org.nd4j.enums.WeightsFormat.YXIO).build();
            var direct = sd.cnn().conv2d(x, sd.getVariable("R_conv_W"), sd.getVariable("R_conv_b"), cfg);
            INDArray a = viaRewrite.eval();
            // the reference with ND4J's own kernel: the oneDNN builds (the default where the CPU has AVX2) refuse
            // dilated convolutions
            var env = Nd4j.getEnvironment();
            boolean helpers = env.helpersAllowed();
            env.allowHelpers(false);
            INDArray b;
            try {
                b = direct.eval();
            } finally {
                env.allowHelpers(helpers);
            }
            assertArrayEquals(new long[] {3, 6, d, d}, a.shape());
            assertTrue(a.sub(b).amaxNumber().doubleValue() < 1e-5, "dilation " + d + ": " + a.sub(b).amaxNumber());
        }
    }
}
