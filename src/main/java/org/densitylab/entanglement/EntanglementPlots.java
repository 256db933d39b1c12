package org.densitylab.entanglement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.densitylab.plot.Comparison;
import org.densitylab.plot.HouseStyle;
import org.densitylab.plot.Notebooks;
import org.densitylab.plot.TableHtml;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The entanglement paper's figures and comparison tables in the {@link HouseStyle}: accuracy per test set beside
 * the paper's Table II/III (bars, the paper's values dashed), the architecture ablation of Fig. A1 over one or more
 * seeds (mean ± SD where there are several), and M per test family (Fig. 3).
 */
public final class EntanglementPlots {
    /** Label of the paper's architecture (3 convolutions of 2×2) in the ablation figure and table. */
    public static final String PAPER_ARCHITECTURE = "3 conv, 2\u00d72";

    private EntanglementPlots() {
    }

    /**
     * Accuracy per test set: one group of bars per test set, one bar per model, and the paper's value of each
     * model as a dashed line in the model's colour.
     *
     * @param result the long table of {@link EntanglementExperiment#run} (or a committed {@code results.csv})
     * @return the chart
     */
    public static CategoryChart accuracy(Table result) {
        CategoryChart c = HouseStyle.category(result.name(), "test set", "accuracy (%)");
        c.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        Table ours = EntanglementExperiment.wide(result, "accuracy");
        Table paper = EntanglementExperiment.wide(result, "paper");
        for (int r = 0; r < ours.rowCount(); r++) {
            String model = ours.stringColumn("model").get(r);
            HouseStyle.bars(c, model + " (ours)", EntanglementExperiment.COLUMNS, row(ours, r), null);
            double[] p = row(paper, r);
            if (java.util.Arrays.stream(p).noneMatch(Double::isNaN)) {
                HouseStyle.line(c, model + " (paper)", EntanglementExperiment.COLUMNS, p);   // beside its bars
            }
        }
        return HouseStyle.colourAll(c);
    }

    /**
     * Ours, the paper's and the difference per model and test set, in the layout of {@link Comparison#table}.
     *
     * @param result the long table of {@link EntanglementExperiment#run} (or a committed {@code results.csv})
     * @return the comparison table
     */
    public static Table comparison(Table result) {
        return Comparison.table(result.name() + ": accuracy (%)", EntanglementExperiment.wide(result, "accuracy"),
                EntanglementExperiment.wide(result, "paper"));
    }

    private static double[] row(Table wide, int r) {
        double[] v = new double[EntanglementExperiment.COLUMNS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = wide.doubleColumn(EntanglementExperiment.COLUMNS.get(i)).getDouble(r);
        }
        return v;
    }

    /**
     * Every committed ablation run under a results folder: each directory whose name contains "ablation" and that
     * holds an {@code ablation.csv} (one seed each; add a seed with {@code densitylab entanglement-tables --ablation
     * --seed S --out DIR}, DIR's name containing "ablation").
     *
     * @param root e.g. {@code results/entanglement}
     * @return one table per run, named after its directory; empty if there is none
     */
    public static List<Table> ablationRuns(Path root) {
        return Notebooks.tables(root, "ablation", "ablation.csv");
    }

