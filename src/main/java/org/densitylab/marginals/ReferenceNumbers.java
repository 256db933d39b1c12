package org.densitylab.marginals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.densitylab.util.ReferenceData;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The marginals paper's evaluation numbers as published with its reference code ({@code guerra-antonio/Learning-QM},
 * {@code benchmark/fidelity_data} and {@code benchmark/plot_fidelities.ipynb}), for drawing beside ours. The numbers
 * are data, read through {@link ReferenceData} from {@code org/densitylab/reference/} (each row cites its source):
 * <ul>
 *   <li>{@link #model1} ({@code marginals-model1.csv}): the CDAE alone ("model1" of paper 2 Eq. 6, no extra MIO),
 *       72–200 samples per rank, always the k = N−1 model (paper 2 Figs. 2 and 3). Where the reference data give an
 *       SD only at the end ranks (N ≥ 6) the other SDs are NaN.</li>
 *   <li>{@link #hybrid} ({@code marginals-hybrid.csv}): success % of model1 followed by a second MIO (paper 2
 *       Fig. 4) per rank; the fidelity of a successful hybrid output is 1 (its marginals are imposed exactly).</li>
 *   <li>{@link #negativeEigenvalues} ({@code marginals-negative-eigenvalues.csv}): the proportion of negative
 *       eigenvalues of the MIO output, read off the reference notebook's plot at the end ranks \(2^N-6\) and
 *       \(2^N\) (about two digits).</li>
 * </ul>
 * The reference code publishes no model2 numbers (Fig. 2's model2 curve has no data), and none for N3k1, N7k5,
 * N8k6 (model) or the paper's Fig. 4 cases N5k1, N6k2, N7k3, N7k4, N8k3, N8k4 (hybrid). The cases and ranks are
 * listed in {@code docs/papers.md}.
 */
public final class ReferenceNumbers {
    private ReferenceNumbers() {
    }

    private static final double NA = Double.NaN;

    // case -> rows {rank, model1 mean, sd, random-guess mean, sd, success %}, in rank order
    private static final Map<String, double[][]> MODEL1 = byCase("marginals-model1.csv",
            "rank", "fidelity", "fidelity_sd", "guess", "guess_sd", "success_percent");
    // case -> rows {rank, success % of model1 + MIO}
    private static final Map<String, double[][]> HYBRID = byCase("marginals-hybrid.csv", "rank", "success_percent");
    // case -> rows {rank, proportion of negative eigenvalues of the MIO output}
    private static final Map<String, double[][]> NEGATIVE = byCase("marginals-negative-eigenvalues.csv", "rank", "proportion");

    /** The rows of a reference file grouped by its {@code case} column, in file order, with the given columns. */
    private static Map<String, double[][]> byCase(String file, String... columns) {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        for (ReferenceData.Row r : ReferenceData.load(file).rows()) {
            double[] v = new double[columns.length];
            for (int c = 0; c < columns.length; c++) {
                v[c] = r.number(columns[c]);
            }
            rows.computeIfAbsent(r.text("case"), x -> new ArrayList<>()).add(v);
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, v.toArray(double[][]::new)));
        return out;
    }

    /** @return the cases with model numbers ({@link #model1}), e.g. "N4k3", in order */
    public static List<String> model1Cases() {
        return List.copyOf(MODEL1.keySet());
    }

    /** @return the cases with hybrid success rates ({@link #hybrid}) */
    public static List<String> hybridCases() {
        return List.copyOf(HYBRID.keySet());
    }

    /** @return the cases with negative-eigenvalue proportions ({@link #negativeEigenvalues}) */
    public static List<String> negativeEigenvalueCases() {
        return List.copyOf(NEGATIVE.keySet());
    }

    /**
     * @param numQubits N
     * @param k         marginal size
     * @return the case label "N{N}k{k}"
     */
    public static String label(int numQubits, int k) {
        return "N" + numQubits + "k" + k;
    }

    /**
     * The reference model1 numbers of one case (the k = N−1 model tested with k-body marginals) as a table with
     * the columns of {@link MarginalsEvaluation#table}: N, k, rank, fidelity, fidelitySd, success (fraction), guess,
     * guessSd, hybridSuccess (NaN where not published).
     *
     * @param numQubits N
     * @param k         k (N−1 or N−2; see {@link #model1Cases})
     * @return the table
     * @throws IllegalArgumentException for a case without stored numbers
     */
    public static Table model1(int numQubits, int k) {
        double[][] rows = stored(MODEL1, "reference numbers", numQubits, k);
        Map<Integer, Double> hybrid = new HashMap<>();
        for (double[] h : HYBRID.getOrDefault(label(numQubits, k), new double[0][])) {
            hybrid.put((int) h[0], h[1]);
        }
        Table t = table("reference model1 " + label(numQubits, k), numQubits, k, rows.length);
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            t.intColumn("rank").set(i, (int) r[0]);
            t.doubleColumn("fidelity").set(i, r[1]);
            t.doubleColumn("fidelitySd").set(i, r[2]);
            t.doubleColumn("guess").set(i, r[3]);
            t.doubleColumn("guessSd").set(i, r[4]);
            t.doubleColumn("success").set(i, r[5] / 100);
            double h = hybrid.getOrDefault((int) r[0], NA);
            t.doubleColumn("hybridSuccess").set(i, h / 100);
            t.doubleColumn("hybridFidelity").set(i, h > 0 ? 1 : NA);
        }
        return t;
    }

    /**
     * The reference model1+MIO numbers of one case (Fig. 4): columns N, k, rank (2^N−6..2^N), hybridSuccess
     * (fraction), hybridFidelity (1 where any sample succeeded, else NaN), and the model-only columns (NaN where
     * not published).
     *
     * @param numQubits N
     * @param k         k (see {@link #hybridCases})
     * @return the table
     * @throws IllegalArgumentException for a case without stored numbers
     */
    public static Table hybrid(int numQubits, int k) {
        double[][] h = stored(HYBRID, "reference hybrid numbers", numQubits, k);
        if (MODEL1.containsKey(label(numQubits, k))) {
            return model1(numQubits, k).setName("reference model1+MIO " + label(numQubits, k));
        }
        Table t = table("reference model1+MIO " + label(numQubits, k), numQubits, k, h.length);
        for (int i = 0; i < h.length; i++) {
            t.intColumn("rank").set(i, (int) h[i][0]);
            t.doubleColumn("hybridSuccess").set(i, h[i][1] / 100);
            t.doubleColumn("hybridFidelity").set(i, h[i][1] > 0 ? 1 : NA);
        }
        return t;
    }

    /**
     * The reference notebook's proportion of negative eigenvalues of the MIO output (ranks 2^N−6 and 2^N): columns
     * N, k, rank, negMio.
     *
     * @param numQubits N
     * @param k         k (see {@link #negativeEigenvalueCases})
     * @return the table
     * @throws IllegalArgumentException for a case without stored numbers
     */
    public static Table negativeEigenvalues(int numQubits, int k) {
        double[][] v = stored(NEGATIVE, "negative-eigenvalue numbers", numQubits, k);
        Table t = Table.create("reference MIO negative eigenvalues " + label(numQubits, k), IntColumn.create("N"),
                IntColumn.create("k"), IntColumn.create("rank"), DoubleColumn.create("negMio"));
        for (double[] r : v) {
            t.intColumn("N").append(numQubits);
            t.intColumn("k").append(k);
            t.intColumn("rank").append((int) r[0]);
            t.doubleColumn("negMio").append(r[1]);
        }
        return t;
    }

    private static Table table(String name, int numQubits, int k, int rows) {
        Table t = Table.create(name, IntColumn.create("N"), IntColumn.create("k"), IntColumn.create("rank"),
                DoubleColumn.create("fidelity"), DoubleColumn.create("fidelitySd"), DoubleColumn.create("success"),
                DoubleColumn.create("guess"), DoubleColumn.create("guessSd"), DoubleColumn.create("hybridSuccess"),
                DoubleColumn.create("hybridFidelity"));
        for (int i = 0; i < rows; i++) {
            t.intColumn("N").append(numQubits);
            t.intColumn("k").append(k);
            t.intColumn("rank").append(0);
            for (String c : List.of("fidelity", "fidelitySd", "success", "guess", "guessSd", "hybridSuccess", "hybridFidelity")) {
                t.doubleColumn(c).append(NA);
            }
        }
        return t;
    }

    /** The stored entry of case NkK, or a clear error naming the stored cases. */
    private static <T> T stored(java.util.Map<String, T> numbers, String what, int numQubits, int k) {
        T v = numbers.get(label(numQubits, k));
        if (v == null) {
            throw new IllegalArgumentException("no " + what + " stored for " + label(numQubits, k) + " (available: "
                    + numbers.keySet() + ")");
        }
        return v;
    }
}
