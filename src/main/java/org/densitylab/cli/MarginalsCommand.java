package org.densitylab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.densitylab.marginals.MarginalsEvaluation;
import org.densitylab.marginals.MarginalsPlots;
import org.densitylab.marginals.ReferenceNumbers;
import org.densitylab.marginals.MarginalsDataset;
import org.densitylab.marginals.Cdae;
import org.densitylab.marginals.CdaeLoss;
import org.densitylab.marginals.CdaeTrainer;
import org.densitylab.marginals.Checkpoint;
import org.densitylab.marginals.TrainingData;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code densitylab marginals-train} and {@code marginals-eval}: train the CDAE of the marginals paper (model1 = paper
 * 2 Eq. 6 with the marginal term, model2 = polar term only; docs/papers.md#training-the-cdae) on a seeded in-memory
 * training set, checkpointing every epoch and resuming on a rerun ({@link CdaeTrainer}), optionally starting from the
 * N−1 model (transfer learning, docs/papers.md#transfer-learning); then evaluate per rank \(2^N-6\dots 2^N\)
 * (docs/papers.md#evaluation-success-fidelity-random-guessing, {@link MarginalsEvaluation}) and write {@code
 * results.csv}, {@code fidelity.png} (paper Fig. 2 style, with the reference code's published numbers beside ours when
 * they exist), {@code success.png}, {@code history.csv} and {@code command.txt}.
 */
final class MarginalsCommand {
    static final String TRAIN_USAGE = """
            usage: densitylab marginals-train --n N --out DIR [--k N-1] [--model model1|model2] [--samples 10000]
                     [--epochs 10] [--seed 1] [--scale 10] [--lr 1e-4] [--batch 100] [--validation 100]
                     [--trace-term false] [--transfer-from DIR] [--freeze none|encoder|all-but-last]
                     [--eval-samples 200] [--eval-k K]
              Generates --samples training records (ranks 2^N-6..2^N, seed --seed) in memory, trains the CDAE with
              Adam and batch 100, writes DIR/last.ckpt after every epoch (best.ckpt: best validation fidelity with
              success > 0.9), and resumes when rerun with the same settings (a larger --epochs continues).
              --transfer-from starts from the best (else last) checkpoint of an N-1 run. Then evaluates the best
              (else last) weights with --eval-samples per rank and writes results.csv, fidelity.png, success.png,
              history.csv and command.txt (one line per invocation; 0 eval samples: training only).""";
    static final String EVAL_USAGE = """
            usage: densitylab marginals-eval --models LABEL=DIR[,LABEL=DIR...] --n N --k K --out DIR [--samples 200]
                     [--seed 2]
              Evaluates trained runs (best.ckpt, else last.ckpt, or a .ckpt file) at N with k-body marginals for the
              ranks 2^N-6..2^N and writes results.csv, fidelity.png, success.png and command.txt to --out.""";

    /** Settings that must agree between a run directory and a rerun on it. */
    private static final List<String> RUN_KEYS = List.of("n", "k", "model", "samples", "seed", "scale", "lr", "batch",
            "validation", "trace-term", "transfer-from", "freeze");
    private static final String SETTINGS = "settings.properties";

    private MarginalsCommand() {
    }

    static int train(List<String> args, PrintStream out) throws IOException {
        Map<String, String> o = DatasetCommand.options(args, List.of("n", "k", "model", "samples", "epochs", "seed", "scale",
                "lr", "batch", "validation", "trace-term", "transfer-from", "freeze", "out", "eval-samples", "eval-k"));
        if (!o.containsKey("n") || !o.containsKey("out") || o.containsKey("")) {
            out.println(TRAIN_USAGE);
            return 2;
        }
        int n = Integer.parseInt(o.get("n"));
        Map<String, String> s = new LinkedHashMap<>();
        s.put("n", Integer.toString(n));
        s.put("k", o.getOrDefault("k", Integer.toString(n - 1)));
        s.put("model", o.getOrDefault("model", "model1"));
        s.put("samples", o.getOrDefault("samples", "10000"));
        s.put("seed", o.getOrDefault("seed", "1"));
        s.put("scale", o.getOrDefault("scale", Integer.toString(Cdae.PAPER_SCALE)));
        s.put("lr", Double.toString(Double.parseDouble(o.getOrDefault("lr", "1e-4"))));
        s.put("batch", o.getOrDefault("batch", "100"));
        s.put("validation", o.getOrDefault("validation", "100"));
        s.put("trace-term", Boolean.toString(Boolean.parseBoolean(o.getOrDefault("trace-term", "false"))));
        s.put("transfer-from", o.containsKey("transfer-from") ? Path.of(o.get("transfer-from")).toAbsolutePath().normalize()
                .toString() : "");
        s.put("freeze", o.getOrDefault("freeze", "none"));
        int epochs = Integer.parseInt(o.getOrDefault("epochs", "10"));
        int evalSamples = Integer.parseInt(o.getOrDefault("eval-samples", "200"));
        int k = Integer.parseInt(s.get("k"));
        int evalK = Integer.parseInt(o.getOrDefault("eval-k", s.get("k")));
        List<String> frozen = frozenLayers(s.get("freeze"));
        if (!frozen.isEmpty() && s.get("transfer-from").isEmpty()) {
            throw new IllegalArgumentException("--freeze " + s.get("freeze") + " needs --transfer-from (frozen layers would"
                    + " keep their random initial weights)");
        }
        CdaeLoss.Spec loss = switch (s.get("model")) {
            case "model1" -> CdaeLoss.Spec.model1(k);
            case "model2" -> CdaeLoss.Spec.model2(k);
            default -> throw new IllegalArgumentException("--model must be model1 or model2, got " + s.get("model"));
        };
        if (Boolean.parseBoolean(s.get("trace-term"))) {
            loss = loss.withTraceTerm();
        }
        long seed = Long.parseLong(s.get("seed"));
        CdaeTrainer.Config config = new CdaeTrainer.Config(n, Integer.parseInt(s.get("scale")), loss,
                Double.parseDouble(s.get("lr")), Integer.parseInt(s.get("batch")), Integer.parseInt(s.get("validation")), seed,
                java.util.Set.of()).withFrozenLayers(frozen);
        Path dir = Path.of(o.get("out"));
        Files.createDirectories(dir);
        requireSameSettings(dir, s);
        Cdae initial = null;
        if (!s.get("transfer-from").isEmpty() && !Files.exists(dir.resolve("last.ckpt"))) {
            Checkpoint from = Checkpoint.read(weightsOf(Path.of(s.get("transfer-from"))));
            if (from.meta().scale() != config.scale()) {
                throw new IllegalArgumentException("--transfer-from " + s.get("transfer-from") + " has S=" + from.meta().scale()
                        + " but this run has S=" + config.scale());
            }
            initial = from.network(n);
        }
        // one line per invocation: a run that was stopped and resumed keeps the whole story
        Path commands = dir.resolve("command.txt");
        writeAtomically(commands, (Files.exists(commands) ? Files.readString(commands) : "") + "densitylab marginals-train "
                + String.join(" ", args) + "\n");
        CdaeTrainer trainer = CdaeTrainer.open(config, dir, initial);
        if (trainer.epoch() < epochs) {
            MarginalsDataset.Spec spec = MarginalsDataset.Spec.of(n, k, Integer.parseInt(s.get("samples")));
            TrainingData data = TrainingData.of(MarginalsDataset.generate(spec, seed), spec.size());
            trainer.train(data, epochs);
        }
        writeHistory(dir.resolve("history.csv"), trainer.history());
        if (evalSamples > 0) {
            Path weights = weightsOf(dir);
            Table t = evaluate(Map.of(s.get("model"), weights), n, evalK, evalSamples, seed + 1);
            writeResults(dir, t, "CDAE N=" + n + " k=" + evalK + " (" + s.get("model") + ", " + weights.getFileName() + ")", n,
                    evalK);
            out.println(t.printAll());
        }
        return 0;
    }

    static int eval(List<String> args, PrintStream out) throws IOException {
        Map<String, String> o = DatasetCommand.options(args, List.of("models", "n", "k", "out", "samples", "seed"));
        if (!o.containsKey("models") || !o.containsKey("n") || !o.containsKey("k") || !o.containsKey("out")
                || o.containsKey("")) {
            out.println(EVAL_USAGE);
            return 2;
        }
        Map<String, Path> models = new LinkedHashMap<>();
        for (String m : o.get("models").split(",")) {
            int eq = m.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--models takes LABEL=DIR pairs, got '" + m + "'");
            }
            models.put(m.substring(0, eq), weightsOf(Path.of(m.substring(eq + 1))));
        }
        int n = Integer.parseInt(o.get("n"));
        int k = Integer.parseInt(o.get("k"));
        Path dir = Path.of(o.get("out"));
        Files.createDirectories(dir);
        writeAtomically(dir.resolve("command.txt"), "densitylab marginals-eval " + String.join(" ", args) + "\n");
        Table t = evaluate(models, n, k, Integer.parseInt(o.getOrDefault("samples", "200")),
                Long.parseLong(o.getOrDefault("seed", "2")));
        writeResults(dir, t, "CDAE N=" + n + " k=" + k, n, k);
        out.println(t.printAll());
        return 0;
    }

    /**
     * The layers frozen by a transfer-learning mode: the reference code's encoder (docs/papers.md#transfer-learning),
     * or every layer but the last (the paper's account of 3 → 4).
     */
    static List<String> frozenLayers(String mode) {
        return switch (mode) {
            case "none" -> List.of();
            case "encoder" -> Cdae.ENCODER;
            case "all-but-last" -> {
                List<String> l = new ArrayList<>(Cdae.ENCODER);
                l.addAll(Cdae.DECODER.subList(0, Cdae.DECODER.size() - 1));
                yield List.copyOf(l);
            }
            default -> throw new IllegalArgumentException("--freeze must be none, encoder or all-but-last, got " + mode);
        };
    }

    /** The weights to use from a run directory: best.ckpt, else last.ckpt; a file is taken as is. */
    static Path weightsOf(Path runOrFile) {
        if (Files.isRegularFile(runOrFile)) {
            return runOrFile;
        }
        for (String f : List.of("best.ckpt", "last.ckpt")) {
            if (Files.isRegularFile(runOrFile.resolve(f))) {
                return runOrFile.resolve(f);
            }
        }
        throw new IllegalArgumentException(runOrFile + " holds no best.ckpt or last.ckpt");
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
        return Objects.requireNonNull(all, "no models").setName("CDAE N=" + n + " k=" + k);
    }

    private static void writeResults(Path out, Table t, String title, int n, int k) throws IOException {
        Path tmp = Files.createTempFile(out, "results", ".csv.tmp");
        try {
            t.write().csv(tmp.toFile());
            Files.move(tmp, out.resolve("results.csv"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
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
        writeAtomically(file, sb.toString());
    }

    /** Records the run's settings on first use; on a rerun, fails naming every setting that differs. */
    private static void requireSameSettings(Path out, Map<String, String> s) throws IOException {
        Path file = out.resolve(SETTINGS);
        StringBuilder text = new StringBuilder();
        RUN_KEYS.forEach(key -> text.append(key).append('=').append(s.get(key)).append('\n'));
        if (!Files.exists(file)) {
            if (Files.exists(out.resolve("last.ckpt"))) {
                throw new IllegalArgumentException(out + " holds a checkpoint but no " + SETTINGS
                        + "; it was not written by marginals-train: use another --out");
            }
            writeAtomically(file, text.toString());
            return;
        }
        java.util.Properties old = new java.util.Properties();
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            old.load(r);
        }
        List<String> diff = new ArrayList<>();
        for (String key : RUN_KEYS) {
            String was = old.getProperty(key, "");
            if (!was.equals(s.get(key))) {
                diff.add("--" + key + " " + (was.isEmpty() ? "(unset)" : was) + " -> " + (s.get(key).isEmpty() ? "(unset)" : s.get(key)));
            }
        }
        if (!diff.isEmpty()) {
            throw new IllegalArgumentException(out + " holds a run with other settings (" + String.join(", ", diff)
                    + "); rerun with the original settings to resume, or use another --out");
        }
    }

    static void writeAtomically(Path file, String text) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
