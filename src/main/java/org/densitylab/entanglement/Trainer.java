package org.densitylab.entanglement;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.densitylab.nn.Graphs;
import org.densitylab.nn.Quiet;
import org.densitylab.progress.Progress;
import org.densitylab.util.Seeds;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Trains a CNN or Siamese network (docs/papers.md#training): Adam, mini-batches of a seeded shuffle, the λ schedule of
 * paper 1 Eq. 6, and after every epoch the validation BCE of each validation set; the kept model minimises their
 * sum (the reference code's selection; the paper says "most accurate on both validation sets").
 *
 * <p>With a checkpoint directory, every epoch ends with an atomic write (temp file + rename) of
 * {@code last.sd} (weights and Adam state), {@code best.sd} when the validation loss improved, and
 * {@code state.json} (architecture, options, history). Training with the same directory resumes after the
 * last finished epoch (also to train for more epochs); a directory written for another architecture or other
 * options is refused.
 */
public final class Trainer {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

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
        if (initial != null && (!initial.config().equals(config) || initial.kind() != kind)) {
            throw new IllegalArgumentException("the starting network is a " + initial.kind() + " " + initial.config()
                    + ", not a " + kind + " " + config);
        }
        if (train.qubits() != config.qubits()) {
            throw new IllegalArgumentException("training states have " + train.qubits() + " qubits, the network " + config.qubits());
        }
        List<Epoch> history = new ArrayList<>();
        int bestEpoch = -1;
        EntanglementNet net;
        EntanglementNet best = null;
        State saved = checkpoint == null ? null : readState(checkpoint);
        if (saved != null) {
            TrainingOptions comparable = saved.options().withEpochs(options.epochs()).withLearningRate(options.learningRate());
            if (!saved.config().equals(config) || saved.kind() != kind || !comparable.equals(options)) {
                throw new IllegalArgumentException("checkpoint " + checkpoint + " was written for " + saved.kind() + " "
                        + saved.config() + " with " + saved.options() + ", not " + kind + " " + config + " with " + options
                        + "; use another directory or delete it to start afresh");
            }
            net = load(checkpoint.resolve("last.sd"), config, kind);
            net.setLearningRate(options.learningRate());
            history.addAll(saved.history());
            bestEpoch = saved.bestEpoch();
            best = bestEpoch >= 0 ? load(checkpoint.resolve("best.sd"), config, kind) : null;
        } else {
            net = EntanglementNet.create(config, kind, options.learningRate(), options.seed());
            if (initial != null) {
                net.copyWeightsFrom(initial);
            }
        }
        int batches = train.size() / options.batchSize();
        if (options.maxBatchesPerEpoch() > 0) {
            batches = Math.min(batches, options.maxBatchesPerEpoch());
        }
        if (batches == 0) {
            throw new IllegalArgumentException("the training set (" + train.size() + " states) is smaller than one batch of "
                    + options.batchSize());
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
                    if (b % 20 == 0) {
                        trainBce += net.bce(batch.states(), batch.labels());
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
            if (checkpoint != null) {
                Files.createDirectories(checkpoint);
                save(net, checkpoint.resolve("last.sd"));
                if (improved) {
                    save(best, checkpoint.resolve("best.sd"));
                }
                Graphs.writeAtomically(checkpoint.resolve("state.json"), GSON.toJson(new State(config, kind, options, history, bestEpoch)));
            }
        }
        return new Result(best == null ? net : best, List.copyOf(history), bestEpoch);
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
     * Saves a network with its optimiser state, atomically.
     *
     * @param net  the network
     * @param file the file
     * @throws IOException if writing fails
     */
    public static void save(EntanglementNet net, Path file) throws IOException {
        Graphs.save(net.graph(), file);
    }

    /**
     * Loads a network saved by {@link #save}, checking it has the expected architecture.
     *
     * @param file   the file
     * @param config the architecture it must have
     * @param kind   CNN or Siamese
     * @return the network
     * @throws IOException if the file is missing, corrupt or of another architecture
     */
    public static EntanglementNet load(Path file, CnnConfig config, EntanglementNet.Kind kind) throws IOException {
        SameDiff sd = Graphs.load(file);
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
        Quiet.call(() -> {
            sd.createGradFunction();
            return null;
        });
        return new EntanglementNet(config, kind, sd);
    }

    private static State readState(Path dir) throws IOException {
        Path f = dir.resolve("state.json");
        if (!Files.exists(f)) {
            return null;
        }
        try {
            State s = GSON.fromJson(Files.readString(f, StandardCharsets.UTF_8), State.class);
            if (s == null || s.config() == null || s.options() == null || s.history() == null) {
                throw new JsonParseException("fields missing");
            }
            return s;
        } catch (JsonParseException e) {
            throw new IOException("checkpoint state " + f + " is corrupt (" + e.getMessage() + "); delete the directory to start afresh", e);
        }
    }

}
