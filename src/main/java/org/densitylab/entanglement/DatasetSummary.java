package org.densitylab.entanglement;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.densitylab.data.ChunkBuffers;
import org.densitylab.data.io.Dataset;
import org.densitylab.quantum.Bipartition;
import org.densitylab.quantum.Bipartitions;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.util.Seeds;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The composition of an entanglement dataset laid out like paper Table I: one row per construction group
 * (in recipe order) with its number of states, the share of cuts labelled entangled, the mean negativity
 * (standard normalisation, paper 1 Eq. 3) and the share of cuts whose label disagrees with the true status where
 * that is known (docs/papers.md#labels: e.g. UPB, separable on every cut, is labelled entangled).
 */
public final class DatasetSummary {
    private DatasetSummary() {
    }

    /**
     * Summarises a dataset written by {@link EntanglementDataset#write}.
     *
     * @param dir the dataset directory
     * @return columns {@code group, states, entangled cuts %, mean negativity, label ≠ truth %}, and a last row "all"
     * @throws IOException if the dataset cannot be read or has no group column
     */
    public static Table of(Path dir) throws IOException {
        try (Dataset d = Dataset.open(dir)) {
            var groups = d.info().recipe().getAsJsonArray("groups");
            if (groups == null) {
                throw new IOException("dataset " + dir + " has no recipe groups in its manifest; is it an entanglement dataset?");
            }
            List<String> names = new ArrayList<>();
            for (JsonElement g : groups) {
                names.add(g.getAsJsonObject().get("name").getAsString());
            }
            return summary(d.info().name(), names, d.column("labels").recordShape()[0], d.readColumn("group").ints(),
                    d.readColumn("labels").bytes(), d.readColumn("negativity").doubles(), d.readColumn("truth").ints());
        }
    }

    /**
     * Summarises a dataset generated in memory ({@link EntanglementDataset#inMemory}).
     *
     * @param recipe its recipe
     * @param set    its records
     * @return the table of {@link #of(Path)}
     */
    public static Table of(Recipe recipe, ChunkBuffers set) {
        List<String> names = recipe.groups().stream().map(Recipe.Group::name).toList();
        int[] group = set.ints("group");
        return summary(recipe.name(), names, set.bytes("labels").length / Math.max(1, group.length), group, set.bytes("labels"),
                set.doubles("negativity"), set.ints("truth"));
    }

    private static Table summary(String name, List<String> groups, int m, int[] group, byte[] labels, double[] negativity, int[] truth) {
        int g = groups.size();
        long[] states = new long[g + 1];
        double[] entangled = new double[g + 1];
        double[] neg = new double[g + 1];
        long[] known = new long[g + 1];
        double[] wrong = new double[g + 1];
        for (int i = 0; i < group.length; i++) {
            for (int row : new int[] {group[i], g}) {
                states[row]++;
                for (int j = 0; j < m; j++) {
                    entangled[row] += labels[i * m + j];
                    neg[row] += negativity[i * m + j];
                    if (truth[i * m + j] >= 0) {
                        known[row]++;
                        wrong[row] += truth[i * m + j] != labels[i * m + j] ? 1 : 0;
                    }
                }
            }
        }
        Table t = Table.create(name + " (paper Table I layout)", StringColumn.create("group"),
                LongColumn.create("states"), DoubleColumn.create("entangled cuts %"), DoubleColumn.create("mean negativity"),
                DoubleColumn.create("label ≠ truth %"));
        for (int row = 0; row <= g; row++) {
            t.stringColumn(0).append(row < g ? groups.get(row) : "all");
            t.longColumn(1).append(states[row]);
            double cuts = (double) states[row] * m;
            t.doubleColumn(2).append(cuts == 0 ? Double.NaN : round(100 * entangled[row] / cuts));
            t.doubleColumn(3).append(cuts == 0 ? Double.NaN : Math.round(1e6 * neg[row] / cuts) / 1e6);
            t.doubleColumn(4).append(known[row] == 0 ? Double.NaN : round(100 * wrong[row] / known[row]));
        }
        return t;
    }

    /**
     * The last row ("all") of each set's summary, one row per set.
     *
     * @param sets dataset directories by set name
     * @return the overview
     * @throws IOException if a dataset cannot be read
     */
    public static Table overview(Map<String, Path> sets) throws IOException {
        Table overview = null;
        for (Map.Entry<String, Path> e : sets.entrySet()) {
            Table t = of(e.getValue());
            Table all = t.where(t.stringColumn("group").isEqualTo("all"));
            all.stringColumn("group").set(0, e.getKey());
            overview = overview == null ? all.copy().setName("datasets: all states of each set") : overview.append(all);
        }
        return overview;
    }

    /**
     * States drawn with the entanglement paper's generators: each pure-state construction of {@link PureStates.Method}
     * in turn and a mixture of them, with purity, the standard negativity of every cut, the largest of them and the
     * label at the paper's threshold (5e-5 in the standard normalisation).
     *
     * @param samples number of states
     * @param seed    seed (state i depends only on the seed and i)
     * @return one row per state
     */
    public static Table sample(int samples, long seed) {
        List<PureStates.Method> methods = List.of(PureStates.Method.values());
        List<Bipartition> cuts = Bipartitions.of(3);
        Table t = Table.create("3-qubit states", StringColumn.create("source"), DoubleColumn.create("purity"));
        for (Bipartition cut : cuts) {
            t.addColumns(DoubleColumn.create("N " + cut));
        }
        t.addColumns(DoubleColumn.create("max negativity"), StringColumn.create("label"));
        for (int i = 0; i < samples; i++) {
            SplittableRandom rng = Seeds.forIndex(seed, i);
            int kind = i % (methods.size() + 1);
            DensityMatrix s = kind < methods.size()
                    ? PureStates.generate(methods.get(kind), 3, Variant.PAPER, rng).toDensityMatrix()
                    : MixedStates.mixture(3, methods, Variant.PAPER, rng);
            double[] neg = s.negativities();
            t.stringColumn("source").append(kind < methods.size() ? methods.get(kind).name() : "MIXTURE");
            t.doubleColumn("purity").append(s.purity());
            double max = 0;
            for (int c = 0; c < neg.length; c++) {
                t.doubleColumn(2 + c).append(neg[c]);
                max = Math.max(max, neg[c]);
            }
            t.doubleColumn("max negativity").append(max);
            t.stringColumn("label").append(max > 5e-5 ? "entangled" : "separable/PPT");
        }
        return t;
    }

    /**
     * The standard negativity of every cut of named 3-qubit states, in the project's cut order.
     *
     * @param states states by name (in the order to show)
     * @return one row per cut, one column per state
     */
    public static Table negativities(Map<String, DensityMatrix> states) {
        Table t = Table.create("negativity per cut", StringColumn.create("cut",
                Bipartitions.of(3).stream().map(Object::toString).toArray(String[]::new)));
        states.forEach((name, rho) -> t.addColumns(DoubleColumn.create(name, rho.negativities())));
        return t;
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