    /** Accuracies of each architecture over the runs: architecture → runs × (test sets + mean). */
    private static Map<String, List<double[]>> byArchitecture(List<Table> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no ablation run given: run densitylab entanglement-tables --ablation first");
        }
        Map<String, List<double[]>> m = new LinkedHashMap<>();
        for (Table t : runs) {
            for (int r = 0; r < t.rowCount(); r++) {
                double[] v = new double[EntanglementExperiment.COLUMNS.size() + 1];
                for (int i = 0; i < v.length; i++) {
                    v[i] = t.numberColumn(i < v.length - 1 ? EntanglementExperiment.COLUMNS.get(i) : "mean").getDouble(r);
                }
                m.computeIfAbsent(architecture(t, r), a -> new ArrayList<>()).add(v);
            }
        }
        return m;
    }

    private static String architecture(Table t, int r) {
        int k = (int) t.numberColumn("kernel").getDouble(r);
        return (int) t.numberColumn("convolutions").getDouble(r) + " conv, " + k + "\u00d7" + k;
    }

    /**
     * The ablation over seeds: per architecture the number of seeds and the mean accuracy per test set and over
     * them, as "mean ± SD" where there are several seeds.
     *
     * @param runs ablation tables of {@link EntanglementExperiment#ablation}, one per seed
     * @return one row per architecture
     */
    public static Table ablationTable(List<Table> runs) {
        Map<String, List<double[]>> m = byArchitecture(runs);
        Table t = Table.create("CNN architecture ablation (paper Fig. A1), accuracy (%)", StringColumn.create("architecture"),
                IntColumn.create("seeds"));
        List<String> cols = new ArrayList<>(EntanglementExperiment.COLUMNS);
        cols.add("mean");
        for (String c : cols) {
            t.addColumns(StringColumn.create(c));
        }
        for (var e : m.entrySet()) {
            t.stringColumn("architecture").append(e.getKey());
            t.intColumn("seeds").append(e.getValue().size());
            for (int i = 0; i < cols.size(); i++) {
                double[] ms = meanSd(e.getValue(), i);
                t.stringColumn(cols.get(i)).append(TableHtml.number(ms[0])
                        + (e.getValue().size() > 1 ? " \u00b1 " + TableHtml.number(ms[1]) : ""));
            }
        }
        return t;
    }

    private static double[] meanSd(List<double[]> runs, int i) {
        double mean = 0;
        for (double[] v : runs) {
            mean += v[i] / runs.size();
        }
        double ss = 0;
        for (double[] v : runs) {
            ss += (v[i] - mean) * (v[i] - mean);
        }
        return new double[] {mean, runs.size() > 1 ? Math.sqrt(ss / (runs.size() - 1)) : Double.NaN};
    }

    /**
     * The ablation of paper Fig. A1 as grouped bars: accuracy per test set and the mean over them, one bar per
     * architecture (mean over the seeds, error bars of one SD where there are several seeds), and the paper's CNN
     * (3 convolutions of 2×2, Table II; the per-architecture values of Fig. A1 are not published as numbers) dashed.
     *
     * @param runs ablation tables of {@link EntanglementExperiment#ablation}, one per seed
     * @return the chart
     */
    public static CategoryChart ablation(List<Table> runs) {
        Map<String, List<double[]>> m = byArchitecture(runs);
        int seeds = m.values().stream().mapToInt(List::size).max().orElse(0);
        CategoryChart c = HouseStyle.category("CNN architecture ablation (paper Fig. A1): "
                + (seeds == 1 ? "one seed" : "mean \u00b1 SD over up to " + seeds + " seeds"), "test set", "accuracy (%)");
        c.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        List<String> cols = new ArrayList<>(EntanglementExperiment.COLUMNS);
        cols.add("mean");
        double[] paper = new double[cols.size()];
        double[] cnn = EntanglementExperiment.TABLE_II.get("CNN");
        for (int i = 0; i < cnn.length; i++) {
            paper[i] = cnn[i];
            paper[cols.size() - 1] += cnn[i] / cnn.length;
        }
        for (var e : m.entrySet()) {
            double[] mean = new double[cols.size()];
            double[] sd = new double[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                double[] ms = meanSd(e.getValue(), i);
                mean[i] = ms[0];
                sd[i] = Double.isNaN(ms[1]) ? 0 : ms[1];
            }
            HouseStyle.bars(c, e.getKey() + (e.getValue().size() > 1 ? " (ours, " + e.getValue().size() + " seeds)" : " (ours)"),
                    cols, mean, e.getValue().size() > 1 ? sd : null);
            if (e.getKey().equals(PAPER_ARCHITECTURE)) {
                HouseStyle.line(c, PAPER_ARCHITECTURE + " (paper, Table II CNN)", cols, paper);   // beside its bars
            }
        }
        return HouseStyle.colourAll(c);
    }

    /**
     * The distribution of log₁₀ M per test family as a box plot (paper Fig. 3), each family in its fixed colour.
     *
     * @param families family name → M of each of its states
     * @return the chart
     */
    public static BoxChart separator(Map<String, float[]> families) {
        BoxChart chart = HouseStyle.box("separability measure M per test family (paper Fig. 3)", "log10 M");
        for (Map.Entry<String, float[]> e : families.entrySet()) {
            float[] m = e.getValue();
            double[] logs = new double[m.length];
            for (int i = 0; i < m.length; i++) {
                logs[i] = Math.log10(Math.max(m[i], 1e-12));
            }
            chart.addSeries(e.getKey(), logs);
        }
        return HouseStyle.colourAll(chart);
    }

    /**
     * The committed full-data runs under a results folder whose directory name contains a text: for each run its
     * comparison with the paper ({@link #comparison}, named after the directory and its command) and its accuracy
     * figure ({@link #accuracy}), to display one after the other.
     *
     * @param root     e.g. {@code results/entanglement}
     * @param contains e.g. "verified-cnn"
     * @return tables and images, two per run; empty if there is none
     * @throws IOException if a file cannot be read
     */
    public static List<Object> committed(Path root, String contains) throws IOException {
        List<Object> out = new ArrayList<>();
        for (Path csv : Notebooks.runs(root, contains, "results.csv")) {
            Path dir = csv.getParent();
            List<String> command = Files.exists(dir.resolve("command.txt")) ? Files.readAllLines(dir.resolve("command.txt")) : List.of("");
            Table t = Table.read().csv(csv.toFile()).setName(dir.getFileName() + ": " + command.get(command.size() - 1));
            out.add(comparison(t));
            out.add(Notebooks.figure(accuracy(t.setName(dir.getFileName().toString()))));
        }
        return out;
    }

    /**
     * The share of cuts labelled entangled per construction group of a dataset (paper Table I).
     *
     * @param summary a {@link DatasetSummary} table (its last row, "all", is left out)
     * @return the chart
     */
    public static CategoryChart entangledCuts(Table summary) {
        CategoryChart c = HouseStyle.category("entangled cuts per group: " + summary.name(), "group", "% of cuts labelled entangled");
        Table groups = summary.dropRows(summary.rowCount() - 1);
        HouseStyle.bars(c, "entangled cuts", groups.stringColumn("group").asList(), groups.doubleColumn("entangled cuts %").asDoubleArray(), null);
        c.getStyler().setXAxisLabelRotation(60);
        c.getStyler().setLegendVisible(false);
        return HouseStyle.colourAll(c);
    }

    /**
     * Purity against the largest negativity over the cuts, one colour per source.
     *
     * @param sample a {@link DatasetSummary#sample} table
     * @return the chart
     */
    public static org.knowm.xchart.XYChart purityVsNegativity(Table sample) {
        var c = HouseStyle.xy(sample.name() + " by source", "purity", "max negativity over cuts");
        c.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(6);
        for (String src : sample.stringColumn("source").unique()) {
            Table t = sample.where(sample.stringColumn("source").isEqualTo(src));
            HouseStyle.series(c, src, t.doubleColumn("purity").asDoubleArray(), t.doubleColumn("max negativity").asDoubleArray(), null, false);
        }
        return HouseStyle.colourAll(c);
    }
}
