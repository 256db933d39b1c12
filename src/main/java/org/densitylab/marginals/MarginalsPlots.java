package org.densitylab.marginals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.densitylab.plot.Comparison;
import org.densitylab.plot.HouseStyle;
import org.densitylab.plot.Notebooks;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * Plots like the marginals paper's Fig. 2–4: mean marginal fidelity ± SD against the target rank for each of our
 * models and random guessing, with the reference implementation's numbers ({@link ReferenceNumbers}) drawn beside
 * them (dashed), the success rates, the hybrid model+MIO success (Fig. 4) and the MIO's negative eigenvalues, all in
 * the {@link HouseStyle}: fidelities and guesses with ± SD error bars, the reference's values dashed.
 */
public final class MarginalsPlots {
    private MarginalsPlots() {
    }

    /**
     * Fidelity against rank (paper Fig. 2): one series per table of ours ({@code fidelity ± fidelitySd}), our
     * random guessing (from the first table), and the reference's model1 and random guessing if given.
     *
     * @param title     chart title
     * @param ours      our results by label ({@link MarginalsEvaluation#table} layout)
     * @param reference the reference numbers ({@link ReferenceNumbers#model1}) or null
     * @return the chart
     */
    public static XYChart fidelityVsRank(String title, Map<String, Table> ours, Table reference) {
        XYChart c = HouseStyle.xy(title, "rank of the target state", "mean fidelity of the marginals");
        Table first = null;
        for (Map.Entry<String, Table> e : ours.entrySet()) {
            add(c, e.getKey() + " (ours)", e.getValue(), "fidelity", "fidelitySd", false);
            first = first == null ? e.getValue() : first;
        }
        if (first != null) {
            add(c, "random guessing (ours)", first, "guess", "guessSd", false);
        }
        if (reference != null) {
            add(c, "model1 (reference code)", reference, "fidelity", "fidelitySd", true);
            add(c, "random guessing (reference code)", reference, "guess", "guessSd", true);
        }
        return HouseStyle.colourAll(c);
    }

    /**
     * Success rates (fraction of PSD reconstructions) against rank, for the model and model+MIO pipelines.
     *
     * @param title     chart title
     * @param ours      our results by label
     * @param reference reference numbers or null
     * @return the chart
     */
    public static XYChart successVsRank(String title, Map<String, Table> ours, Table reference) {
        XYChart c = HouseStyle.xy(title, "rank of the target state", "success rate");
        for (Map.Entry<String, Table> e : ours.entrySet()) {
            add(c, e.getKey() + " (ours)", e.getValue(), "success", null, false);
            add(c, e.getKey() + " + MIO (ours)", e.getValue(), "hybridSuccess", null, false);
        }
        if (reference != null) {
            add(c, "model1 (reference code)", reference, "success", null, true);
            if (reference.doubleColumn("hybridSuccess").countMissing() == 0) {
                add(c, "model1 + MIO (reference code)", reference, "hybridSuccess", null, true);
            }
        }
        return HouseStyle.colourAll(c);
    }

    /**
     * Fig. 3 of the paper for one N: mean marginal fidelity ± SD against the rank of the k = N−1 model tested with
     * k = N−1 and k = N−2 marginals, ours (solid) and the reference code's (dashed), with random guessing.
     *
     * @param numQubits N
     * @param ours      our results by k ({@link MarginalsEvaluation#table} layout)
     * @param reference the reference numbers by k ({@link ReferenceNumbers#model1}); missing k are skipped
     * @return the chart
     */
    public static XYChart figure3(int numQubits, Map<Integer, Table> ours, Map<Integer, Table> reference) {
        XYChart c = HouseStyle.xy("N=" + numQubits + ": model trained with k="
                + (numQubits - 1), "rank of the target state", "mean fidelity of the marginals");
        for (Map.Entry<Integer, Table> e : ours.entrySet()) {
            add(c, "k=" + e.getKey() + " (ours)", e.getValue(), "fidelity", "fidelitySd", false);
            add(c, "k=" + e.getKey() + " random guessing (ours)", e.getValue(), "guess", "guessSd", false);
        }
        for (Map.Entry<Integer, Table> e : reference.entrySet()) {
            add(c, "k=" + e.getKey() + " (reference code)", e.getValue(), "fidelity", "fidelitySd", true);
            add(c, "k=" + e.getKey() + " random guessing (reference code)", e.getValue(), "guess", "guessSd", true);
        }
        return HouseStyle.colourAll(c);
    }

