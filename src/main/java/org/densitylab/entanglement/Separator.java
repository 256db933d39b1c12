package org.densitylab.entanglement;

import java.util.Map;
import java.util.Random;
import org.densitylab.nn.Denormals;
import org.densitylab.nn.Graphs;
import org.densitylab.nn.Init;
import org.densitylab.nn.Quiet;
import org.densitylab.run.Checkpoints;
import org.densitylab.run.Provenance;
import org.densitylab.run.Values;
import org.densitylab.quantum.DensityMatrix;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The separability measure M of the entanglement paper (docs/papers.md#separability-measure-m, the reference code's
 * {@code FancySeparator}): a network that writes a 3-qubit state as a sum of 24 products of 2×2 complex
 * matrices, \(\rho_{\rm rec} = \frac1{24}\sum_{c=1}^{24} A_c\otimes B_c\otimes C_c\), and
 * \(M(\rho) = \overline{|\mathrm{Re}(\rho_{\rm rec}-\rho)|,|\mathrm{Im}(\rho_{\rm rec}-\rho)|}\), the mean over the
 * 128 real numbers. Trained on separable states, M is small for states close to separable ones
 * (paper Fig. 3); the ensemble routes states by M.
 *
 * <p>Layers (no activation between the convolutions, all with bias): A = Conv(2→48, 4×4, stride 4),
 * the first (most significant) factor; T = Conv(2→9, 2×2, dilation 4); B = Conv(9→48, 2×2, stride 2) and
 * C = Conv(9→48, 2×2, dilation 2) on T; each of A, B, C then passes, flattened to 192 numbers, through
 * 4 × (ReLU, Linear 192→192). Channels c and 24 + c are the real and imaginary parts of factor c.
 * 449,889 parameters.
 */
public final class Separator {
    /** Number of product terms (the reference code's out_ch_per_rho). */
    public static final int TERMS = 24;
    static final String INPUT = "input";
    static final String RECONSTRUCTION = "reconstruction";
    static final String M = "m";

    private SameDiff sd;

    private Separator(SameDiff sd) {
        this.sd = sd;
    }

