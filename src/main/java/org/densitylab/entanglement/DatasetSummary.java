package org.densitylab.entanglement;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.nio.file.Path;
import org.densitylab.data.io.Dataset;
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
            int g = groups.size();
            int m = d.column("labels").recordShape()[0];
            int[] group = d.readColumn("group").ints();
            byte[] labels = d.readColumn("labels").bytes();
            double[] negativity = d.readColumn("negativity").doubles();
            int[] truth = d.readColumn("truth").ints();
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
            Table t = Table.create(d.info().name() + " (paper Table I layout)", StringColumn.create("group"),
                    LongColumn.create("states"), DoubleColumn.create("entangled cuts %"), DoubleColumn.create("mean negativity"),
                    DoubleColumn.create("label ≠ truth %"));
            for (int row = 0; row <= g; row++) {
                JsonElement name = row < g ? groups.get(row).getAsJsonObject().get("name") : null;
                t.stringColumn(0).append(row < g ? name.getAsString() : "all");
                t.longColumn(1).append(states[row]);
                double cuts = (double) states[row] * m;
                t.doubleColumn(2).append(cuts == 0 ? Double.NaN : round(100 * entangled[row] / cuts));
                t.doubleColumn(3).append(cuts == 0 ? Double.NaN : Math.round(1e6 * neg[row] / cuts) / 1e6);
                t.doubleColumn(4).append(known[row] == 0 ? Double.NaN : round(100 * wrong[row] / known[row]));
            }
            return t;
        }
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}