    /**
     * Fig. 4 of the paper: success rate of the hybrid model+MIO (MIO → CDAE → MIO, paper Eq. 3 applied again)
     * against the rank for each case NxKy, ours (solid) and the reference code's (dashed). Its fidelity is 1 up to
     * round-off whenever it succeeds (the second MIO imposes the marginals exactly), so the success rate is the
     * informative number.
     *
     * @param title     chart title
     * @param ours      our results by case label ({@link MarginalsEvaluation#table} layout)
     * @param reference reference numbers by case label ({@link ReferenceNumbers#hybrid}); may be empty
     * @return the chart
     */
    public static XYChart figure4(String title, Map<String, Table> ours, Map<String, Table> reference) {
        XYChart c = HouseStyle.xy(title, "rank of the target state", "success rate of model + MIO");
        for (Map.Entry<String, Table> e : ours.entrySet()) {
            add(c, e.getKey() + " (ours)", e.getValue(), "hybridSuccess", null, false);
        }
        for (Map.Entry<String, Table> e : reference.entrySet()) {
            add(c, e.getKey() + " (reference code)", e.getValue(), "hybridSuccess", null, true);
        }
        return HouseStyle.colourAll(c);
    }

    /**
     * Proportion of negative eigenvalues of the MIO output against the rank (the reference notebook's "proportion
     * of NE" figure), ours mean ± SD (solid) and the reference numbers (dashed, points where published).
     *
     * @param title     chart title
     * @param ours      tables with columns rank, negMio, negMioSd by label
     * @param reference tables with columns rank, negMio by label; may be empty
     * @return the chart
     */
    public static XYChart negativeEigenvalues(String title, Map<String, Table> ours, Map<String, Table> reference) {
        XYChart c = HouseStyle.xy(title, "rank of the target state", "proportion of negative eigenvalues");
        for (Map.Entry<String, Table> e : ours.entrySet()) {
            add(c, e.getKey() + " (ours)", e.getValue(), "negMio", "negMioSd", false);
        }
        for (Map.Entry<String, Table> e : reference.entrySet()) {
            add(c, e.getKey() + " (reference)", e.getValue(), "negMio", null, true);
        }
        return HouseStyle.colourAll(c);
    }

    private static void add(XYChart c, String name, Table t, String y, String err, boolean dashed) {
        // numberColumn: a table read back from CSV may hold a column of whole numbers (success 1.0) as integers
        HouseStyle.series(c, name, t.numberColumn("rank").asDoubleArray(), t.numberColumn(y).asDoubleArray(),
                err == null ? null : t.numberColumn(err).asDoubleArray(), dashed);
    }

    /**
     * Saves a chart as PNG atomically ({@link HouseStyle#savePng}).
     *
     * @param chart the chart
     * @param file  the PNG file
     * @throws IOException if writing fails
     */
    public static void savePng(XYChart chart, Path file) throws IOException {
        HouseStyle.savePng(chart, file);
    }

    /**
     * Splits a results table with a "model" column (as {@code marginals-eval} writes it) into one table per model.
     *
     * @param results the table
     * @return tables by model, in order of appearance; the whole table under its name if there is no model column
     */
    public static Map<String, Table> byModel(Table results) {
        Map<String, Table> out = new java.util.LinkedHashMap<>();
        if (!results.containsColumn("model")) {
            out.put(results.name(), results);
            return out;
        }
        for (String m : results.stringColumn("model").unique().asList().stream().sorted().toList()) {
            out.put(m, results.where(results.stringColumn("model").isEqualTo(m)).setName(results.name() + ": " + m));
        }
        return out;
    }

