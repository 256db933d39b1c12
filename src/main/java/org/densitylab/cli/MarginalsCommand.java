package org.densitylab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.densitylab.marginals.Cdae;
import org.densitylab.marginals.MarginalsExperiment;
import tech.tablesaw.api.Table;

/**
 * {@code densitylab marginals-train} and {@code marginals-eval}: parse the options into the settings of
 * {@link MarginalsExperiment} (every value validated before anything is written) and run it.
 */
final class MarginalsCommand {
    static final String TRAIN_USAGE = """
            usage: densitylab marginals-train --n N --out DIR [--k N-1] [--model model1|model2] [--samples 10000]
                     [--epochs 10] [--seed 1] [--scale 10] [--lr 1e-4] [--batch 100] [--validation 100]
                     [--trace-term false] [--transfer-from DIR] [--freeze none|encoder|all-but-last]
                     [--eval-samples 200] [--eval-k K]
              Generates --samples training records (ranks 2^N-6..2^N, seed --seed) in memory, trains the CDAE with
              Adam, commits DIR/last.ckpt after every epoch (best.ckpt: best validation fidelity with success > 0.9),
              and resumes when rerun with the same settings (a larger --epochs continues; other settings are refused
              naming each). --transfer-from starts from the best (else last) checkpoint of an N-1 run. Then evaluates
              the best (else last) weights with --eval-samples per rank and writes results.csv, fidelity.png,
              success.png, history.csv, provenance.json and command.txt (one line per invocation; 0 eval samples:
              training only). A second run on the same DIR is refused while the first runs.""";
    static final String EVAL_USAGE = """
            usage: densitylab marginals-eval --models LABEL=DIR[,LABEL=DIR...] --n N --k K --out DIR [--samples 200]
                     [--seed 2]
              Evaluates trained runs (best.ckpt, else last.ckpt, or a .ckpt file) at N with k-body marginals for the
              ranks 2^N-6..2^N and writes results.csv, fidelity.png, success.png and command.txt to --out.""";

    private MarginalsCommand() {
    }

    static int train(List<String> args, PrintStream out) throws IOException {
        Options o = Options.parse(args, List.of("n", "k", "model", "samples", "epochs", "seed", "scale", "lr", "batch",
                "validation", "trace-term", "transfer-from", "freeze", "out", "eval-samples", "eval-k"), List.of());
        if (!o.has("n") || !o.has("out") || !o.positional().isEmpty()) {
            out.println(TRAIN_USAGE);
            return 2;
        }
        int n = o.integer("n", 0, 1);
        int k = o.integer("k", n - 1, 1);
        var s = new MarginalsExperiment.Training(n, k, o.choice("model", MarginalsExperiment.Model.MODEL1,
                MarginalsExperiment.Model.class), o.integer("samples", 10_000, 1), o.integer("epochs", 10, 1), o.seed("seed", 1),
                o.integer("scale", Cdae.PAPER_SCALE, 1), o.positive("lr", 1e-4), o.integer("batch", 100, 1),
                o.integer("validation", 100, 0), o.bool("trace-term", false), o.has("transfer-from") ? o.path("transfer-from", null) : null,
                o.choice("freeze", MarginalsExperiment.Freeze.NONE, MarginalsExperiment.Freeze.class),
                o.integer("eval-samples", 200, 0), o.integer("eval-k", k, 1), o.path("out", null));
        Table t = MarginalsExperiment.train(s, o.commandLine("marginals-train"));
        if (t != null) {
            out.println(t.printAll());
        }
        return 0;
    }

    static int eval(List<String> args, PrintStream out) throws IOException {
        Options o = Options.parse(args, List.of("models", "n", "k", "out", "samples", "seed"), List.of());
        if (!o.has("models") || !o.has("n") || !o.has("k") || !o.has("out") || !o.positional().isEmpty()) {
            out.println(EVAL_USAGE);
            return 2;
        }
        Map<String, Path> models = new LinkedHashMap<>();
        for (String m : o.string("models", "").split(",")) {
            int eq = m.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("--models takes LABEL=DIR pairs, got '" + m + "'; give e.g. --models model1=runs/n3");
            }
            models.put(m.substring(0, eq), Path.of(m.substring(eq + 1)));
        }
        var s = new MarginalsExperiment.Evaluation(models, o.integer("n", 3, 1), o.integer("k", 2, 1), o.integer("samples", 200, 1),
                o.seed("seed", 2), o.path("out", null));
        Table t = MarginalsExperiment.evaluate(s, o.commandLine("marginals-eval"));
        out.println(t.printAll());
        return 0;
    }
}
