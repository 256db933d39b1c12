package org.densitylab.marginals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.Map;
import org.densitylab.progress.Progress;
import org.densitylab.run.Checkpoints;
import org.densitylab.run.Provenance;
import org.densitylab.run.Values;
import org.densitylab.util.Seeds;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training of the CDAE as in the reference code (docs/papers.md#training-the-cdae): Adam (lr 1e-4), batches of 100
 * drawn from a reshuffled order each epoch, the loss of Eq. 6 ({@link CdaeLoss}), {@link PlateauScheduler} on the epoch
 * loss, after every epoch a validation on fresh full-rank samples (docs/papers.md#variants-of-paper-2: mean marginal
 * fidelity and success rate of the model pipeline) and a checkpoint; the best-fidelity checkpoint with success > 0.9 is
 * kept separately.
 *
 * <p>Files in the run directory ({@link Checkpoints}): {@code last.ckpt} (committed atomically as one file after every
 * epoch; a new trainer on the same directory resumes from it and continues exactly: weights, Adam moments and step,
 * scheduler, history, and the per-epoch shuffles and validation samples, which depend only on (seed, epoch)) and
 * {@code best.ckpt}. A rerun with another model, other settings or other training data is refused naming each
 * differing field; more epochs are allowed.
 *
 * <pre>{@code
 * MarginalsDataset.Spec spec = MarginalsDataset.Spec.of(3, 2, 100_000);           // N = 3, k = 2
 * CdaeTrainer t = CdaeTrainer.open(CdaeTrainer.Config.paper(3, CdaeLoss.Spec.model1(2), 7L), dir);
 * t.train(TrainingData.of(MarginalsDataset.generate(spec, 1L), spec.size()), 100);   // up to epoch 100
 * Cdae best = Checkpoint.read(dir.resolve("best.ckpt")).network(3);
 * }</pre>
 */
public final class CdaeTrainer {
    /** Success rate the validation must exceed for a best checkpoint (docs/papers.md#variants-of-paper-2). */
    public static final double BEST_SUCCESS = 0.9;

    /**
     * A training configuration.
     *
     * @param numQubits         N
     * @param scale             S (C = 10·S)
     * @param loss              the loss terms (k, model1/model2, trace term)
     * @param learningRate      initial Adam rate
     * @param batchSize         records per step
     * @param validationSamples fresh full-rank samples per validation (0: no validation)
     * @param seed              seed of the initial weights, shuffles and validation samples
     * @param frozen            names of parameters not trained (transfer learning, e.g. {@link Cdae#ENCODER} weights)
     */
    public record Config(int numQubits, int scale, CdaeLoss.Spec loss, double learningRate, int batchSize,
            int validationSamples, long seed, Set<String> frozen) {
        /**
         * Validates.
         *
         * @throws IllegalArgumentException naming the bad value
         */
        public Config {
            if (!(learningRate > 0)) {
                throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
            }
            if (batchSize < 1 || validationSamples < 0) {
                throw new IllegalArgumentException("batch size must be >= 1 and validation samples >= 0, got " + batchSize
                        + ", " + validationSamples);
            }
            frozen = Set.copyOf(frozen);
        }

        /**
         * The paper's settings: S = 10, Adam 1e-4, batch 100, 100 validation samples, nothing frozen.
         *
         * @param numQubits N
         * @param loss      the loss
         * @param seed      the seed
         * @return the configuration
         */
        public static Config paper(int numQubits, CdaeLoss.Spec loss, long seed) {
            return new Config(numQubits, Cdae.PAPER_SCALE, loss, 1e-4, 100, 100, seed, Set.of());
        }

        /** @param s the scale S @return a copy with that scale */
        public Config withScale(int s) {
            return new Config(numQubits, s, loss, learningRate, batchSize, validationSamples, seed, frozen);
        }

        /** @param lr the learning rate @return a copy with that rate */
        public Config withLearningRate(double lr) {
            return new Config(numQubits, scale, loss, lr, batchSize, validationSamples, seed, frozen);
        }

        /** @param b the batch size @return a copy with that batch size */
        public Config withBatchSize(int b) {
            return new Config(numQubits, scale, loss, learningRate, b, validationSamples, seed, frozen);
        }

        /** @param v validation samples per epoch @return a copy */
        public Config withValidationSamples(int v) {
            return new Config(numQubits, scale, loss, learningRate, batchSize, v, seed, frozen);
        }

        /** @param layers layer names to freeze (e.g. {@link Cdae#ENCODER}) @return a copy */
        public Config withFrozenLayers(List<String> layers) {
            Set<String> f = new java.util.HashSet<>();
            for (String l : layers) {
                f.add(l + "_W");
                f.add(l + "_b");
            }
            return new Config(numQubits, scale, loss, learningRate, batchSize, validationSamples, seed, f);
        }
    }

    private final Config config;
    private final Path dir;
    private final Provenance provenance;
    private final Cdae net;
    private final CdaeLoss loss;
    private final Adam adam;
    private PlateauScheduler scheduler;
    private int epoch;
    private double bestFidelity = Double.NaN;
    private final List<Checkpoint.Epoch> history = new ArrayList<>();

    private CdaeTrainer(Config config, Path dir, Cdae initial, Provenance provenance) {
        this.config = config;
        this.provenance = provenance;
        this.dir = dir;
        this.net = initial;
        this.loss = CdaeLoss.attach(net, config.loss());
        this.adam = new Adam(net.parameters());
        this.scheduler = PlateauScheduler.pytorchDefaults(config.learningRate());
        for (String f : config.frozen()) {
            if (!net.parameters().containsKey(f)) {
                throw new IllegalArgumentException("cannot freeze unknown parameter '" + f + "'; known: " + net.parameters().keySet());
            }
        }
    }

    /**
     * A trainer on a run directory: resumes from {@code last.ckpt} if present, else starts from seeded weights.
     *
     * @param config the configuration
     * @param dir    the run directory (created if needed)
     * @return the trainer
     * @throws IllegalArgumentException if the directory holds a run of another model (naming each differing field)
     * @throws UncheckedIOException     if the checkpoint cannot be read
     */
    public static CdaeTrainer open(Config config, Path dir) {
        return open(config, dir, null);
    }

    /**
     * A trainer on a run directory starting (when there is no checkpoint yet) from given weights, e.g. those of
     * the N−1 model for transfer learning (docs/papers.md#transfer-learning).
     *
     * @param config  the configuration
     * @param dir     the run directory
     * @param initial the starting network (copied; its S must match), or null for seeded weights
     * @return the trainer
     * @throws IllegalArgumentException if the directory holds a run of another model (naming each differing field)
     * @throws UncheckedIOException     if the checkpoint cannot be read
     */
    public static CdaeTrainer open(Config config, Path dir, Cdae initial) {
        Cdae start = initial == null ? Cdae.create(config.numQubits(), config.scale(), config.seed())
                : Cdae.of(config.numQubits(), config.scale(), initial.parameters());
        Provenance provenance = provenance(config, initial);
        Path last = dir.resolve(Checkpoints.LAST);
        try (Checkpoints store = Checkpoints.open(dir, provenance)) {
            if (store.resumed() == null) {
                return new CdaeTrainer(config, dir, start, provenance);
            }
            Checkpoint c = Checkpoint.of(store.resumed(), last);
            CdaeTrainer t = new CdaeTrainer(config, dir, Cdae.of(config.numQubits(), config.scale(), c.params()), provenance);
            t.adam.restore(c.meta().step(), c.adamM(), c.adamV());
            t.scheduler = c.meta().scheduler();
            t.epoch = c.meta().epoch();
            t.bestFidelity = c.meta().bestFidelity();
            t.history.addAll(c.meta().history());
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The inputs that decide a training (the data and the epochs are added by {@link #train}). */
    private static Provenance provenance(Config c, Cdae initial) {
        return Provenance.builder().fixed("network", "CDAE N=" + c.numQubits() + " S=" + c.scale()).fixed("k", c.loss().k())
                .fixed("loss", c.loss().label()).fixed("learning-rate", c.learningRate()).fixed("batch", c.batchSize())
                .fixed("validation", c.validationSamples()).fixed("seed", c.seed())
                .fixed("frozen", new java.util.TreeSet<>(c.frozen()))
                .fixed("start", initial == null ? "seeded initialisation" : "weights of a " + initial.numQubits() + "-qubit CDAE")
                .build();
    }

    /**
     * Trains until {@code epochs} epochs are complete (nothing to do if already there). The run directory is locked
     * meanwhile; every epoch ends with one atomic checkpoint commit.
     *
     * @param data   the training records (N must match)
     * @param epochs the total number of epochs wanted
     * @return the history of all epochs, including those of earlier runs on this directory
     * @throws IllegalArgumentException if the data do not fit the network, or differ from those of the run resumed
     * @throws IllegalStateException    at a non-finite loss, naming the step, the batch and the data
     * @throws UncheckedIOException     naming the file if a checkpoint cannot be written
     */
    public List<Checkpoint.Epoch> train(TrainingData data, int epochs) {
        int d = net.dim();
        if (data.recordLength() != 2 * d * d) {
            throw new IllegalArgumentException("training records have " + data.recordLength() + " floats but N=" + config.numQubits()
                    + " needs 2 x " + d + " x " + d + " = " + 2 * d * d);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        }
        Provenance full = Provenance.builder().with("", provenance).fixed("data", data.fingerprint())
                .growing("epochs", epochs).build();
        try (Checkpoints store = Checkpoints.open(dir, full)) {
            int saved = store.resumed() == null ? 0 : Checkpoint.of(store.resumed(), dir.resolve(Checkpoints.LAST)).meta().epoch();
            if (saved != epoch) {
                throw new IllegalStateException(dir + " was changed by another run (epoch " + saved + ", this trainer is at "
                        + epoch + "); open it again");
            }
            while (epoch < epochs) {
                runEpoch(data, store);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        return history();
    }

    private void runEpoch(TrainingData data, Checkpoints store) throws IOException {
        long t0 = System.nanoTime();
        int e = epoch + 1;
        int size = data.size();
        int len = data.recordLength();
        int d = net.dim();
        List<Integer> order = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(Seeds.derive(config.seed(), e)));
        int batches = (size + config.batchSize() - 1) / config.batchSize();
        double sum = 0;
        double polar = 0;
        double marginal = 0;
        double trace = 0;
        double lr = scheduler.lr();
        try (Progress p = Progress.start(String.format(Locale.ROOT, "CDAE N=%d %s epoch %d", config.numQubits(),
                config.loss().label(), e), batches)) {
            for (int b = 0; b < batches; b++) {
                int from = b * config.batchSize();
                int count = Math.min(config.batchSize(), size - from);
                float[] in = new float[count * len];
                float[] tg = new float[count * len];
                for (int s = 0; s < count; s++) {
                    data.read(order.get(from + s), in, tg, s * len);
                }
                long[] shape = {count, 2, d, d};
                CdaeLoss.Step step = loss.gradients(Nd4j.create(in, shape, 'c'), Nd4j.create(tg, shape, 'c'));
                Values.requireFiniteLoss(step.value().total(), adam.step() + 1, e, b + 1, data.source());
                adam.update(net.parameters(), step.gradients(), lr, config.frozen());
                sum += step.value().total();
                polar += step.value().polar();
                marginal += step.value().marginal();
                trace += step.value().trace();
                p.message(String.format(Locale.ROOT, "loss %.5f", sum / (b + 1)));
                p.advance(1);
            }
        }
        double meanLoss = sum / batches;
        scheduler = scheduler.step(meanLoss);
        double fid = Double.NaN;
        double success = Double.NaN;
        if (config.validationSamples() > 0) {
            MarginalsEvaluation.RankResult v = MarginalsEvaluation.evaluate(net, config.loss().k(), net.dim(),
                    config.validationSamples(), Seeds.derive(config.seed() ^ 0x5A17L, e));
            fid = v.fidelityMean();
            success = v.success();
        }
        epoch = e;
        history.add(new Checkpoint.Epoch(e, meanLoss, polar / batches, marginal / batches, trace / batches, lr, fid, success,
                (System.nanoTime() - t0) / 1e9));
        boolean improved = success > BEST_SUCCESS && (Double.isNaN(bestFidelity) || fid > bestFidelity);
        if (improved) {
            bestFidelity = fid;
        }
        Map<String, byte[]> entries = checkpoint().entries();
        store.commit(entries, improved ? entries : null);
    }

    /**
     * The current state as a checkpoint.
     *
     * @return a snapshot (arrays copied)
     */
    public Checkpoint checkpoint() {
        Checkpoint.Meta meta = new Checkpoint.Meta(Checkpoint.FORMAT, config.numQubits(), config.scale(), config.loss().k(),
                config.loss().label(), epoch, adam.step(), scheduler, bestFidelity, config.seed(), List.copyOf(history),
                Checkpoint.shapes(net.parameters()));
        return new Checkpoint(meta, copy(net.parameters()), copy(adam.firstMoments()), copy(adam.secondMoments()));
    }

    private static java.util.Map<String, INDArray> copy(java.util.Map<String, INDArray> m) {
        java.util.Map<String, INDArray> c = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> c.put(k, v.dup()));
        return c;
    }

    /** @return completed epochs */
    public int epoch() {
        return epoch;
    }

    /** @return the network being trained (live) */
    public Cdae network() {
        return net;
    }

    /** @return the learning rate for the next epoch */
    public double learningRate() {
        return scheduler.lr();
    }

    /** @return best validation fidelity with success > 0.9 (NaN if none yet) */
    public double bestFidelity() {
        return bestFidelity;
    }

    /** @return the history of completed epochs */
    public List<Checkpoint.Epoch> history() {
        return List.copyOf(history);
    }

    /**
     * The training histories of several trainers in one table, one row per completed epoch.
     *
     * @param name      the table's name
     * @param keyColumn name of the column that holds each trainer's key (e.g. "model" or "N")
     * @param trainers  trainers by key (integer keys give an integer column)
     * @return columns keyColumn, epoch, loss, polar, marginal, lr, valFidelity, valSuccess, seconds
     */
    public static tech.tablesaw.api.Table history(String name, String keyColumn, java.util.Map<?, CdaeTrainer> trainers) {
        boolean ints = trainers.keySet().stream().allMatch(k -> k instanceof Integer);
        var t = tech.tablesaw.api.Table.create(name, ints ? tech.tablesaw.api.IntColumn.create(keyColumn)
                : tech.tablesaw.api.StringColumn.create(keyColumn), tech.tablesaw.api.IntColumn.create("epoch"));
        for (String c : List.of("loss", "polar", "marginal", "lr", "valFidelity", "valSuccess", "seconds")) {
            t.addColumns(tech.tablesaw.api.DoubleColumn.create(c));
        }
        for (var e : trainers.entrySet()) {
            for (Checkpoint.Epoch h : e.getValue().history()) {
                if (ints) {
                    t.intColumn(keyColumn).append((Integer) e.getKey());
                } else {
                    t.stringColumn(keyColumn).append(e.getKey().toString());
                }
                t.intColumn("epoch").append(h.epoch());
                double[] v = {h.loss(), h.polar(), h.marginal(), h.lr(), h.valFidelity(), h.valSuccess(), h.seconds()};
                for (int c = 0; c < v.length; c++) {
                    t.doubleColumn(2 + c).append(v[c]);
                }
            }
        }
        return t;
    }
}
