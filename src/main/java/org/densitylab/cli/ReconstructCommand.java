package org.densitylab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.densitylab.marginals.Cdae;
import org.densitylab.marginals.Checkpoint;
import org.densitylab.marginals.MarginalProblem;
import org.densitylab.marginals.MarginalsPlots;
import org.densitylab.marginals.MethodComparison;
import org.densitylab.marginals.Reconstructor;
import org.densitylab.marginals.Reconstructors;

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
    private static final List<String> REQUIRED = List.of("n", "k", "methods", "samples", "seed", "out");
    private static final List<String> OPTIONAL = List.of("model", "ranks", "iterations", "tolerance");

    private ReconstructCommand() {
    }

    static int run(List<String> args, PrintStream out) throws IOException {
        if (args.isEmpty()) {
            out.println(USAGE);
            return 2;
        }
        Map<String, String> o = parse(args);
        int n = intOption(o, "n", 2, MarginalProblem.MAX_QUBITS);
        int d = 1 << n;
        int k = intOption(o, "k", 1, n - 1);
        int samples = intOption(o, "samples", 1, Integer.MAX_VALUE);
        long seed = longOption(o, "seed");
        int iterations = o.containsKey("iterations") ? intOption(o, "iterations", 1, Integer.MAX_VALUE)
                : Reconstructors.Options.defaults().iterations();
        double tolerance = Reconstructors.Options.defaults().tolerance();
        if (o.containsKey("tolerance")) {
            tolerance = doubleOption(o, "tolerance");
            if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
                throw new IllegalArgumentException("--tolerance must be a positive number, got " + o.get("tolerance"));
            }
        }
        int[] ranks = o.containsKey("ranks") ? ranks(o.get("ranks"), d) : new int[] {Math.max(1, d - 6), d};
        checkMemory(n);
        Reconstructors.Options options = Reconstructors.Options.defaults().withTolerance(tolerance)
                .withIterations(iterations);
        List<String> names = methods(o.get("methods"));
        if (names.stream().anyMatch(m -> m.startsWith("cdae")) != o.containsKey("model")) {
            throw new IllegalArgumentException(o.containsKey("model") ? "--model " + o.get("model")
                    + " is given but no cdae method is in --methods " + o.get("methods")
                    : "--methods " + o.get("methods") + " has a cdae method: give the trained network with --model DIR");
        }
        if (o.containsKey("model")) {
            options = options.withNetwork(network(Path.of(o.get("model")), n));
        }
        List<Reconstructor> methods = new ArrayList<>();
        for (String name : names) {
            methods.add(Reconstructors.byName(name, options));
        }
        Path dir = Path.of(o.get("out"));
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file, not a directory");
        }
        // everything is validated: make sure the results can be written, run, then write
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is not writable");
        }
        List<MethodComparison.Row> rows = MethodComparison.run(n, k, methods, ranks[0], ranks[1], samples, seed);
        writeAtomically(dir.resolve("command.txt"), "densitylab marginals-reconstruct " + String.join(" ", args) + "\n");
        writeAtomically(dir.resolve("results.csv"), MethodComparison.csv(rows));
        writeAtomically(dir.resolve("diagnostics.csv"), MethodComparison.diagnosticsCsv(rows));
        MarginalsPlots.savePng(MethodComparison.fidelityPlot(rows), dir.resolve("fidelity.png"));
        MarginalsPlots.savePng(MethodComparison.runtimePlot(rows), dir.resolve("runtime.png"));
        out.print(MethodComparison.csv(rows));
        return 0;
    }

    /** {@code --key value} pairs; every key known, given once, with a value. */
    private static Map<String, String> parse(List<String> args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String key = a.startsWith("--") ? a.substring(2) : null;
            if (key == null || !(REQUIRED.contains(key) || OPTIONAL.contains(key))) {
                throw new IllegalArgumentException("unknown argument '" + a + "'; options are --" + String.join(", --", REQUIRED)
                        + " and optionally --" + String.join(", --", OPTIONAL));
            }
            if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            if (o.put(key, args.get(++i)) != null) {
                throw new IllegalArgumentException(a + " is given twice");
            }
        }
        for (String key : REQUIRED) {
            if (!o.containsKey(key)) {
                throw new IllegalArgumentException("--" + key + " is required\n" + USAGE);
            }
        }
        return o;
    }

    private static int intOption(Map<String, String> o, String key, int min, int max) {
        String v = o.get(key);
        int x;
        try {
            x = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, got '" + v + "'");
        }
        if (x < min || x > max) {
            throw new IllegalArgumentException("--" + key + " must be in " + min + ".." + (max == Integer.MAX_VALUE ? "" : max)
                    + ", got " + x);
        }
        return x;
    }

    private static long longOption(Map<String, String> o, String key) {
        try {
            return Long.parseLong(o.get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, got '" + o.get(key) + "'");
        }
    }

    private static double doubleOption(Map<String, String> o, String key) {
        try {
            return Double.parseDouble(o.get(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, got '" + o.get(key) + "'");
        }
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

    /** The network of a checkpoint file, or of a run folder's best.ckpt, else last.ckpt. */
    private static Cdae network(Path model, int n) throws IOException {
        Path file = model;
        if (Files.isDirectory(model)) {
            file = Files.isRegularFile(model.resolve("best.ckpt")) ? model.resolve("best.ckpt") : model.resolve("last.ckpt");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--model " + model + " is neither a checkpoint file nor a folder holding"
                    + " best.ckpt or last.ckpt");
        }
        return Checkpoint.read(file).network(n);
    }

    /** Writes a file through a temporary file in the same folder and an atomic rename. */
    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
