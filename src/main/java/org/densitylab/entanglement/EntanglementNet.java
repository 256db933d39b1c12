package org.densitylab.entanglement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.densitylab.nn.Denormals;
import org.densitylab.nn.Init;
import org.densitylab.nn.Quiet;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.internal.TrainingSession;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The CNN (docs/papers.md#cnn) and the triple Siamese CNN (paper 1 Eq. 6) as one SameDiff graph.
 *
 * <p>Both compute logits \(z = f_\theta(\rho)\) and probabilities \(p = \sigma(z)\), one per bipartition.
 * The CNN minimises the binary cross-entropy \(\mathrm{BCE}(p^0, q)\). The Siamese network applies the
 * same weights θ to the batch, a qubit-permuted copy and a locally rotated copy, and minimises paper Eq. 6,
 * \(\mathcal L = \mathrm{BCE}(p^0, q) + \lambda_\pi \frac1{|M|}\sum_{j\in M}\overline{|p^0_{\pi(j)} - p^\pi_j|}
 * + \lambda_{lu}\,\overline{|p^0 - p^{lu}|}\), where π maps cut j of the permuted state to its cut in the
 * original and M is the set of matched cuts (all of them for the correct mapping). The cut map enters as a
 * 0/1 matrix P with \(P_{\pi(j),j} = 1\) (so \((p^0P)_j = p^0_{\pi(j)}\)), M as a mask, and λ as a pair of
 * numbers, all fed per batch, so the λ schedule and the permutation need no graph change.
 *
 * <p>Weights are initialised as PyTorch does, \(U(-1/\sqrt{\text{fan-in}}, 1/\sqrt{\text{fan-in}})\), from a
 * seeded {@link Random}. Convolution weights are stored [kH, kW, in, out] (YXIO: ND4J M2.1's backward pass
 * fails for the [out, in, kH, kW] layout). Dense layers are written as {@code x.mmul(W).add(b)} (the fused
 * SameDiff layer ops gave wrong results with the oneDNN builds).
 */
public final class EntanglementNet {
    /** Which network. */
    public enum Kind {
        /** The plain CNN. */
        CNN,
        /** The triple Siamese CNN. */
        SIAMESE
    }

    static final String INPUT = "input";
    static final String INPUT_PERM = "input_perm";
    static final String INPUT_LU = "input_lu";
    static final String PERM_MATRIX = "perm_matrix";
    static final String PERM_MASK = "perm_mask";
    static final String LAMBDA = "lambda";
    static final String LABEL = "label";
    static final String PROB = "prob";
    static final String LOSS = "loss";
    static final String BCE = "bce";

    private final CnnConfig config;
    private final Kind kind;
    private final SameDiff sd;
    /** Siamese only, built on first use: the plain CNN graph on the same weight arrays, for steps with λ = 0. */
    private SameDiff plainView;
    /** Training sessions kept from step to step, per graph (this one and the plain view). */
    private final Map<SameDiff, TrainingSession> sessions = new java.util.IdentityHashMap<>();
    private Set<String> params;

    EntanglementNet(CnnConfig config, Kind kind, SameDiff sd) {
        this.config = config;
        this.kind = kind;
        this.sd = sd;
    }

    /**
     * A freshly initialised network.
     *
     * @param config the architecture
     * @param kind   CNN or Siamese
     * @param lr     Adam learning rate (the paper: 1e-3)
     * @param seed   seed of the weight initialisation
     * @return the network
     */
    public static EntanglementNet create(CnnConfig config, Kind kind, double lr, long seed) {
        Quiet.init();
        Random rnd = new Random(seed);
        Map<String, INDArray> weights = new LinkedHashMap<>();
        int in = 2;
        for (int l = 0; l < config.convLayers(); l++) {
            int out = config.channels(l);
            int fanIn = in * config.kernel() * config.kernel();
            weights.put("conv" + l + "_W", Init.pytorchDefault(rnd, fanIn, config.kernel(), config.kernel(), in, out));
            weights.put("conv" + l + "_b", Init.pytorchDefault(rnd, fanIn, out));
            in = out;
        }
        long features = (long) in * config.featureSide() * config.featureSide();
        for (int l = 0; l <= config.fcLayers(); l++) {
            long out = l == config.fcLayers() ? config.outputs() : config.width();
            weights.put("dense" + l + "_W", Init.pytorchDefault(rnd, features, features, out));
            weights.put("dense" + l + "_b", Init.pytorchDefault(rnd, features, out));
            features = out;
        }
        return new EntanglementNet(config, kind, build(config, kind, lr, weights));
    }

    /** The graph of a network of the given kind on the given weight arrays (used as they are, not copied). */
    private static SameDiff build(CnnConfig config, Kind kind, double lr, Map<String, INDArray> weights) {
        SameDiff sd = SameDiff.create();
        int d = config.dim();
        int m = config.outputs();
        List<SDVariable[]> layers = new ArrayList<>();
        for (int l = 0; l < config.convLayers(); l++) {
            layers.add(new SDVariable[] {sd.var("conv" + l + "_W", weights.get("conv" + l + "_W")),
                sd.var("conv" + l + "_b", weights.get("conv" + l + "_b"))});
        }
        for (int l = 0; l <= config.fcLayers(); l++) {
            layers.add(new SDVariable[] {sd.var("dense" + l + "_W", weights.get("dense" + l + "_W")),
                sd.var("dense" + l + "_b", weights.get("dense" + l + "_b"))});
        }
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, 2, d, d);
        SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, m);
        SDVariable z0 = logits(sd, config, layers, x);
        SDVariable p0 = sd.nn().sigmoid(PROB, z0);
        SDVariable loss = sd.loss().sigmoidCrossEntropy(BCE, label, z0, null, LossReduce.MEAN_BY_NONZERO_WEIGHT_COUNT, 0.0);
        List<String> features2 = new ArrayList<>(List.of(INPUT));
        if (kind == Kind.SIAMESE) {
            SDVariable xp = sd.placeHolder(INPUT_PERM, DataType.FLOAT, -1, 2, d, d);
            SDVariable xl = sd.placeHolder(INPUT_LU, DataType.FLOAT, -1, 2, d, d);
            SDVariable pm = sd.placeHolder(PERM_MATRIX, DataType.FLOAT, m, m);
            SDVariable mask = sd.placeHolder(PERM_MASK, DataType.FLOAT, 1, m);
            SDVariable lambda = sd.placeHolder(LAMBDA, DataType.FLOAT, 2);
            SDVariable pp = sd.nn().sigmoid(logits(sd, config, layers, xp));
            SDVariable pl = sd.nn().sigmoid(logits(sd, config, layers, xl));
            SDVariable lPerm = sd.math().abs(p0.mmul(pm).sub(pp)).mean(true, 0).mul(mask).sum().div(mask.sum());
            SDVariable lLu = sd.math().abs(p0.sub(pl)).mean();
            SDVariable lp = lambda.get(org.nd4j.autodiff.samediff.SDIndex.point(0));
            SDVariable ll = lambda.get(org.nd4j.autodiff.samediff.SDIndex.point(1));
            loss = loss.add(lp.mul(lPerm)).add(ll.mul(lLu));
            features2.addAll(List.of(INPUT_PERM, INPUT_LU, PERM_MATRIX, PERM_MASK, LAMBDA));
        }
        (kind == Kind.SIAMESE ? loss : loss.mul(1.0)).rename(LOSS);
        sd.setLossVariables(LOSS);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(lr)).dataSetFeatureMapping(features2)
                .dataSetLabelMapping(LABEL).build());
        Quiet.call(() -> {
            sd.createGradFunction();
            return null;
        });
        return sd;
    }

    private static SDVariable logits(SameDiff sd, CnnConfig c, List<SDVariable[]> layers, SDVariable x) {
        Conv2DConfig conv = Conv2DConfig.builder().kH(c.kernel()).kW(c.kernel()).sH(1).sW(1).pH(0).pW(0).dH(1).dW(1)
                .dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
        SDVariable h = x;
        for (int l = 0; l < c.convLayers(); l++) {
            h = sd.nn().relu(sd.cnn().conv2d(h, layers.get(l)[0], layers.get(l)[1], conv), 0);
        }
        h = h.reshape(-1, (long) c.channels(c.convLayers() - 1) * c.featureSide() * c.featureSide());
        for (int l = 0; l <= c.fcLayers(); l++) {
            SDVariable[] wb = layers.get(c.convLayers() + l);
            h = h.mmul(wb[0]).add(wb[1]);
            if (l < c.fcLayers()) {
                h = sd.nn().relu(h, 0);
            }
        }
        return h;
    }

    /** @return the architecture */
    public CnnConfig config() {
        return config;
    }

    /** @return CNN or Siamese */
    public Kind kind() {
        return kind;
    }

    /** The SameDiff graph (for checkpoints and inspection). */
    public SameDiff graph() {
        return sd;
    }

    /**
     * Overwrites this network's weights with copies of another's (same architecture); the optimiser state is
     * left as it is.
     *
     * @param other the source network
     * @throws IllegalArgumentException if the architectures differ
     */
    public void copyWeightsFrom(EntanglementNet other) {
        if (!other.config.equals(config) || other.kind != kind) {
            throw new IllegalArgumentException("cannot copy weights of a " + other.kind + " " + other.config + " into a " + kind + " " + config);
        }
        for (var v : sd.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                v.getArr().assign(other.sd.getVariable(v.name()).getArr());
            }
        }
    }

    /**
     * Sets Adam's learning rate for the following steps, keeping its moment estimates (a CPU schedule may
     * lower the rate for its last epochs).
     *
     * @param lr the learning rate
     */
    public void setLearningRate(double lr) {
        if (!(lr > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        }
        ((Adam) sd.getTrainingConfig().getUpdater()).setLearningRate(lr);
    }

    /** @return Adam's current learning rate */
    public double learningRate() {
        return ((Adam) sd.getTrainingConfig().getUpdater()).getLearningRate();
    }

    /** @return number of trainable parameters */
    public long parameterCount() {
        return sd.variables().stream().filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
    }

    /**
     * Probabilities \(p = \sigma(f_\theta(\rho))\) for a batch.
     *
     * @param states {@code [batch, 2, d, d]} float32
     * @return {@code [batch, m]}
     */
    public INDArray predict(INDArray states) {
        checkInput(states);
        return sd.outputSingle(java.util.Map.of(INPUT, states), PROB);
    }

    /**
     * One Adam step on a batch. A Siamese step with λπ = λlu = 0 (the first part of the paper's schedule) runs the
     * plain CNN on this network's weights and Adam state: its loss is then the BCE of the original batch alone, so
     * one forward and backward pass gives the same gradient as the three passes of the Siamese graph (whose two
     * extra terms enter with weight 0). The first step of a fresh network runs {@code SameDiff.fit}, which sets up
     * the Adam state; later steps run SameDiff's training iteration on a session kept from step to step (fit
     * builds a new one, with empty operation caches, on every call).
     *
     * @param batch the inputs (see {@link SiameseBatch}) and labels
     */
    public void fit(SiameseBatch batch) {
        fit(batch, true);
    }

    /** {@link #fit(SiameseBatch)}; {@code plainWhenLambdaZero} false runs every Siamese step through the full graph. */
    void fit(SiameseBatch batch, boolean plainWhenLambdaZero) {
        checkInput(batch.states());
        if (!sd.isInitializedTraining()) {
            sd.fit(new MultiDataSet(kind == Kind.CNN ? new INDArray[] {batch.states()}
                    : new INDArray[] {batch.states(), batch.permuted(), batch.rotated(), batch.permMatrix(), batch.permMask(),
                        batch.lambda()}, new INDArray[] {batch.labels()}));
            return;
        }
        boolean plain = plainWhenLambdaZero && kind == Kind.SIAMESE && batch.lambda().getDouble(0) == 0
                && batch.lambda().getDouble(1) == 0;
        Map<String, INDArray> ph = new LinkedHashMap<>();
        ph.put(INPUT, batch.states());
        ph.put(LABEL, batch.labels());
        if (kind == Kind.SIAMESE && !plain) {
            ph.put(INPUT_PERM, batch.permuted());
            ph.put(INPUT_LU, batch.rotated());
            ph.put(PERM_MATRIX, batch.permMatrix());
            ph.put(PERM_MASK, batch.permMask());
            ph.put(LAMBDA, batch.lambda());
        }
        step(plain ? plainView() : sd, ph);
    }

    /** The plain CNN graph on this network's weight arrays (Siamese networks, for λ = 0 steps). */
    private SameDiff plainView() {
        if (plainView == null) {
            Map<String, INDArray> weights = new LinkedHashMap<>();
            for (var v : sd.variables()) {
                if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                    weights.put(v.name(), v.getArr());
                }
            }
            SameDiff view = build(config, Kind.CNN, learningRate(), weights);
            for (var e : weights.entrySet()) {
                if (view.getVariable(e.getKey()).getArr() != e.getValue()) {
                    view.associateArrayWithVariable(e.getValue(), e.getKey());
                }
            }
            plainView = view;
        }
        return plainView;
    }

    /**
     * One training iteration of {@code graph} (this network's graph or its plain view, which shares its weights) with
     * this graph's training configuration and Adam state, as {@code SameDiff.fit} runs it.
     */
    private void step(SameDiff graph, Map<String, INDArray> placeholders) {
        TrainingSession session = sessions.computeIfAbsent(graph, g -> new TrainingSession(g.getFunction("grad")));
        if (params == null) {
            params = new LinkedHashSet<>();
            sd.variables().stream().filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                    .forEach(v -> params.add(v.name()));
        }
        TrainingConfig tc = sd.getTrainingConfig();
        MultiDataSet mds = new MultiDataSet(new INDArray[] {placeholders.get(INPUT)}, new INDArray[] {placeholders.get(LABEL)});
        At at = At.builder().epoch(tc.getEpochCount()).iteration(tc.getIterationCount()).trainingThreadNum(0)
                .javaThreadNum(Thread.currentThread().getId()).operation(Operation.TRAINING).build();
        session.trainingIteration(tc, placeholders, params, sd.getUpdaterMap(), mds, graph.getLossVariables(), sd.getListeners(), at);
        tc.incrementIterationCount();
        Denormals.afterStep(sd);
    }

    /**
     * The mean BCE of a batch without training.
     *
     * @param states {@code [batch, 2, d, d]}
     * @param labels {@code [batch, m]} in {0, 1}
     * @return the BCE
     */
    public double bce(INDArray states, INDArray labels) {
        checkInput(states);
        return sd.outputSingle(java.util.Map.of(INPUT, states, LABEL, labels), BCE).getDouble(0);
    }

    private void checkInput(INDArray states) {
        long d = config.dim();
        if (states.rank() != 4 || states.size(1) != 2 || states.size(2) != d || states.size(3) != d) {
            throw new IllegalArgumentException("input must be [batch, 2, " + d + ", " + d + "] for " + config.qubits()
                    + " qubits, got " + java.util.Arrays.toString(states.shape()));
        }
    }
}
