package org.densitylab.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.densitylab.entanglement.EntanglementDataset;
import org.densitylab.entanglement.EntanglementRecipes;
import org.densitylab.entanglement.Variant;
import org.densitylab.util.Parallel;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.densitylab.entanglement.CnnConfig;
import org.densitylab.entanglement.EntanglementNet;
import org.densitylab.entanglement.Evaluation;
import org.densitylab.entanglement.SiameseBatch;
import org.densitylab.entanglement.LabelledStates;

/**
 * Bench cases of the entanglement networks (batch 128, the paper's CNN for 3 qubits, on the pure test set):
 * {@code train} (SameDiff CNN and Siamese training, batch assembly, CNN inference), {@code train-mln} (the same
 * CNN as a DL4J MultiLayerNetwork) and {@code trajectory} (the BCE of a fixed batch over a few fixed-seed
 * training steps, to compare native builds and the two DL4J APIs numerically). Set {@code OMP_NUM_THREADS}
 * before the JVM starts to compare thread counts.
 */
public final class EntanglementBench {
    private static final int BATCH = 128;
    private static final int STEPS = 5;
    /** Warm-up calls of a training case (50 steps: the Siamese step takes up to 30 steps to settle). */
    private static final int WARMUP_CALLS = 10;

    private EntanglementBench() {
    }

    /**
     * The {@code train} case.
     *
     * @param b the bench
     */
    public static void train(Bench b) {
        LabelledStates data = testData();
        for (EntanglementNet.Kind kind : EntanglementNet.Kind.values()) {
            EntanglementNet net = EntanglementNet.create(CnnConfig.paper(3), kind, 1e-3, 1);
            SplittableRandom r = new SplittableRandom(1);
            boolean siamese = kind == EntanglementNet.Kind.SIAMESE;
            b.measure(kind + " training step, batch " + BATCH, "samples", (long) BATCH * STEPS, WARMUP_CALLS,
                    call -> steps(r, data, siamese, net::fit));
            b.measure(kind + " batch assembly only", "samples", (long) BATCH * STEPS,
                    call -> steps(r, data, siamese, batch -> { }));
        }
        EntanglementNet cnn = EntanglementNet.create(CnnConfig.paper(3), EntanglementNet.Kind.CNN, 1e-3, 1);
        b.measure("CNN inference, batches of " + Evaluation.BATCH, "samples", data.size(),
                call -> Evaluation.predict(cnn, data)[0]);
    }

    /**
     * The {@code train-mln} case: the CNN of {@link #train} as a MultiLayerNetwork.
     *
     * @param b the bench
     */
    public static void trainMln(Bench b) {
        LabelledStates data = testData();
        MultiLayerNetwork mln = multiLayer(EntanglementNet.create(CnnConfig.paper(3), EntanglementNet.Kind.CNN, 1e-3, 1));
        SplittableRandom r = new SplittableRandom(1);
        b.measure("MultiLayerNetwork CNN training step, batch " + BATCH, "samples", (long) BATCH * STEPS,
                call -> steps(r, data, false, batch -> mln.fit(new DataSet(batch.states(), batch.labels()))));
        b.measure("MultiLayerNetwork CNN inference, batches of " + Evaluation.BATCH, "samples", data.size(), call -> {
            int d = 1 << data.qubits();
            int per = 2 * d * d;
            double s = 0;
            for (int first = 0; first < data.size(); first += Evaluation.BATCH) {
                int n = Math.min(Evaluation.BATCH, data.size() - first);
                float[] x = new float[n * per];
                System.arraycopy(data.states(), first * per, x, 0, n * per);
                s += mln.output(org.nd4j.linalg.factory.Nd4j.create(x, new long[] {n, 2, d, d}, 'c')).getDouble(0);
            }
            return s;
        });
    }

