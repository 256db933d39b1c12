package org.densitylab.entanglement;

import org.densitylab.util.Parallel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.densitylab.data.ChunkBuffers;
import org.densitylab.data.DatasetGenerator;
import org.densitylab.data.RecordFiller;
import org.densitylab.data.io.ColumnSpec;
import org.densitylab.data.io.DType;
import org.densitylab.data.io.DatasetInfo;
import org.densitylab.quantum.Bipartitions;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.util.Seeds;

/**
 * Builds an entanglement dataset from a {@link Recipe}. Columns, record i:
 * <ul>
 *   <li>{@code states} float32 [2, d, d]: Re ρ, Im ρ, big-endian (qubit 0 most significant);</li>
 *   <li>{@code labels} uint8 [m]: the paper's label per cut (1 entangled), cut order of {@link Bipartitions};</li>
 *   <li>{@code negativity} float64 [m]: standard negativity per cut (the label rule is 2·N &gt; 1e-4);</li>
 *   <li>{@code truth} int32 [m]: the true status where known (1 entangled, 0 separable, −1 unknown);</li>
 *   <li>{@code group} int32 [1]: the recipe group the record belongs to.</li>
 * </ul>
 * Record i of group g is drawn from {@code Seeds.forIndex(Seeds.derive(seed, g), i - start(g))},
 * re-drawing rejected candidates from the same stream, so the dataset depends only on the seed.
 */
public final class EntanglementDataset {
    /** Candidates tried per record before giving up with an error. */
    public static final int MAX_ATTEMPTS = 100_000;

    private EntanglementDataset() {
    }

    /**
     * @param n qubits
     * @return the dataset's columns
     */
    public static List<ColumnSpec> columns(int n) {
        int d = 1 << n;
        int m = Bipartitions.count(n);
        return List.of(ColumnSpec.of("states", DType.FLOAT32, 2, d, d), ColumnSpec.of("labels", DType.UINT8, m),
                ColumnSpec.of("negativity", DType.FLOAT64, m), ColumnSpec.of("truth", DType.INT32, m),
                ColumnSpec.of("group", DType.INT32, 1));
    }

    /**
     * The conventions recorded in every manifest.
     *
     * @return name → value
     */
    public static Map<String, String> conventions() {
        return Map.of("qubit_order", "big-endian: qubit 0 is the leftmost factor, the most significant bit",
                "states", "[2, d, d] float32: channel 0 = Re rho, channel 1 = Im rho",
                "bipartitions", "k = 1..N/2, k-subsets in lexicographic order, at k = N/2 only those with qubit 0",
                "negativity", "standard (||rho^T_S||_1 - 1)/2",
                "labels", "1 iff 2*negativity > 1e-4 (the reference code's value and threshold), or the ppt flag (spec 4.2)",
                "truth", "1 entangled (NPT or known), 0 separable (pure and PPT, by construction, or zero discord), -1 unknown");
    }

    /**
     * The record filler of a recipe.
     *
     * @param recipe the recipe
     * @param seed   the dataset's seed
     * @return a thread-safe filler
     */
    public static RecordFiller filler(Recipe recipe, long seed) {
        List<Recipe.Group> groups = recipe.groups();
        long[] start = new long[groups.size() + 1];
        for (int g = 0; g < groups.size(); g++) {
            start[g + 1] = start[g] + groups.get(g).count();
        }
        int n = recipe.qubits();
        int m = Bipartitions.count(n);
        int d = 1 << n;
        return (index, out, slot) -> {
            int g = java.util.Arrays.binarySearch(start, index);
            g = g >= 0 ? g : -g - 2;
            Recipe.Group group = groups.get(g);
            SplittableRandom rng = Seeds.forIndex(Seeds.derive(seed, g), index - start[g]);
            for (int attempt = 1; ; attempt++) {
                Sample s = group.source().apply(rng);
                double[] values = s == null ? null : Labels.values(s.state());
                if (s != null && group.acceptance().accepts(s, values)) {
                    write(out, slot, s, values, g, n, m, d);
                    return;
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw new IllegalStateException("group '" + group.name() + "' of recipe " + recipe.name()
                            + " accepted none of " + MAX_ATTEMPTS + " candidates for record " + index
                            + "; its acceptance rule cannot be met");
                }
            }
        };
    }

    private static void write(ChunkBuffers out, int slot, Sample s, double[] values, int g, int n, int m, int d) {
        DensityMatrix rho = s.state();
        rho.toTwoChannel(out.floats("states"), out.offset("states", slot));
        byte[] labels = Labels.labels(values, n, s.productGroups(), s.pptFlag());
        byte[] truth = Labels.truth(s, values);
        int lo = out.offset("labels", slot);
        int no = out.offset("negativity", slot);
        int to = out.offset("truth", slot);
        for (int j = 0; j < m; j++) {
            out.bytes("labels")[lo + j] = labels[j];
            out.doubles("negativity")[no + j] = values[j] / 2;
            out.ints("truth")[to + j] = truth[j];
        }
        out.ints("group")[out.offset("group", slot)] = g;
    }

    /**
     * Generates a recipe's dataset on disk (resuming an interrupted run), using all cores.
     *
     * @param recipe the recipe
     * @param seed   the seed
     * @param dir    the dataset directory
     * @return the committed directory
     * @throws IOException if writing fails
     */
    public static Path write(Recipe recipe, long seed, Path dir) throws IOException {
        DatasetInfo info = DatasetInfo.of(recipe.name(), recipe.describe(), seed).withConventions(conventions());
        return DatasetGenerator.write(dir, info, columns(recipe.qubits()), recipe.count(), filler(recipe, seed),
                Parallel.pool());
    }

    /**
     * Generates a recipe's dataset in memory (notebooks, tests).
     *
     * @param recipe the recipe (at most about 2^31 / (2·d²) records)
     * @param seed   the seed
     * @param pool   threads to use
     * @return the buffers, record i in slot i
     */
    public static ChunkBuffers inMemory(Recipe recipe, long seed, ForkJoinPool pool) {
        return DatasetGenerator.inMemory(columns(recipe.qubits()), Math.toIntExact(recipe.count()), filler(recipe, seed), pool,
                recipe.name());
    }

    /**
     * Writes the named sets of the paper (N = 3) under one folder, each once: a set whose folder already holds a
     * finished dataset is reused, an interrupted one resumes.
     *
     * @param dir     the folder (one sub-folder per set)
     * @param variant paper or reference-code choices
     * @param scale   scale of every set (1 = the paper's sizes)
     * @param seed    the seed of every set
     * @param names   recipe names ({@link EntanglementRecipes#byName})
     * @return the dataset folders by name, in the given order
     * @throws IOException if writing fails
     */
    public static java.util.Map<String, Path> writeAll(Path dir, Variant variant, double scale, long seed, List<String> names)
            throws IOException {
        java.util.Map<String, Path> sets = new java.util.LinkedHashMap<>();
        for (String name : names) {
            Path d = dir.resolve(name);
            if (!java.nio.file.Files.exists(d.resolve("manifest.json"))) {
                write(EntanglementRecipes.byName(name, 3, variant, scale), seed, d);
            }
            sets.put(name, d);
        }
        return sets;
    }
}
