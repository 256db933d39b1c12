package org.densitylab.marginals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.densitylab.run.Checkpoints;
import org.densitylab.run.Provenance;
import org.densitylab.run.RunFolder;
import org.densitylab.util.AtomicFiles;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The marginals paper's training and evaluation runs, beside {@code EntanglementExperiment}: train the CDAE (model1 =
 * Eq. 6 with the marginal term, model2 = polar term only) on a seeded in-memory training set, checkpointing every
 * epoch and resuming on a rerun ({@link CdaeTrainer}), optionally starting from the N−1 model (transfer learning);
 * then evaluate per rank \(2^N-6\dots 2^N\) ({@link MarginalsEvaluation}) and write {@code results.csv},
 * {@code fidelity.png} (paper Fig. 2 style, with the reference code's published numbers beside ours when they exist),
 * {@code success.png} and {@code history.csv}. The output folder is a {@link RunFolder}: locked, with the run's
 * {@code provenance.json} (a rerun with other settings is refused naming each) and {@code command.txt}.
 *
 * <pre>{@code
 * var s = MarginalsExperiment.Training.of(3, Path.of("runs/n3")).withEpochs(20);
 * Table t = MarginalsExperiment.train(s, null);
 * }</pre>
 */
public final class MarginalsExperiment {
    private MarginalsExperiment() {
    }

    /** The loss of the paper's two models. */
    public enum Model {
        /** Eq. 6: polar and marginal terms */
        MODEL1,
        /** the polar term only */
        MODEL2
    }

    /** Which layers a transfer-learning run keeps frozen. */
    public enum Freeze {
        /** none */
        NONE,
        /** the reference code's encoder */
        ENCODER,
        /** every layer but the last (the paper's account of 3 → 4) */
        ALL_BUT_LAST;

        /** @return the frozen layers' names */
        public List<String> layers() {
            return switch (this) {
                case NONE -> List.of();
                case ENCODER -> Cdae.ENCODER;
                case ALL_BUT_LAST -> {
                    List<String> l = new ArrayList<>(Cdae.ENCODER);
                    l.addAll(Cdae.DECODER.subList(0, Cdae.DECODER.size() - 1));
                    yield List.copyOf(l);
                }
            };
        }
    }

    /**
     * A training run. Validated when made: every value is checked before anything is written.
     *
     * @param n            N, the register (3..12)
     * @param k            marginal size of the loss (1..N−1)
     * @param model        model1 or model2
     * @param samples      training records (at least 1)
     * @param epochs       epochs in all (at least 1; a rerun with more continues)
     * @param seed         seed of data, weights, shuffles and validation (evaluation: seed + 1)
     * @param scale        S (at least 1)
     * @param learningRate Adam's initial rate (&gt; 0)
     * @param batch        batch size (at least 1)
     * @param validation   validation samples per epoch (0: none)
     * @param traceTerm    add the trace term to the loss
     * @param transferFrom a run folder or checkpoint to start from, or null
     * @param freeze       layers kept frozen (needs {@code transferFrom})
     * @param evalSamples  evaluation samples per rank (0: training only)
     * @param evalK        marginal size of the evaluation (1..N−1)
     * @param out          the run folder
     */
    public record Training(int n, int k, Model model, int samples, int epochs, long seed, int scale, double learningRate,
            int batch, int validation, boolean traceTerm, Path transferFrom, Freeze freeze, int evalSamples, int evalK, Path out) {
        /**
         * @throws IllegalArgumentException naming the option and the value
         */
        public Training {
            if (n < 3 || n > org.densitylab.quantum.Qubits.MAX_QUBITS) {
                throw new IllegalArgumentException("--n: " + n + " is out of range; the CDAE takes registers of 3 to "
                        + org.densitylab.quantum.Qubits.MAX_QUBITS + " qubits, e.g. --n 3");
            }
            for (String name : List.of("k", "eval-k")) {
                int v = name.equals("k") ? k : evalK;
                if (v < 1 || v > n - 1) {
                    throw new IllegalArgumentException("--" + name + ": " + v + " is out of range; at N = " + n
                            + " the marginals have 1 to " + (n - 1) + " qubits, e.g. --" + name + " " + (n - 1));
                }
            }
            atLeast("samples", samples, 1);
            atLeast("epochs", epochs, 1);
            atLeast("scale", scale, 1);
            atLeast("batch", batch, 1);
            atLeast("validation", validation, 0);
            atLeast("eval-samples", evalSamples, 0);
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("--lr: " + learningRate + " is not a number greater than 0; give e.g. --lr 1e-4");
            }
            java.util.Objects.requireNonNull(model, "model");
            java.util.Objects.requireNonNull(freeze, "freeze");
            java.util.Objects.requireNonNull(out, "out");
            if (freeze != Freeze.NONE && transferFrom == null) {
                throw new IllegalArgumentException("--freeze " + word(freeze) + " needs --transfer-from (frozen layers"
                        + " would keep their random initial weights)");
            }
            if (transferFrom != null) {
                transferFrom = transferFrom.toAbsolutePath().normalize();
            }
        }

        /**
         * The defaults of {@code densitylab marginals-train}: k = N−1, model1, 10,000 samples, 10 epochs, seed 1,
         * S = 10, Adam 1e-4, batch 100, 100 validation samples, 200 evaluation samples per rank.
         *
         * @param n   N
         * @param out the run folder
         * @return the settings
         */
        public static Training of(int n, Path out) {
            return new Training(n, n - 1, Model.MODEL1, 10_000, 10, 1, Cdae.PAPER_SCALE, 1e-4, 100, 100, false, null,
                    Freeze.NONE, 200, n - 1, out);
        }

        /** @param e epochs @return a copy */
        public Training withEpochs(int e) {
            return new Training(n, k, model, samples, e, seed, scale, learningRate, batch, validation, traceTerm, transferFrom,
                    freeze, evalSamples, evalK, out);
        }

        /** @return the loss */
        public CdaeLoss.Spec loss() {
            CdaeLoss.Spec l = model == Model.MODEL1 ? CdaeLoss.Spec.model1(k) : CdaeLoss.Spec.model2(k);
            return traceTerm ? l.withTraceTerm() : l;
        }

        /** @return the trainer's configuration */
        public CdaeTrainer.Config config() {
            return new CdaeTrainer.Config(n, scale, loss(), learningRate, batch, validation, seed, java.util.Set.of())
                    .withFrozenLayers(freeze.layers());
        }

        /** @return every setting that decides the results (the epochs may grow) */
        public Provenance provenance() {
            return Provenance.builder().fixed("n", n).fixed("k", k).fixed("model", word(model)).fixed("samples", samples)
                    .fixed("seed", seed).fixed("scale", scale).fixed("lr", learningRate).fixed("batch", batch)
                    .fixed("validation", validation).fixed("trace-term", traceTerm)
                    .fixed("transfer-from", transferFrom == null ? "" : transferFrom).fixed("freeze", word(freeze))
                    .growing("epochs", epochs).free("eval-samples", evalSamples).free("eval-k", evalK).build();
        }
    }

    private static void atLeast(String option, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException("--" + option + ": " + value + " is too small; give a whole number of at least " + min);
        }
    }

    /** The option word of a choice: model1, all-but-last, ... */
    private static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Trains (or resumes) and evaluates a run.
     *
     * @param s       the settings
     * @param command the invocation to log in {@code command.txt}, or null
     * @return the evaluation table, or null with 0 evaluation samples
     * @throws IOException              naming the file if one cannot be read or written
     * @throws IllegalArgumentException if the folder holds a run with other settings (naming each), or the transfer
     *                                  source is unusable
     */
    public static Table train(Training s, String command) throws IOException {
        Cdae initial = null;
        Path dir = s.out();
        if (s.transferFrom() != null && !Files.exists(dir.resolve(Checkpoints.LAST))) {
            Path source = weightsOf(s.transferFrom());
            Checkpoint from = Checkpoint.read(source);
            if (from.meta().scale() != s.scale()) {
                throw new IllegalArgumentException("--transfer-from " + s.transferFrom() + " has S=" + from.meta().scale()
                        + " but this run has S=" + s.scale() + "; give --scale " + from.meta().scale());
            }
            initial = from.network(s.n());
        }
        try (RunFolder run = RunFolder.open(dir, s.provenance(), command)) {
            CdaeTrainer trainer = CdaeTrainer.open(s.config(), dir, initial);
            if (trainer.epoch() < s.epochs()) {
                MarginalsDataset.Spec spec = MarginalsDataset.Spec.of(s.n(), s.k(), s.samples());
                trainer.train(TrainingData.of(MarginalsDataset.generate(spec, s.seed()), spec.size()), s.epochs());
            }
            writeHistory(dir.resolve("history.csv"), trainer.history());
            if (s.evalSamples() == 0) {
                return null;
            }
            Path weights = weightsOf(dir);
            Table t = evaluate(Map.of(word(s.model()), weights), s.n(), s.evalK(), s.evalSamples(), s.seed() + 1);
            writeResults(dir, t, "CDAE N=" + s.n() + " k=" + s.evalK() + " (" + word(s.model()) + ", "
                    + weights.getFileName() + ")", s.n(), s.evalK());
            return t;
        }
    }

    /**
     * An evaluation of trained runs.
     *
     * @param models  label → run folder or checkpoint file
     * @param n       N of the evaluation
     * @param k       marginal size
     * @param samples samples per rank (at least 1)
     * @param seed    seed of the samples
     * @param out     the output folder
     */
    public record Evaluation(Map<String, Path> models, int n, int k, int samples, long seed, Path out) {
        /**
         * @throws IllegalArgumentException naming the option and the value
         */
        public Evaluation {
            if (models.isEmpty()) {
                throw new IllegalArgumentException("--models: give at least one LABEL=DIR");
            }
            models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
            if (n < 3 || n > org.densitylab.quantum.Qubits.MAX_QUBITS) {
                throw new IllegalArgumentException("--n: " + n + " is out of range; give 3 to " + org.densitylab.quantum.Qubits.MAX_QUBITS);
            }
            if (k < 1 || k > n - 1) {
                throw new IllegalArgumentException("--k: " + k + " is out of range; at N = " + n + " give 1 to " + (n - 1));
            }
            atLeast("samples", samples, 1);
        }
    }

    /**
     * Evaluates trained runs and writes {@code results.csv}, {@code fidelity.png} and {@code success.png}.
     *
     * @param s       the settings
     * @param command the invocation to log, or null
     * @return the table
     * @throws IOException naming the file and what to do if a checkpoint is missing or damaged
     */
    public static Table evaluate(Evaluation s, String command) throws IOException {
        Map<String, Path> weights = new LinkedHashMap<>();
        for (Map.Entry<String, Path> m : s.models().entrySet()) {
            weights.put(m.getKey(), weightsOf(m.getValue()));
        }
        Provenance p = Provenance.builder().free("models", weights).free("n", s.n()).free("k", s.k())
                .free("samples", s.samples()).free("seed", s.seed()).build();
        try (RunFolder run = RunFolder.open(s.out(), p, command)) {
            Table t = evaluate(weights, s.n(), s.k(), s.samples(), s.seed());
            writeResults(s.out(), t, "CDAE N=" + s.n() + " k=" + s.k(), s.n(), s.k());
            return t;
        }
    }

    /**
     * The weights to use from a run folder: {@code best.ckpt}, else {@code last.ckpt}; a file is taken as is.
     *
     * @param runOrFile a run folder or a checkpoint file
     * @return the checkpoint file
     * @throws IllegalArgumentException naming the folder if it holds no checkpoint
     */
    public static Path weightsOf(Path runOrFile) {
        if (!Files.exists(runOrFile)) {
            throw new IllegalArgumentException(runOrFile + " does not exist; give the folder of a marginals-train run or a"
                    + " checkpoint file");
        }
        if (Files.isRegularFile(runOrFile)) {
            return runOrFile;
        }
        for (String f : List.of(Checkpoints.BEST, Checkpoints.LAST)) {
            if (Files.isRegularFile(runOrFile.resolve(f))) {
                return runOrFile.resolve(f);
            }
        }
        throw new IllegalArgumentException(runOrFile + " holds no " + Checkpoints.BEST + " or " + Checkpoints.LAST
                + "; give the folder of a marginals-train run or a checkpoint file");
    }

    /** Evaluates each model at (N, k); one table with a {@code model} and a {@code epoch} column in front. */
    static Table evaluate(Map<String, Path> models, int n, int k, int samples, long seed) throws IOException {
        Table all = null;
        for (Map.Entry<String, Path> m : models.entrySet()) {
            Checkpoint c = Checkpoint.read(m.getValue());
            Cdae net = c.network(n);
            Table t = MarginalsEvaluation.table(m.getKey(), MarginalsEvaluation.evaluatePaperRanks(net, k, samples, seed));
            t.insertColumn(0, StringColumn.create("model", t.rowCount()).setMissingTo(m.getKey()));
            t.insertColumn(1, IntColumn.create("epoch", t.rowCount()).setMissingTo(c.meta().epoch()));
            all = all == null ? t : all.append(t);
        }
        return java.util.Objects.requireNonNull(all, "no models").setName("CDAE N=" + n + " k=" + k);
    }

    private static void writeResults(Path out, Table t, String title, int n, int k) throws IOException {
        AtomicFiles.write(out.resolve("results.csv"), os -> t.write().csv(os));
        Map<String, Table> byModel = new LinkedHashMap<>();
        for (String m : t.stringColumn("model").unique()) {
            byModel.put(m, t.where(t.stringColumn("model").isEqualTo(m)));
        }
        Table ref = hasReference(n, k) ? ReferenceNumbers.model1(n, k) : null;
        MarginalsPlots.savePng(MarginalsPlots.fidelityVsRank(title, byModel, ref), out.resolve("fidelity.png"));
        MarginalsPlots.savePng(MarginalsPlots.successVsRank(title, byModel, ref), out.resolve("success.png"));
    }

    private static boolean hasReference(int n, int k) {
        return (n == 3 && k == 2) || (n == 4 && k == 3) || (n == 5 && k == 4);
    }

    private static void writeHistory(Path file, List<Checkpoint.Epoch> history) throws IOException {
        StringBuilder sb = new StringBuilder("epoch,loss,polar,marginal,trace,lr,valFidelity,valSuccess,seconds\n");
        for (Checkpoint.Epoch e : history) {
            sb.append(String.format(Locale.ROOT, "%d,%.8g,%.8g,%.8g,%.8g,%.3g,%.6f,%.4f,%.1f%n", e.epoch(), e.loss(), e.polar(),
                    e.marginal(), e.trace(), e.lr(), e.valFidelity(), e.valSuccess(), e.seconds()));
        }
        AtomicFiles.writeString(file, sb.toString());
    }
}
