package org.densitylab.marginals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The reference implementation's published evaluation numbers, for drawing beside ours. Sources (all quoted in
 * spec marginals.md):
 * <ul>
 *   <li>{@link #model1}: §6.4, HEAD {@code benchmark/fidelity_data/*} of {@code guerra-antonio/Learning-QM}, "no"
 *       extra MIO; 72–200 samples per rank; the model is always the k = N−1 checkpoint (Fig. 2–3). Where the spec
 *       gives an SD only at the end ranks (N ≥ 6), the other SDs are NaN; success is 100 % where the spec says so.</li>
 *   <li>{@link #hybrid}: §6.4, the "yes" files (model1 + a second MIO, Fig. 4): success % per rank, HEAD values;
 *       the fidelity of a successful hybrid output is 1.0000.</li>
 *   <li>{@link #negativeEigenvalues}: §6.4, the "proportion of NE" figure of {@code benchmark/plot_fidelities.ipynb}
 *       (light-blue MIO bars), read off the plot at the end ranks \(2^N-6\) and \(2^N\) (≈ two digits).</li>
 * </ul>
 * No model2 numbers exist in the repository (spec §7: Fig. 2's model2 curve has no data), and none for N3k1, N7k5,
 * N8k6 (model) or the paper's Fig. 4 cases N5k1, N6k2, N7k3, N7k4, N8k3, N8k4 (hybrid).
 */
public final class ReferenceNumbers {
    private ReferenceNumbers() {
    }

    private static final double NA = Double.NaN;

    // rank, model1 mean, sd, random-guess mean, sd, success %
    private static final Map<String, double[][]> MODEL1 = new LinkedHashMap<>();
    // success % of model1 + MIO at ranks 2^N-6 .. 2^N
    private static final Map<String, double[]> HYBRID = new LinkedHashMap<>();
    // proportion of negative eigenvalues of the MIO output at ranks 2^N-6 and 2^N
    private static final Map<String, double[]> NEGATIVE = new LinkedHashMap<>();

    static {
        MODEL1.put("N3k2", new double[][] {
            {2, 0.8953, 0.0371, 0.6747, 0.0720, 86.0}, {3, 0.9522, 0.0173, 0.7732, 0.0441, 97.0},
            {4, 0.9738, 0.0093, 0.8280, 0.0395, 94.0}, {5, 0.9792, 0.0075, 0.8548, 0.0343, 98.0},
            {6, 0.9848, 0.0059, 0.8721, 0.0277, 97.0}, {7, 0.9868, 0.0062, 0.8830, 0.0312, 100.0},
            {8, 0.9862, 0.0050, 0.8852, 0.0293, 97.0}});
        MODEL1.put("N4k2", new double[][] {
            {10, 0.9948, 0.0014, 0.9616, 0.0086, 97.5}, {11, 0.9952, 0.0013, 0.9640, 0.0073, 97.5},
            {12, 0.9955, 0.0012, 0.9664, 0.0067, 100}, {13, 0.9960, 0.0011, 0.9678, 0.0061, 99.0},
            {14, 0.9962, 0.0010, 0.9683, 0.0064, 99.5}, {15, 0.9964, 0.0010, 0.9697, 0.0060, 100},
            {16, 0.9965, 0.0009, 0.9700, 0.0058, 100}});
        MODEL1.put("N4k3", new double[][] {
            {10, 0.9550, 0.0060, 0.8451, 0.0170, 98.5}, {11, 0.9597, 0.0049, 0.8516, 0.0146, 99.5},
            {12, 0.9631, 0.0051, 0.8606, 0.0152, 100}, {13, 0.9666, 0.0045, 0.8673, 0.0126, 100},
            {14, 0.9695, 0.0044, 0.8713, 0.0134, 100}, {15, 0.9717, 0.0041, 0.8777, 0.0133, 100},
            {16, 0.9736, 0.0042, 0.8810, 0.0134, 100}});
        MODEL1.put("N5k3", new double[][] {
            {26, 0.9884, 0.0012, 0.9656, 0.0033, 100}, {27, 0.9888, 0.0012, 0.9664, 0.0028, 98.5},
            {28, 0.9892, 0.0011, 0.9676, 0.0030, 99.5}, {29, 0.9896, 0.0010, 0.9681, 0.0028, 100},
            {30, 0.9899, 0.0011, 0.9687, 0.0029, 100}, {31, 0.9902, 0.0011, 0.9689, 0.0027, 99.5},
            {32, 0.9905, 0.0010, 0.9696, 0.0026, 100}});
        MODEL1.put("N5k4", new double[][] {
            {26, 0.9448, 0.0030, 0.8657, 0.0070, 100}, {27, 0.9466, 0.0032, 0.8681, 0.0066, 100},
            {28, 0.9492, 0.0032, 0.8705, 0.0067, 100}, {29, 0.9508, 0.0028, 0.8726, 0.0065, 100},
            {30, 0.9528, 0.0027, 0.8749, 0.0062, 100}, {31, 0.9541, 0.0029, 0.8776, 0.0062, 100},
            {32, 0.9556, 0.0026, 0.8794, 0.0065, 100}});
        MODEL1.put("N6k4", new double[][] {
            {58, 0.9862, 0.0006, 0.9674, 0.0013, 100}, {59, 0.9864, NA, 0.9678, NA, 100}, {60, 0.9866, NA, 0.9681, NA, 100},
            {61, 0.9869, NA, 0.9684, NA, 100}, {62, 0.9871, NA, 0.9688, NA, 100}, {63, 0.9873, NA, 0.9688, NA, 100},
            {64, 0.9874, 0.0005, 0.9690, 0.0013, 100}});
        MODEL1.put("N6k5", new double[][] {
            {58, 0.9397, 0.0015, 0.8726, 0.0034, 100}, {59, 0.9407, NA, 0.8740, NA, 100}, {60, 0.9418, NA, 0.8753, NA, 100},
            {61, 0.9429, NA, 0.8762, NA, 100}, {62, 0.9437, NA, 0.8768, NA, 100}, {63, 0.9446, NA, 0.8778, NA, 100},
            {64, 0.9454, 0.0015, 0.8787, 0.0029, 100}});
        MODEL1.put("N7k6", new double[][] {
            {122, 0.9374, 0.0008, 0.8760, 0.0015, 100}, {123, 0.9379, NA, 0.8765, NA, 100},
            {124, 0.9383, NA, 0.8769, NA, 100}, {125, 0.9390, NA, 0.8776, NA, 100}, {126, 0.9394, NA, 0.8779, NA, 100},
            {127, 0.9399, NA, 0.8783, NA, 100}, {128, 0.9404, 0.0008, 0.8790, 0.0014, 100}});
        MODEL1.put("N8k7", new double[][] {
            {250, 0.9274, 0.0005, 0.8775, 0.0008, 100}, {251, 0.9277, NA, 0.8777, NA, 100},
            {252, 0.9279, NA, 0.8779, NA, 100}, {253, 0.9282, NA, 0.8781, NA, 100}, {254, 0.9284, NA, 0.8787, NA, 100},
            {255, 0.9286, NA, 0.8786, NA, 100}, {256, 0.9289, 0.0005, 0.8790, 0.0008, 100}});

        HYBRID.put("N3k2", new double[] {0, 0, 0, 5, 18, 48, 66});
        HYBRID.put("N4k2", new double[] {3, 16, 35, 41, 59, 60, 79});
        HYBRID.put("N5k2", new double[] {89, 91, 90, 96, 95, 98, 96});
        HYBRID.put("N5k3", new double[] {0, 0, 0, 0, 0, 0, 0});
        HYBRID.put("N6k3", new double[] {100, 100, 100, 100, 100, 100, 100});

        NEGATIVE.put("N4k3", new double[] {0.23, 0.18});
        NEGATIVE.put("N5k3", new double[] {0.20, 0.19});
        NEGATIVE.put("N5k4", new double[] {0.20, 0.18});
        NEGATIVE.put("N6k4", new double[] {0.20, 0.19});
        NEGATIVE.put("N6k5", new double[] {0.185, 0.17});
        NEGATIVE.put("N7k5", new double[] {0.19, 0.19});
        NEGATIVE.put("N7k6", new double[] {0.17, 0.165});
        NEGATIVE.put("N8k6", new double[] {0.19, 0.19});
        NEGATIVE.put("N8k7", new double[] {0.16, 0.155});
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
        double[] hybrid = HYBRID.get(label(numQubits, k));
        Table t = table("reference model1 " + label(numQubits, k), numQubits, k, rows.length);
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            t.intColumn("rank").set(i, (int) r[0]);
            t.doubleColumn("fidelity").set(i, r[1]);
            t.doubleColumn("fidelitySd").set(i, r[2]);
            t.doubleColumn("guess").set(i, r[3]);
            t.doubleColumn("guessSd").set(i, r[4]);
            t.doubleColumn("success").set(i, r[5] / 100);
            t.doubleColumn("hybridSuccess").set(i, hybrid == null ? NA : hybrid[i] / 100);
            t.doubleColumn("hybridFidelity").set(i, hybrid != null && hybrid[i] > 0 ? 1 : NA);
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
        double[] h = stored(HYBRID, "reference hybrid numbers", numQubits, k);
        if (MODEL1.containsKey(label(numQubits, k))) {
            return model1(numQubits, k).setName("reference model1+MIO " + label(numQubits, k));
        }
        Table t = table("reference model1+MIO " + label(numQubits, k), numQubits, k, h.length);
        int d = 1 << numQubits;
        for (int i = 0; i < h.length; i++) {
            t.intColumn("rank").set(i, d - 6 + i);
            t.doubleColumn("hybridSuccess").set(i, h[i] / 100);
            t.doubleColumn("hybridFidelity").set(i, h[i] > 0 ? 1 : NA);
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
        double[] v = stored(NEGATIVE, "negative-eigenvalue numbers", numQubits, k);
        int d = 1 << numQubits;
        return Table.create("reference MIO negative eigenvalues " + label(numQubits, k),
                IntColumn.create("N", numQubits, numQubits), IntColumn.create("k", k, k), IntColumn.create("rank", d - 6, d),
                DoubleColumn.create("negMio", v));
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
