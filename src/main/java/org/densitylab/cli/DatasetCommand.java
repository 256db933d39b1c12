package org.densitylab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.densitylab.entanglement.EntanglementDataset;
import org.densitylab.entanglement.EntanglementRecipes;
import org.densitylab.entanglement.Recipe;
import org.densitylab.entanglement.Variant;
import java.io.IOException;
import java.nio.file.Files;
import org.densitylab.data.io.Dataset;
import org.densitylab.data.io.DatasetWriter;
import org.densitylab.data.io.Manifest;
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

    static int run(List<String> args) throws Exception {
        Options o = Options.parse(args, List.of("out", "seed", "scale", "qubits", "variant", "k", "size", "rank-min"), List.of());
        if (o.positional().size() != 1 || !o.has("out")) {
            System.err.print(USAGE);
            return 2;
        }
        String recipe = o.positional().get(0);
        Path out = o.path("out", null);
        long seed = o.seed("seed", 1);
        long t0 = System.nanoTime();
        Path dir;
        // every value is checked (the recipe is built) before anything is written
        if (recipe.equals("marginals")) {
            int n = Options.integer("qubits", o.required("qubits", "3"), 2);
            int k = o.integer("k", n - 1, 1);
            int size = Options.integer("size", o.required("size", "1000"), 1);
            MarginalsDataset.Spec spec = o.has("rank-min")
                    ? new MarginalsDataset.Spec(n, k, o.integer("rank-min", 1, 1), 1 << n, size)
                    : MarginalsDataset.Spec.of(n, k, size);
            dir = MarginalsDataset.write(spec, seed, out);
        } else {
            Variant variant = o.choice("variant", "paper", "paper", "reference-code").equals("paper") ? Variant.PAPER
                    : Variant.REFERENCE_CODE;
            if (!EntanglementRecipes.NAMES.contains(recipe)) {
                throw new IllegalArgumentException("'" + recipe + "' is not a recipe; the recipes are marginals, "
                        + String.join(", ", EntanglementRecipes.NAMES));
            }
            Recipe r = EntanglementRecipes.byName(recipe, o.integer("qubits", 3, 2), variant, o.positive("scale", 1));
            dir = EntanglementDataset.write(r, seed, out);
        }
        System.out.printf(Locale.ROOT, "wrote %s in %.1f s%n", dir, (System.nanoTime() - t0) / 1e9);
        return info(List.of(dir.toString()), System.out);
    }

    static int info(List<String> args, PrintStream out) throws Exception {
        if (args.size() != 1) {
            System.err.println("usage: densitylab info DATASET_DIR");
            return 2;
        }
        Path dir = Path.of(args.get(0));
        Path partial = DatasetWriter.partialDirectory(dir);
        if (!Files.exists(dir) && Files.exists(partial)) {
            throw new IllegalArgumentException(interrupted(dir));
        }
        try (Dataset ds = Dataset.open(dir)) {
            out.printf(Locale.ROOT, "%s: %,d records, seed %d, checksums verified%n", ds.info().name(), ds.records(),
                    ds.info().seed());
            out.println("recipe: " + ds.info().recipe());
            ds.columns().forEach(c -> out.println("column " + c));
        }
        return 0;
    }

    /**
     * What to do with an interrupted generation: resume it with the command that started it (recipe, seed and size
     * read from its checkpoint), or delete it when its recipe cannot be made (an earlier version accepted it).
     */
    static String interrupted(Path dir) {
        Path partial = DatasetWriter.partialDirectory(dir);
        String what;
        try {
            Manifest m = DatasetWriter.interruptedRun(dir);
            var recipe = m.info().recipe();
            what = m.records() + " records of '" + m.info().name() + "' with seed " + m.info().seed();
            if (recipe.has("qubits") && recipe.has("variant") && recipe.has("scale")) {
                try {
                    EntanglementRecipes.byName(m.info().name(), recipe.get("qubits").getAsInt(),
                            Variant.valueOf(recipe.get("variant").getAsString()), recipe.get("scale").getAsDouble());
                } catch (IllegalArgumentException e) {
                    return "the generation in " + partial + " (" + what + ") cannot be resumed: " + e.getMessage()
                            + "; delete " + partial;
                }
            }
        } catch (IOException | RuntimeException e) {
            return partial + " is an interrupted generation whose checkpoint cannot be read (" + e.getMessage()
                    + "); delete it and generate the dataset again";
        }
        return "the dataset does not exist yet: its generation was interrupted after " + what + " (" + partial
                + "); run the same 'densitylab dataset' command again to resume it, or delete " + partial;
    }
}