    /**
     * A freshly initialised separator (PyTorch's default ranges, seeded).
     *
     * @param lr   Adam learning rate (the reference code: 1e-3)
     * @param seed initialisation seed
     * @return the network
     */
    public static Separator create(double lr, long seed) {
        Quiet.init();
        SameDiff sd = SameDiff.create();
        Random rnd = new Random(seed);
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, 2, 8, 8);
        SDVariable a = conv(sd, rnd, "A", x, 2, 48, 4, 4, 1);
        SDVariable t = conv(sd, rnd, "T", x, 2, 9, 2, 1, 4);
        SDVariable b = conv(sd, rnd, "B", t, 9, 48, 2, 2, 1);
        SDVariable c = conv(sd, rnd, "C", t, 9, 48, 2, 1, 2);
        a = dense(sd, rnd, "A", a);
        b = dense(sd, rnd, "B", b);
        c = dense(sd, rnd, "C", c);
        // the Kronecker products by batched matrix products (a broadcast product in 8 dimensions has a very slow
        // gradient in ND4J): A⊗B per term as outer products [b·24, 4, 1]·[b·24, 1, 4], then the sum over the 24 terms
        // of (A⊗B)_c ⊗ C_c as one product [b, 16, 24]·[b, 24, 4]; indices (a1 a2 b1 b2; c1 c2) → (a1 b1 c1; a2 b2 c2)
        SDVariable[] fa = factor(a, new long[] {-1, 4, 1});
        SDVariable[] fb = factor(b, new long[] {-1, 1, 4});
        SDVariable[] fc = factor(c, new long[] {-1, TERMS, 4});
        SDVariable[] ab = complexMul(fa, fb, SDVariable::mul);
        for (int k = 0; k < 2; k++) {
            ab[k] = ab[k].reshape(-1, TERMS, 16).permute(0, 2, 1);
        }
        SDVariable[] abc = complexMul(ab, fc, SDVariable::mmul);
        SDVariable re = rho(abc[0]);
        SDVariable im = rho(abc[1]);
        SDVariable rec = sd.concat(RECONSTRUCTION, 1, re, im);
        SDVariable m = sd.math().abs(rec.sub(x)).mean(M, false, 1, 2, 3);
        m.mean().rename("loss");
        sd.setLossVariables("loss");
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(lr)).dataSetFeatureMapping(INPUT).markLabelsUnused().build());
        return new Separator(withGradients(sd));
    }

    /**
     * A convolution; one with dilation d (2×2 kernel, stride 1, a 2d × 2d input, so a d × d output: T and C)
     * is computed as the equal stride-2 convolution of the input with rows and columns reordered
     * r = d·p + i → 2i + p, because ND4J's oneDNN builds reject dilated convolutions.
     */
    static SDVariable conv(SameDiff sd, Random rnd, String name, SDVariable in, int cin, int cout, int k, int stride, int dilation) {
        int fanIn = cin * k * k;
        SDVariable w = sd.var(name + "_conv_W", Init.pytorchDefault(rnd, fanIn, k, k, cin, cout));
        SDVariable b = sd.var(name + "_conv_b", Init.pytorchDefault(rnd, fanIn, cout));
        if (dilation > 1) {
            if (k != 2 || stride != 1) {
                throw new IllegalArgumentException("dilated convolutions are rewritten for 2×2 kernels of stride 1 only");
            }
            in = undilate(in, cin, dilation);
            stride = 2;
            dilation = 1;
        }
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride).pH(0).pW(0).dH(dilation).dW(dilation)
                .dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
        return sd.cnn().conv2d(in, w, b, cfg);
    }

    /** [b, c, 2d, 2d] → the same with rows and columns r = d·p + i (p ∈ {0,1}, i &lt; d) moved to 2i + p. */
    static SDVariable undilate(SDVariable in, int channels, int d) {
        return in.reshape(-1, channels, 2, d, 2, d).permute(0, 1, 3, 2, 5, 4).reshape(-1, channels, 2 * d, 2 * d);
    }

    private static SDVariable dense(SameDiff sd, Random rnd, String name, SDVariable in) {
        SDVariable h = in.reshape(-1, 192);
        for (int l = 0; l < 4; l++) {
            h = sd.nn().relu(h, 0).mmul(sd.var(name + "_fc" + l + "_W", Init.pytorchDefault(rnd, 192, 192, 192)))
                    .add(sd.var(name + "_fc" + l + "_b", Init.pytorchDefault(rnd, 192, 192)));
        }
        return h.reshape(-1, 2 * TERMS, 2, 2).rename(name + "_factors");
    }

    private static SDVariable[] factor(SDVariable h, long[] shape) {
        SDVariable re = h.get(SDIndex.all(), SDIndex.interval(0, TERMS), SDIndex.all(), SDIndex.all());
        SDVariable im = h.get(SDIndex.all(), SDIndex.interval(TERMS, 2 * TERMS), SDIndex.all(), SDIndex.all());
        return new SDVariable[] {re.reshape(shape), im.reshape(shape)};
    }

    /** (x0 + i x1)(y0 + i y1) for a real bilinear product (elementwise or matrix). */
    private static SDVariable[] complexMul(SDVariable[] x, SDVariable[] y, java.util.function.BinaryOperator<SDVariable> times) {
        return new SDVariable[] {times.apply(x[0], y[0]).sub(times.apply(x[1], y[1])),
            times.apply(x[0], y[1]).add(times.apply(x[1], y[0]))};
    }

    /** [b, 16, 4] indexed (a1 a2 b1 b2; c1 c2), summed over the terms → [b, 1, 8, 8] indexed (a1 b1 c1; a2 b2 c2), / 24. */
    private static SDVariable rho(SDVariable sum) {
        return sum.reshape(-1, 2, 2, 2, 2, 2, 2).permute(0, 1, 3, 5, 2, 4, 6).reshape(-1, 1, 8, 8).div(TERMS);
    }

    /** @return the trainable parameters by name (live) */
    Map<String, INDArray> parameters() {
        return Graphs.parameters(sd);
    }

    /** @return number of trainable parameters */
    public long parameterCount() {
        return sd.variables().stream().filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
    }

    /**
     * M per state.
     *
     * @param states {@code [batch, 2, 8, 8]}
     * @return {@code [batch]}
     */
    public INDArray measure(INDArray states) {
        return sd.outputSingle(Map.of(INPUT, states), M);
    }

    /**
     * The reconstruction \(\rho_{\rm rec}\) and the three factor outputs (for inspection and tests).
     *
     * @param states {@code [batch, 2, 8, 8]}
     * @return {@code reconstruction} [batch, 2, 8, 8] and the dense outputs of A, B, C, [batch, 48, 2, 2]
     */
    Map<String, INDArray> parts(INDArray states) {
        Map<String, INDArray> out = sd.output(Map.of(INPUT, states), RECONSTRUCTION, "A_factors", "B_factors", "C_factors");
        return Map.of(RECONSTRUCTION, out.get(RECONSTRUCTION), "A", out.get("A_factors"), "B", out.get("B_factors"),
                "C", out.get("C_factors"));
    }

    /**
     * One Adam step minimising the mean M of a batch of separable states.
     *
     * @param states {@code [batch, 2, 8, 8]}
     */
    public void fit(INDArray states) {
        sd.fit(new MultiDataSet(new INDArray[] {states}, new INDArray[0]));
        Denormals.afterStep(sd);
    }

    /**
     * Trains on separable states (the reference code: L1 loss = mean M, Adam 1e-3, batch 128, 20 epochs;
     * selection by the lowest mean M on the separable validation states, its "best loss" weights). With a
     * checkpoint folder every epoch ends with one atomic commit ({@code org.densitylab.run.Checkpoints}) of
     * {@code last.ckpt} (weights, Adam state, selected weights, history, provenance) and, when the validation M
     * improved, {@code best.ckpt}; a rerun with the same folder resumes after the last finished epoch (also to
     * train longer). Afterwards this separator holds the selected (best) weights.
     *
     * @param train      separable states
     * @param validation separable validation states
     * @param epochs     epochs in all (a resumed run trains only the missing ones)
     * @param batch      batch size
     * @param seed       shuffle seed
     * @param checkpoint directory, or null
     * @return the mean M on the validation states after each epoch
     * @throws java.io.IOException if a checkpoint cannot be written or read
     * @throws IllegalArgumentException if the checkpoint was written with another batch size, seed or other states
     */
    public double[] train(LabelledStates train, LabelledStates validation, int epochs, int batch, long seed,
            java.nio.file.Path checkpoint) throws java.io.IOException {
        java.util.List<Double> history = new java.util.ArrayList<>();
        int bestEpoch = -1;
        SameDiff best = null;
        int per = 2 * 8 * 8;
        int batches = train.size() / batch;
        Provenance provenance = Provenance.builder().fixed("network", "separator").fixed("batch-size", batch).fixed("seed", seed)
                .growing("epochs", epochs).fixed("train.states", train.fingerprint())
                .fixed("validation.states", validation.fingerprint()).build();
        try (Checkpoints store = Checkpoints.open(checkpoint, provenance)) {
            if (store.resumed() != null) {
                java.nio.file.Path last = checkpoint.resolve(Checkpoints.LAST);
                State saved = readState(store.resumed(), last);
                sd = withGradients(fromEntries(store.resumed(), last));
                history.addAll(saved.history());
                bestEpoch = saved.bestEpoch();
                var b = store.resumedBest();
                best = b == null ? null : fromEntries(b, checkpoint.resolve(Checkpoints.BEST));
            }
            if (batches == 0 && history.size() < epochs) {
                throw new IllegalArgumentException("the separable training set (" + train.size() + " states) is smaller than one batch of " + batch);
            }
            for (int e = history.size(); e < epochs; e++) {
                int[] order = Trainer.shuffled(train.size(), new Random(org.densitylab.util.Seeds.derive(seed, e)));
                try (org.densitylab.progress.Progress p = org.densitylab.progress.Progress.start("separator epoch " + (e + 1) + "/" + epochs, batches)) {
                    for (int b = 0; b < batches; b++) {
                        float[] x = new float[batch * per];
                        for (int i = 0; i < batch; i++) {
                            System.arraycopy(train.states(), order[b * batch + i] * per, x, i * per, per);
                        }
                        INDArray in = Nd4j.create(x, new long[] {batch, 2, 8, 8}, 'c');
                        fit(in);
                        if (b % 20 == 0 || b == batches - 1) {
                            // the loss (mean M) after the step, on a sample of the batches
                            Values.requireFiniteLoss(measure(in).meanNumber().doubleValue(), (long) e * batches + b + 1, e + 1,
                                    b + 1, "(" + train.size() + " separable states)");
                        }
                        p.advance(1);
                    }
                }
                history.add(mean(measureAll(validation)));
                boolean improved = bestEpoch < 0 || history.get(e) < history.get(bestEpoch);
                if (improved) {
                    bestEpoch = e;
                    best = sd.dup();
                }
                State state = new State(batch, seed, history, bestEpoch);
                store.commit(entries(state, sd), improved ? entries(state, best) : null);
            }
        }
        if (best != null) {
            sd = withGradients(best);
        }
        return history.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** What the state entry of a checkpoint holds. */
    private record State(int batch, long seed, java.util.List<Double> history, int bestEpoch) {
    }

    private static final com.google.gson.Gson GSON = new com.google.gson.GsonBuilder().setPrettyPrinting().create();
    private static final String STATE = "state.json";
    private static final String MODEL = "model.sd";

    private static java.util.Map<String, byte[]> entries(State state, SameDiff graph) {
        java.util.Map<String, byte[]> m = new java.util.LinkedHashMap<>();
        m.put(STATE, GSON.toJson(state).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        m.put(MODEL, Graphs.toBytes(graph));
        return m;
    }

    private static State readState(java.util.Map<String, byte[]> entries, java.nio.file.Path file) throws java.io.IOException {
        try {
            byte[] b = entries.get(STATE);
            State st = b == null ? null : GSON.fromJson(new String(b, java.nio.charset.StandardCharsets.UTF_8), State.class);
            if (st == null || st.history() == null) {
                throw new com.google.gson.JsonParseException("fields missing");
            }
            return st;
        } catch (com.google.gson.JsonParseException e) {
            throw new java.io.IOException("separator checkpoint " + file + " has a damaged state (" + e.getMessage()
                    + "); delete the folder to start afresh", e);
        }
    }

    private static SameDiff fromEntries(java.util.Map<String, byte[]> entries, java.nio.file.Path file) throws java.io.IOException {
        byte[] model = entries.get(MODEL);
        if (model == null) {
            throw new java.io.IOException("checkpoint " + file + " holds no network (no " + MODEL + ")");
        }
        SameDiff loaded = Graphs.fromBytes(model, file);
        if (loaded.getVariable(M) == null || loaded.getVariable(INPUT) == null) {
            throw new java.io.IOException("checkpoint " + file + " is not a separability network (no '" + M + "' output)");
        }
        Values.requireFinite(Graphs.parameters(loaded), file);
        return loaded;
    }

    /**
     * A separator trained by {@link #train} (its selected weights, {@code best.ckpt} of the checkpoint folder).
     *
     * @param checkpoint the checkpoint folder
     * @return the separator
     * @throws java.io.IOException if the file is missing, damaged or not a separator
     */
    public static Separator load(java.nio.file.Path checkpoint) throws java.io.IOException {
        java.nio.file.Path file = checkpoint.resolve(Checkpoints.BEST);
        return new Separator(withGradients(fromEntries(Checkpoints.read(file), file)));
    }

    private static SameDiff withGradients(SameDiff sd) {
        Quiet.call(() -> {
            sd.createGradFunction();
            return null;
        });
        return sd;
    }

    /**
     * M of every state of a set, in batches.
     *
     * @param data 3-qubit states
     * @return one value per state
     */
    public float[] measureAll(LabelledStates data) {
        if (data.qubits() != 3) {
            throw new IllegalArgumentException("the separator is a 3-qubit network, the states have " + data.qubits() + " qubits");
        }
        int per = 128;
        float[] out = new float[data.size()];
        for (int first = 0; first < data.size(); first += 1024) {
            int b = Math.min(1024, data.size() - first);
            float[] x = new float[b * per];
            System.arraycopy(data.states(), first * per, x, 0, b * per);
            System.arraycopy(measure(Nd4j.create(x, new long[] {b, 2, 8, 8}, 'c')).data().asFloat(), 0, out, first, b);
        }
        return out;
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    /**
     * The distribution of \(\log_{10} M\) per family as a box plot (paper Fig. 3).
     *
     * @param families family name → states
     * @return the chart
     */
    public org.knowm.xchart.BoxChart distribution(Map<String, LabelledStates> families) {
        Map<String, float[]> m = new java.util.LinkedHashMap<>();
        families.forEach((name, states) -> m.put(name, measureAll(states)));
        return boxPlot(m);
    }

    /**
     * The distribution of \(\log_{10} M\) per family as a box plot (paper Fig. 3), from values already computed.
     *
     * @param families family name → M of each of its states
     * @return the chart
     */
    public static org.knowm.xchart.BoxChart boxPlot(Map<String, float[]> families) {
        return EntanglementPlots.separator(families);
    }

    /**
     * M of named states (I/8, |000⟩, GHZ, W, Horodecki(0.5), Acín(1,1,1), Acín(50,30,80), UPB) beside the values the
     * reference code's published weights give for them.
     *
     * @return columns state, ours, reference weights
     */
    public tech.tablesaw.api.Table namedStates() {
        Map<String, DensityMatrix> named = new java.util.LinkedHashMap<>();
        named.put("I/8", DensityMatrix.maximallyMixed(3));
        named.put("|000>", org.densitylab.quantum.States.zero(3).toDensityMatrix());
        named.put("GHZ", org.densitylab.quantum.States.ghz(3).toDensityMatrix());
        named.put("W", org.densitylab.quantum.States.w(3).toDensityMatrix());
        named.put("Horodecki(0.5)", Pptes.horodecki(0.5));
        named.put("Acin(1,1,1)", Pptes.acin(1, 1, 1));
        named.put("Acin(50,30,80)", Pptes.acin(50, 30, 80));
        named.put("UPB", Pptes.upb());
        double[] reference = {1.6304e-4, 2.1527e-4, 1.6652e-2, 2.9345e-2, 8.1305e-3, 2.2630e-3, 1.8586e-3, 1.5089e-2};
        float[] x = new float[named.size() * 128];
        int i = 0;
        for (DensityMatrix rho : named.values()) {
            rho.toTwoChannel(x, 128 * i++);
        }
        float[] m = measure(org.nd4j.linalg.factory.Nd4j.create(x, new long[] {named.size(), 2, 8, 8}, 'c')).data().asFloat();
        double[] ours = new double[m.length];
        for (int k = 0; k < m.length; k++) {
            ours[k] = m[k];
        }
        return tech.tablesaw.api.Table.create("M of named states", tech.tablesaw.api.StringColumn.create("state", named.keySet()),
                tech.tablesaw.api.DoubleColumn.create("ours", ours), tech.tablesaw.api.DoubleColumn.create("reference weights", reference));
    }
}
