package org.densitylab.entanglement;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import org.densitylab.nn.Graphs;
import org.densitylab.nn.Quiet;
import org.densitylab.progress.Progress;
import org.densitylab.run.Checkpoints;
import org.densitylab.run.Provenance;
import org.densitylab.run.Values;
import org.densitylab.util.AtomicFiles;
import org.densitylab.util.Seeds;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Trains a CNN or Siamese network (docs/papers.md#training): Adam, mini-batches of a seeded shuffle, the λ schedule of
 * paper 1 Eq. 6, and after every epoch the validation BCE of each validation set; the kept model minimises their
 * sum (the reference code's selection; the paper says "most accurate on both validation sets").
 *
 * <p>With a checkpoint folder, every epoch ends with one atomic commit ({@link Checkpoints}) of {@code last.ckpt}
 * (weights, Adam state, the selected weights, history and the run's {@link Provenance}) and, when the validation
 * loss improved, {@code best.ckpt}; {@code history.csv} shows the history. Training with the same folder resumes after the last finished epoch; more epochs,
 * a later λ switch, more batches per epoch and another learning rate are allowed (and recorded), while another
 * architecture, other options or other training states are refused naming each differing field.
 */
public final class Trainer {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
    private static final String STATE = "state.json";
    private static final String MODEL = "model.sd";

    private Trainer() {
    }

    /**
     * One finished epoch.
     *
     * @param epoch      0-based epoch
     * @param lambda     λ used
     * @param learningRate Adam's learning rate in the epoch (0 in checkpoints written before it was recorded)
     * @param trainBce   mean BCE over a sample of training batches (after their step)
     * @param valBce     BCE per validation set
     * @param valAccuracy mean accuracy (%) per validation set
     * @param seconds    wall time of the epoch
     */
    public record Epoch(int epoch, double lambda, double learningRate, double trainBce, double[] valBce, double[] valAccuracy, double seconds) {
        double selection() {
            double s = 0;
            for (double v : valBce) {
                s += v;
            }
            return s;
        }
    }

    /** What {@code state.json} holds. */
    record State(CnnConfig config, EntanglementNet.Kind kind, TrainingOptions options, List<Epoch> history, int bestEpoch) {
    }

    /**
     * The result of training.
     *
     * @param best      the selected network
     * @param history   one record per epoch
     * @param bestEpoch the selected epoch
     */
    public record Result(EntanglementNet best, List<Epoch> history, int bestEpoch) {
    }

    /**
     * Trains (or resumes training of) a network.
     *
     * @param config     the architecture
     * @param kind       CNN or Siamese
     * @param train      training states
     * @param validation validation sets (the paper: val_bisep and val_2xd)
     * @param options    hyper-parameters
     * @param checkpoint directory for checkpoints and resuming, or null
     * @return the selected network and the history
     * @throws IOException if a checkpoint cannot be written or read
     */
    public static Result train(CnnConfig config, EntanglementNet.Kind kind, LabelledStates train, List<LabelledStates> validation,
            TrainingOptions options, Path checkpoint) throws IOException {
        return train(config, kind, train, validation, options, checkpoint, null);
    }

    /**
     * Trains (or resumes training of) a network that starts from the weights of another (fine-tuning; the
     * ensemble's CPU schedule warm-starts its members from the trained Siamese network). Without a checkpoint
     * to resume, the first epoch starts from a copy of {@code initial} (its weights, a fresh Adam state with
     * the options' learning rate), or from a fresh seeded initialisation when {@code initial} is null.
     *
     * @param config     the architecture
     * @param kind       CNN or Siamese
     * @param train      training states
     * @param validation validation sets
     * @param options    hyper-parameters
     * @param checkpoint directory for checkpoints and resuming, or null
     * @param initial    the starting network (same architecture and kind), or null
     * @return the selected network and the history
     * @throws IOException if a checkpoint cannot be written or read
     */
    public static Result train(CnnConfig config, EntanglementNet.Kind kind, LabelledStates train, List<LabelledStates> validation,
            TrainingOptions options, Path checkpoint, EntanglementNet initial) throws IOException {
        return train(config, kind, train, validation, options, checkpoint, initial, null);
    }

    /**
     * Trains (or resumes) as {@link #train(CnnConfig, EntanglementNet.Kind, LabelledStates, List, TrainingOptions, Path,
     * EntanglementNet)}, recording the datasets the states were read from in the run's provenance (a rerun on the
     * checkpoint folder with other datasets is refused naming them; a non-finite loss names the training set's folder).
     *
     * @param config     the architecture
     * @param kind       CNN or Siamese
     * @param train      training states
     * @param validation validation sets
     * @param options    hyper-parameters
     * @param checkpoint directory for checkpoints and resuming, or null
     * @param initial    the starting network, or null
     * @param datasets   the datasets' provenance ({@code train.path} names the training set), or null for states in memory
     * @return the selected network and the history
     * @throws IOException if a checkpoint cannot be written or read
     */
    public static Result train(CnnConfig config, EntanglementNet.Kind kind, LabelledStates train, List<LabelledStates> validation,
            TrainingOptions options, Path checkpoint, EntanglementNet initial, Provenance datasets) throws IOException {
        if (initial != null && (!initial.config().equals(config) || initial.kind() != kind)) {
            throw new IllegalArgumentException("the starting network is a " + initial.kind() + " " + initial.config()
                    + ", not a " + kind + " " + config);
        }
        if (train.qubits() != config.qubits()) {
            throw new IllegalArgumentException("training states have " + train.qubits() + " qubits, the network " + config.qubits());
        }
        int batches = train.size() / options.batchSize();
        if (options.maxBatchesPerEpoch() > 0) {
            batches = Math.min(batches, options.maxBatchesPerEpoch());
        }
        if (batches == 0) {
            throw new IllegalArgumentException("the training set (" + train.size() + " states) is smaller than one batch of "
                    + options.batchSize());
        }
        Object source = datasets != null && datasets.get("train.path") != null ? datasets.get("train.path")
                : "(" + train.size() + " states in memory)";
        List<Epoch> history = new ArrayList<>();
        int bestEpoch = -1;
        EntanglementNet net;
        EntanglementNet best = null;
        try (Checkpoints store = Checkpoints.open(checkpoint, provenance(config, kind, options, batches, train, validation,
                initial, datasets))) {
            Path last = checkpoint == null ? null : checkpoint.resolve(Checkpoints.LAST);
            if (store.resumed() != null) {
                State saved = readState(store.resumed(), last);
                net = fromEntries(store.resumed(), last, config, kind);
                net.setLearningRate(options.learningRate());
                history.addAll(saved.history());
                bestEpoch = saved.bestEpoch();
                Map<String, byte[]> b = store.resumedBest();
                best = b == null ? null : fromEntries(b, checkpoint.resolve(Checkpoints.BEST), config, kind);
            } else {
                net = EntanglementNet.create(config, kind, options.learningRate(), options.seed());
                if (initial != null) {
                    net.copyWeightsFrom(initial);
                }
            }
            for (int epoch = history.size(); epoch < options.epochs(); epoch++) {
                long t0 = System.nanoTime();
                int[] order = shuffled(train.size(), new Random(Seeds.derive(options.seed(), epoch)));
                double lambda = options.lambdaAt(epoch);
                double trainBce = 0;
                int measured = 0;
                try (Progress p = Progress.start(kind + " epoch " + (epoch + 1) + "/" + options.epochs(), batches)) {
                    for (int b = 0; b < batches; b++) {
                        int[] idx = java.util.Arrays.copyOfRange(order, b * options.batchSize(), (b + 1) * options.batchSize());
                        SiameseBatch batch = SiameseBatch.of(train, idx, kind == EntanglementNet.Kind.SIAMESE, lambda,
                                options.referenceCode(), Seeds.forIndex(Seeds.derive(options.seed(), 1000 + epoch), b));
                        net.fit(batch);
                        if (b % 20 == 0 || b == batches - 1) {
                            // the loss after the step, on a sample of the batches (and the last)
                            double bce = net.bce(batch.states(), batch.labels());
                            Values.requireFiniteLoss(bce, (long) epoch * batches + b + 1, epoch + 1, b + 1, source);
                            trainBce += bce;
                            measured++;
                            p.message(String.format(Locale.ROOT, "BCE %.4f", trainBce / measured));
                        }
                        p.advance(1);
                    }
                }
                double[] valBce = new double[validation.size()];
                double[] valAcc = new double[validation.size()];
                for (int v = 0; v < validation.size(); v++) {
                    Evaluation.Accuracy a = Evaluation.of(net, validation.get(v));
                    valBce[v] = a.bce();
                    valAcc[v] = a.mean();
                }
                Epoch e = new Epoch(epoch, lambda, options.learningRate(), trainBce / Math.max(1, measured), valBce, valAcc, (System.nanoTime() - t0) / 1e9);
                history.add(e);
                // without validation states (an empty ensemble domain) the last epoch is kept
                boolean improved = bestEpoch < 0 || validation.isEmpty() || e.selection() < history.get(bestEpoch).selection();
                if (improved) {
                    bestEpoch = epoch;
                    best = copy(net);
                }
                State state = new State(config, kind, options, history, bestEpoch);
                store.commit(entries(state, net), improved ? entries(state, best) : null);
                if (checkpoint != null) {
                    AtomicFiles.writeString(checkpoint.resolve("history.csv"), historyCsv(history));
                }
            }
        }
        return new Result(best == null ? net : best, List.copyOf(history), bestEpoch);
    }

    /** Every input that decides the result of {@link #train}. */
    private static Provenance provenance(CnnConfig config, EntanglementNet.Kind kind, TrainingOptions o, int batches,
            LabelledStates train, List<LabelledStates> validation, EntanglementNet initial, Provenance datasets) {
        Provenance.Builder p = Provenance.builder().fixed("network", kind + " " + config).fixed("batch-size", o.batchSize())
                .fixed("lambda", o.lambda()).fixed("pairing", o.referenceCode() ? "reference-code" : "paper").fixed("seed", o.seed())
                .growing("epochs", o.epochs()).growing("lambda-from-epoch", o.lambdaFromEpoch())
                .growing("batches-per-epoch", batches).free("learning-rate", o.learningRate())
                .fixed("start", initial == null ? "seeded initialisation" : "copy of a network with weights "
                        + LabelledStates.crc(Graphs.parameters(initial.graph()).values()))
                .fixed("train.states", train.fingerprint());
        for (int v = 0; v < validation.size(); v++) {
            p.fixed("validation-" + v + ".states", validation.get(v).fingerprint());
        }
        if (datasets != null) {
            p.with("datasets", datasets);
        }
        return p.build();
    }

    /** The history as CSV: epoch, λ, learning rate, training BCE, then BCE and accuracy per validation set, seconds. */
    static String historyCsv(List<Epoch> history) {
        StringBuilder sb = new StringBuilder("epoch,lambda,learningRate,trainBce");
        int sets = history.isEmpty() ? 0 : history.get(0).valBce().length;
        for (int v = 0; v < sets; v++) {
            sb.append(",valBce").append(v).append(",valAccuracy").append(v);
        }
        sb.append(",seconds\n");
        for (Epoch e : history) {
            sb.append(String.format(Locale.ROOT, "%d,%.3g,%.3g,%.6f", e.epoch() + 1, e.lambda(), e.learningRate(), e.trainBce()));
            for (int v = 0; v < e.valBce().length; v++) {
                sb.append(String.format(Locale.ROOT, ",%.6f,%.2f", e.valBce()[v], e.valAccuracy()[v]));
            }
            sb.append(String.format(Locale.ROOT, ",%.1f%n", e.seconds()));
        }
        return sb.toString();
    }

    private static Map<String, byte[]> entries(State state, EntanglementNet net) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(STATE, GSON.toJson(state).getBytes(StandardCharsets.UTF_8));
        m.put(MODEL, Graphs.toBytes(net.graph()));
        return m;
    }

    /** A seeded Fisher–Yates permutation of 0..n−1. */
    static int[] shuffled(int n, Random r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static EntanglementNet copy(EntanglementNet net) {
        return new EntanglementNet(net.config(), net.kind(), net.graph().dup());
    }

    /**
     * Loads the network of a checkpoint file ({@code last.ckpt} or {@code best.ckpt} of a checkpoint folder),
     * checking it has the expected architecture and finite weights.
     *
     * @param file   the file
     * @param config the architecture it must have
     * @param kind   CNN or Siamese
     * @return the network
     * @throws IOException              if the file is missing, damaged or of another architecture
     * @throws IllegalArgumentException if its weights are not finite
     */
    public static EntanglementNet load(Path file, CnnConfig config, EntanglementNet.Kind kind) throws IOException {
        return fromEntries(Checkpoints.read(file), file, config, kind);
    }

    private static EntanglementNet fromEntries(Map<String, byte[]> entries, Path file, CnnConfig config, EntanglementNet.Kind kind)
            throws IOException {
        byte[] model = entries.get(MODEL);
        if (model == null) {
            throw new IOException("checkpoint " + file + " holds no entanglement network (no " + MODEL + ")");
        }
        SameDiff sd = Graphs.fromBytes(model, file);
        EntanglementNet reference = EntanglementNet.create(config, kind, 1e-3, 0);
        for (var v : reference.graph().variables()) {
            if (v.getVariableType() != org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                continue;
            }
            var loaded = sd.getVariable(v.name());
            if (loaded == null || !java.util.Arrays.equals(loaded.getArr().shape(), v.getArr().shape())) {
                throw new IOException("checkpoint " + file + " does not match " + kind + " " + config + ": parameter " + v.name()
                        + (loaded == null ? " is missing" : " has shape " + java.util.Arrays.toString(loaded.getArr().shape())
                        + ", expected " + java.util.Arrays.toString(v.getArr().shape())));
            }
        }
        if (kind == EntanglementNet.Kind.SIAMESE && sd.getVariable(EntanglementNet.INPUT_PERM) == null) {
            throw new IOException("checkpoint " + file + " holds a CNN, not a Siamese network");
        }
        Values.requireFinite(Graphs.parameters(sd), file);
        Quiet.call(() -> {
            sd.createGradFunction();
            return null;
        });
        return new EntanglementNet(config, kind, sd);
    }

    private static State readState(Map<String, byte[]> entries, Path file) throws IOException {
        try {
            byte[] b = entries.get(STATE);
            State s = b == null ? null : GSON.fromJson(new String(b, StandardCharsets.UTF_8), State.class);
            if (s == null || s.config() == null || s.options() == null || s.history() == null) {
                throw new JsonParseException("fields missing");
            }
            return s;
        } catch (JsonParseException e) {
            throw new IOException("checkpoint " + file + " has a damaged state (" + e.getMessage() + "); delete the folder to"
                    + " start afresh", e);
        }
    }
}
