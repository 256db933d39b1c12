package org.densitylab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.densitylab.entanglement.EntanglementDataset;
import org.densitylab.entanglement.EntanglementRecipes;
import org.densitylab.entanglement.Recipe;
import org.densitylab.entanglement.Variant;
import org.densitylab.data.io.Dataset;
import org.densitylab.marginals.MarginalsDataset;

/**
 * {@code densitylab dataset RECIPE [--qubits N] [--scale S] [--seed S] [--variant paper|reference-code]
 * [--k K] [--size M] [--rank-min R] --out DIR}: generates one of the papers' datasets (resuming an
 * interrupted run), and {@code densitylab info DIR}: checks a dataset and prints its manifest.
 */
final class DatasetCommand {
    static final String USAGE = """
            usage: densitylab dataset RECIPE --out DIR [--seed S] [--scale S] [--qubits N] [--variant paper|reference-code]
                   densitylab dataset marginals --out DIR --qubits N [--k K] --size M [--rank-min R] [--seed S]
              entanglement recipes: %s
              --scale multiplies the paper's counts (0.01 for a 1%% version); --variant chooses the paper's or the
              reference code's choices where they differ (default paper). An interrupted run resumes from DIR.partial.
            """.formatted(String.join(", ", EntanglementRecipes.NAMES));

    private DatasetCommand() {
    }

    /** Parses {@code --name value} pairs; every option takes a value. */
    static Map<String, String> options(List<String> args, List<String> known) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                o.merge("", a, (x, y) -> {
                    throw new IllegalArgumentException("one recipe only, got '" + x + "' and '" + y + "'");
                });
            } else if (!known.contains(a.substring(2))) {
                throw new IllegalArgumentException("unknown option " + a + "; options are --" + String.join(", --", known));
            } else if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(a + " needs a value");
            } else {
                o.put(a.substring(2), args.get(++i));
            }
        }
        return o;
    }

    static int run(List<String> args) throws Exception {
        Map<String, String> o = options(args, List.of("out", "seed", "scale", "qubits", "variant", "k", "size", "rank-min"));
        String recipe = o.get("");
        if (recipe == null || !o.containsKey("out")) {
            System.err.print(USAGE);
            return 2;
        }
        Path out = Path.of(o.get("out"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        long t0 = System.nanoTime();
        Path dir;
        if (recipe.equals("marginals")) {
            int n = Integer.parseInt(required(o, "qubits"));
            int k = Integer.parseInt(o.getOrDefault("k", Integer.toString(n - 1)));
            int size = Integer.parseInt(required(o, "size"));
            MarginalsDataset.Spec spec = o.containsKey("rank-min")
                    ? new MarginalsDataset.Spec(n, k, Integer.parseInt(o.get("rank-min")), 1 << n, size)
                    : MarginalsDataset.Spec.of(n, k, size);
            dir = MarginalsDataset.write(spec, seed, out);
        } else {
            Variant variant = switch (o.getOrDefault("variant", "paper")) {
                case "paper" -> Variant.PAPER;
                case "reference-code" -> Variant.REFERENCE_CODE;
                default -> throw new IllegalArgumentException("--variant is paper or reference-code, got " + o.get("variant"));
            };
            Recipe r = EntanglementRecipes.byName(recipe, Integer.parseInt(o.getOrDefault("qubits", "3")), variant,
                    Double.parseDouble(o.getOrDefault("scale", "1")));
            dir = EntanglementDataset.write(r, seed, out);
        }
        System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", dir, (System.nanoTime() - t0) / 1e9);
        return info(List.of(dir.toString()), System.out);
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required for this recipe");
        }
        return v;
    }

    static int info(List<String> args, PrintStream out) throws Exception {
        if (args.size() != 1) {
            System.err.println("usage: densitylab info DATASET_DIR");
            return 2;
        }
        try (Dataset ds = Dataset.open(Path.of(args.get(0)))) {
            out.printf(Locale.ROOT, "%s: %,d records, seed %d, checksums verified%n", ds.info().name(), ds.records(),
                    ds.info().seed());
            out.println("recipe: " + ds.info().recipe());
            ds.columns().forEach(c -> out.println("column " + c));
        }
        return 0;
    }
}
