package org.densitylab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.densitylab.marginals.Checkpoint;
import org.densitylab.marginals.MarginalProblem;
import org.densitylab.marginals.MarginalsExperiment;
import org.densitylab.marginals.MethodComparison;
import org.densitylab.marginals.Reconstructor;
import org.densitylab.marginals.Reconstructors;
import org.densitylab.plot.HouseStyle;
import org.densitylab.run.Provenance;
import org.densitylab.run.RunFolder;
import org.densitylab.util.AtomicFiles;

/**
 * {@code densitylab marginals-reconstruct}: reconstruction methods side by side per target rank
 * ({@link MethodComparison}), writing {@code results.csv}, {@code diagnostics.csv}, {@code fidelity.png} (paper
 * Fig. 2 style, the reference code's numbers dashed where published), {@code runtime.png} and {@code command.txt}.
 * Every option is validated before anything is written.
 */
final class ReconstructCommand {
    static final String USAGE = """
            usage: densitylab marginals-reconstruct --n N --k K --methods LIST --samples S --seed SEED --out DIR
                     [--model DIR] [--ranks A..B] [--iterations 1000] [--tolerance 1e-8]
              Draws S target states per rank (ranks 2^N-6..2^N by default, at least 1), takes their k-body marginals
              and reconstructs them with each method of LIST (comma-separated):
                %s
              The cdae methods need --model (a marginals-train run directory or a .ckpt file); sdp needs Python
              with cvxopt. Writes DIR/results.csv (method,n,k,rank,samples,success,fidelity,fidelity_sd,
              state_fidelity,marginal_error,seconds_per_state), diagnostics.csv (iterations, converged),
              fidelity.png, runtime.png and command.txt. One thread.""".formatted(String.join(", ", Reconstructors.NAMES));
    private static final List<String> OPTIONS = List.of("n", "k", "methods", "samples", "seed", "out", "model", "ranks",
            "iterations", "tolerance");

    private ReconstructCommand() {
    }

    static int run(List<String> args, PrintStream out) throws IOException {
        if (args.isEmpty()) {
            out.println(USAGE);
            return 2;
        }
        Options o = Options.parse(args, OPTIONS, List.of());
        int n = Options.integer("n", o.required("n", "3"), 2);
        if (n > MarginalProblem.MAX_QUBITS) {
            throw new IllegalArgumentException("--n: " + n + " is too large; give at most " + MarginalProblem.MAX_QUBITS);
        }
        int d = 1 << n;
        int k = Options.integer("k", o.required("k", String.valueOf(n - 1)), 1);
        if (k >= n) {
            throw new IllegalArgumentException("--k: " + k + " is not below --n " + n + "; give e.g. --k " + (n - 1));
        }
        String methodList = o.required("methods", "alternating-projections,depolarize");
        int samples = Options.integer("samples", o.required("samples", "100"), 1);
        o.required("seed", "1");
        long seed = o.seed("seed", 0);
        Path dir = Path.of(o.required("out", "results/local/reconstruct"));
        Reconstructors.Options defaults = Reconstructors.Options.defaults();
        Reconstructors.Options options = defaults.withTolerance(o.positive("tolerance", defaults.tolerance()))
                .withIterations(o.integer("iterations", defaults.iterations(), 1));
        int[] ranks = o.has("ranks") ? ranks(o.string("ranks", null), d) : new int[] {Math.max(1, d - 6), d};
        checkMemory(n);
        List<String> names = methods(methodList);
        if (names.stream().anyMatch(m -> m.startsWith("cdae")) != o.has("model")) {
            throw new IllegalArgumentException(o.has("model") ? "--model " + o.string("model", null)
                    + " is given but no cdae method is in --methods " + methodList
                    : "--methods " + methodList + " has a cdae method: give the trained network with --model DIR");
        }
        if (o.has("model")) {
            Path weights;
            try {
                weights = MarginalsExperiment.weightsOf(o.path("model", null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--model: " + e.getMessage(), e);
            }
            options = options.withNetwork(Checkpoint.read(weights).network(n));
        }
        List<Reconstructor> methods = new ArrayList<>();
        for (String name : names) {
            methods.add(Reconstructors.byName(name, options));
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file, not a folder; give a folder");
        }
        // everything is validated: lock the folder, log the command, run, then write
        Provenance p = Provenance.builder().free("n", n).free("k", k).free("methods", methodList).free("samples", samples)
                .free("seed", seed).free("ranks", ranks[0] + ".." + ranks[1]).free("iterations", options.iterations())
                .free("tolerance", options.tolerance()).free("model", o.string("model", "")).build();
        try (RunFolder run = RunFolder.open(dir, p, o.commandLine("marginals-reconstruct"))) {
            List<MethodComparison.Row> rows = MethodComparison.run(n, k, methods, ranks[0], ranks[1], samples, seed);
            AtomicFiles.writeString(dir.resolve("results.csv"), MethodComparison.csv(rows));
            AtomicFiles.writeString(dir.resolve("diagnostics.csv"), MethodComparison.diagnosticsCsv(rows));
            HouseStyle.savePng(MethodComparison.fidelityPlot(rows), dir.resolve("fidelity.png"));
            HouseStyle.savePng(MethodComparison.runtimePlot(rows), dir.resolve("runtime.png"));
            out.print(MethodComparison.csv(rows));
        }
        return 0;
    }

    /** "A..B" (or a single rank "A") within 1..d. */
    static int[] ranks(String v, int d) {
        String[] parts = v.split("\\.\\.", -1);
        try {
            int a = Integer.parseInt(parts[0].trim());
            int b = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : a;
            if (parts.length > 2 || a < 1 || b > d || a > b) {
                throw new IllegalArgumentException("--ranks must be A..B with 1 <= A <= B <= 2^N = " + d + ", got " + v);
            }
            return new int[] {a, b};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--ranks must be A..B with whole numbers, got '" + v + "'");
        }
    }

    private static List<String> methods(String v) {
        List<String> names = new ArrayList<>();
        for (String s : v.split(",")) {
            String name = s.trim();
            if (!Reconstructors.NAMES.contains(name)) {
                throw new IllegalArgumentException("--methods: unknown method '" + name + "'; choose from "
                        + String.join(", ", Reconstructors.NAMES));
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("--methods lists " + name + " twice");
            }
            names.add(name);
        }
        return names;
    }

    /** Six 2^N × 2^N complex matrices (iterates, Anderson memory) must fit the heap. */
    private static void checkMemory(int n) {
        long need = (long) 16 * 16 << (2 * n);
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            throw new IllegalArgumentException("--n " + n + " needs about " + (need >> 20) + " MB of heap but the JVM has "
                    + (max >> 20) + " MB; raise -Xmx or use a smaller --n");
        }
    }
}