    /**
     * Ours beside the reference code's numbers of the same case (model1, {@link ReferenceNumbers#model1}, or else the
     * hybrid success rates, {@link ReferenceNumbers#hybrid}) in the layout of {@link Comparison#table}; our table alone
     * for a case without reference numbers.
     *
     * @param ours one case's results ({@link MarginalsEvaluation#table} layout)
     * @return the comparison
     */
    public static Table comparison(Table ours) {
        int n = ours.intColumn("N").getInt(0);
        int k = ours.intColumn("k").getInt(0);
        String label = ReferenceNumbers.label(n, k);
        Table reference = ReferenceNumbers.model1Cases().contains(label) ? ReferenceNumbers.model1(n, k)
                : ReferenceNumbers.hybridCases().contains(label) ? ReferenceNumbers.hybrid(n, k) : null;
        return reference == null ? ours : Comparison.table(ours.name() + " beside the reference code", ours, reference, "reference code");
    }

    /**
     * The reference code's model1 numbers of a case, or null where none are published.
     *
     * @param numQubits N
     * @param k         k
     * @return the table or null
     */
    public static Table reference(int numQubits, int k) {
        return ReferenceNumbers.model1Cases().contains(ReferenceNumbers.label(numQubits, k)) ? ReferenceNumbers.model1(numQubits, k) : null;
    }

    /**
     * The committed evaluations under a results folder (each run folder whose name contains a text and holds a
     * {@code results.csv}): per run one comparison per model ({@link #comparison}) and the fidelity figure beside the
     * reference code's numbers, to display one after the other.
     *
     * @param root     e.g. {@code results/marginals}
     * @param contains e.g. "fig2"
     * @return tables and images; empty if there is none
     */
    public static java.util.List<Object> committed(Path root, String contains) {
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (Table run : Notebooks.tables(root, contains, "results.csv")) {
            run.setName(run.name().replace(": results.csv", ""));
            byModel(run).values().forEach(t -> out.add(comparison(t)));
            int n = run.intColumn("N").getInt(0);
            int k = run.intColumn("k").getInt(0);
            out.add(Notebooks.figure(fidelityVsRank(run.name() + " (committed run)", byModel(run),
                    reference(n, k))));
        }
        return out;
    }

    /**
     * Fig. 3 for one N from evaluated cases: the cases N, N−1 and N, N−2 of {@code cases} with the reference code's
     * numbers where published.
     *
     * @param numQubits N
     * @param cases     evaluation tables by case label ("N5k4" …)
     * @return the chart
     */
    public static XYChart figure3(int numQubits, Map<String, Table> cases) {
        Map<Integer, Table> ours = new java.util.LinkedHashMap<>();
        Map<Integer, Table> ref = new java.util.LinkedHashMap<>();
        for (int k = numQubits - 1; k >= numQubits - 2; k--) {
            String label = ReferenceNumbers.label(numQubits, k);
            if (cases.containsKey(label)) {
                ours.put(k, cases.get(label));
            }
            if (reference(numQubits, k) != null) {
                ref.put(k, reference(numQubits, k));
            }
        }
        return figure3(numQubits, ours, ref);
    }

    /**
     * Fig. 4 from evaluated cases, with the reference code's hybrid success rates where published.
     *
     * @param title the chart title
     * @param cases evaluation tables by case label
     * @return the chart
     */
    public static XYChart figure4(String title, Map<String, Table> cases) {
        Map<String, Table> ref = new java.util.LinkedHashMap<>();
        for (String label : cases.keySet()) {
            if (ReferenceNumbers.hybridCases().contains(label)) {
                Table t = cases.get(label);
                ref.put(label, ReferenceNumbers.hybrid(t.intColumn("N").getInt(0), t.intColumn("k").getInt(0)));
            }
        }
        return figure4(title, cases, ref);
    }

    /**
     * Fidelity against rank of one evaluated case beside the reference code's model1 numbers, if published.
     *
     * @param title the chart title
     * @param ours  the case's evaluation ({@link MarginalsEvaluation#table} layout)
     * @return the chart
     */
    public static XYChart fidelityVsRank(String title, Table ours) {
        return fidelityVsRank(title, Map.of("model1", ours), reference(ours.intColumn("N").getInt(0), ours.intColumn("k").getInt(0)));
    }
}