    /**
     * The {@code trajectory} case: the BCE of one fixed batch before and after each of 5 fixed-seed Adam steps,
     * for the SameDiff CNN, the SameDiff Siamese network (λ = 0.5) and the MultiLayerNetwork CNN started from the
     * SameDiff CNN's weights. Identical builds print identical numbers; different native builds should agree
     * to float tolerance.
     *
     * @param b the bench
     */
    public static void trajectory(Bench b) {
        LabelledStates data = testData();
        SiameseBatch probe = SiameseBatch.of(data, new SplittableRandom(99).ints(BATCH, 0, data.size()).toArray(), false,
                0, false, new SplittableRandom(99));
        for (String which : new String[] {"CNN", "SIAMESE", "MLN-CNN"}) {
            EntanglementNet net = EntanglementNet.create(CnnConfig.paper(3),
                    which.equals("SIAMESE") ? EntanglementNet.Kind.SIAMESE : EntanglementNet.Kind.CNN, 1e-3, 1);
            MultiLayerNetwork mln = which.equals("MLN-CNN") ? multiLayer(net) : null;
            SplittableRandom r = new SplittableRandom(7);
            StringBuilder line = new StringBuilder();
            for (int step = 0; step <= 5; step++) {
                double bce = mln == null ? net.bce(probe.states(), probe.labels()) : bce(mln.output(probe.states()), probe.labels());
                line.append(String.format(Locale.ROOT, " %.7f", bce));
                if (step < 5) {
                    SiameseBatch batch = SiameseBatch.of(data, r.ints(BATCH, 0, data.size()).toArray(),
                            which.equals("SIAMESE"), 0.5, false, r);
                    if (mln == null) {
                        net.fit(batch);
                    } else {
                        mln.fit(new DataSet(batch.states(), batch.labels()));
                    }
                }
            }
            b.printf("%-10s BCE of a fixed batch, steps 0..5:%s%n", which, line);
        }
    }

    /**
     * The CNN as a MultiLayerNetwork (float32, Adam with the SameDiff net's learning rate 1e-3, binary
     * cross-entropy on sigmoid outputs) holding a copy of the SameDiff CNN's weights.
     *
     * @param net a SameDiff CNN
     * @return the equivalent MultiLayerNetwork
     */
    static MultiLayerNetwork multiLayer(EntanglementNet net) {
        CnnConfig c = net.config();
        var list = new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).updater(new Adam(1e-3)).list();
        int in = 2;
        for (int l = 0; l < c.convLayers(); l++) {
            list.layer(new ConvolutionLayer.Builder(c.kernel(), c.kernel()).stride(1, 1).nIn(in).nOut(c.channels(l))
                    .convolutionMode(ConvolutionMode.Truncate).activation(Activation.RELU).build());
            in = c.channels(l);
        }
        for (int l = 0; l < c.fcLayers(); l++) {
            list.layer(new DenseLayer.Builder().nOut(c.width()).activation(Activation.RELU).build());
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(c.outputs()).activation(Activation.SIGMOID)
                .build());
        MultiLayerNetwork mln = new MultiLayerNetwork(list.setInputType(InputType.convolutional(c.dim(), c.dim(), 2)).build());
        mln.init();
        var sd = net.graph();
        for (int l = 0; l < c.convLayers(); l++) {
            // SameDiff [kH, kW, in, out] to DL4J [out, in, kH, kW]
            mln.getLayer(l).setParam("W", sd.getVariable("conv" + l + "_W").getArr().permute(3, 2, 0, 1).dup('c'));
            mln.getLayer(l).setParam("b", sd.getVariable("conv" + l + "_b").getArr().reshape(1, -1));
        }
        for (int l = 0; l <= c.fcLayers(); l++) {
            mln.getLayer(c.convLayers() + l).setParam("W", sd.getVariable("dense" + l + "_W").getArr().dup());
            mln.getLayer(c.convLayers() + l).setParam("b", sd.getVariable("dense" + l + "_b").getArr().reshape(1, -1));
        }
        return mln;
    }

    /** Mean binary cross-entropy over all elements, logs clamped at −100 as in PyTorch. */
    private static double bce(INDArray p, INDArray q) {
        float[] pp = p.data().asFloat();
        float[] qq = q.data().asFloat();
        double s = 0;
        for (int i = 0; i < pp.length; i++) {
            s -= qq[i] * Math.max(-100, Math.log(pp[i])) + (1 - qq[i]) * Math.max(-100, Math.log(1 - pp[i]));
        }
        return s / pp.length;
    }

    private static double steps(SplittableRandom r, LabelledStates data, boolean siamese, Consumer<SiameseBatch> fit) {
        for (int s = 0; s < STEPS; s++) {
            fit.accept(SiameseBatch.of(data, r.ints(BATCH, 0, data.size()).toArray(), siamese, 0.5, false, r));
        }
        return 0;
    }

    static LabelledStates testData() {
        return LabelledStates.of(EntanglementDataset.inMemory(EntanglementRecipes.pureTest(3, Variant.PAPER, 0.1), 1,
                Parallel.pool()), 3);
    }
}
