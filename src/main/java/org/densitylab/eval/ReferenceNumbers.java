package org.densitylab.eval;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The reference implementation's published evaluation numbers (spec marginals.md §6.4: HEAD
 * {@code benchmark/fidelity_data/*} of {@code guerra-antonio/Learning-QM}; 72–200 samples per rank, model =
 * the k = N−1 checkpoint, "no" extra MIO), for drawing beside ours. No model2 numbers exist in the repository
 * (spec §7: Fig. 2's model2 curve has no data), and no N3k1 numbers.
 */
public final class ReferenceNumbers {
    private ReferenceNumbers() {
    }

    // rank, model1 mean, sd, random-guess mean, sd, success %
    private static final double[][] N3K2 = {
        {2, 0.8953, 0.0371, 0.6747, 0.0720, 86.0}, {3, 0.9522, 0.0173, 0.7732, 0.0441, 97.0},
        {4, 0.9738, 0.0093, 0.8280, 0.0395, 94.0}, {5, 0.9792, 0.0075, 0.8548, 0.0343, 98.0},
        {6, 0.9848, 0.0059, 0.8721, 0.0277, 97.0}, {7, 0.9868, 0.0062, 0.8830, 0.0312, 100.0},
        {8, 0.9862, 0.0050, 0.8852, 0.0293, 97.0}};
    private static final double[][] N4K3 = {
        {10, 0.9550, 0.0060, 0.8451, 0.0170, 98.5}, {11, 0.9597, 0.0049, 0.8516, 0.0146, 99.5},
        {12, 0.9631, 0.0051, 0.8606, 0.0152, 100}, {13, 0.9666, 0.0045, 0.8673, 0.0126, 100},
        {14, 0.9695, 0.0044, 0.8713, 0.0134, 100}, {15, 0.9717, 0.0041, 0.8777, 0.0133, 100},
        {16, 0.9736, 0.0042, 0.8810, 0.0134, 100}};
    private static final double[][] N5K4 = {
        {26, 0.9448, 0.0030, 0.8657, 0.0070, 100}, {27, 0.9466, 0.0032, 0.8681, 0.0066, 100},
        {28, 0.9492, 0.0032, 0.8705, 0.0067, 100}, {29, 0.9508, 0.0028, 0.8726, 0.0065, 100},
        {30, 0.9528, 0.0027, 0.8749, 0.0062, 100}, {31, 0.9541, 0.0029, 0.8776, 0.0062, 100},
        {32, 0.9556, 0.0026, 0.8794, 0.0065, 100}};
    /** model1+MIO success % for N3k2, ranks 2..8 (HEAD). */
    private static final double[] N3K2_HYBRID = {0, 0, 0, 5, 18, 48, 66};

    /**
     * The reference model1 numbers of one case as a table with the columns of
     * {@link MarginalsEvaluation#table}: N, k, rank, fidelity, fidelitySd, success (fraction), guess, guessSd,
     * hybridSuccess (NaN where not published).
     *
     * @param numQubits N (3, 4 or 5)
     * @param k         k = N−1
     * @return the table
     * @throws IllegalArgumentException for a case without stored numbers
     */
    public static Table model1(int numQubits, int k) {
        double[][] rows;
        if (numQubits == 3 && k == 2) {
            rows = N3K2;
        } else if (numQubits == 4 && k == 3) {
            rows = N4K3;
        } else if (numQubits == 5 && k == 4) {
            rows = N5K4;
        } else {
            throw new IllegalArgumentException("no reference numbers stored for N=" + numQubits + ", k=" + k
                    + " (available: N3k2, N4k3, N5k4)");
        }
        Table t = Table.create("reference model1 N" + numQubits + "k" + k, IntColumn.create("N"), IntColumn.create("k"),
                IntColumn.create("rank"), DoubleColumn.create("fidelity"), DoubleColumn.create("fidelitySd"),
                DoubleColumn.create("success"), DoubleColumn.create("guess"), DoubleColumn.create("guessSd"),
                DoubleColumn.create("hybridSuccess"));
        for (int i = 0; i < rows.length; i++) {
            double[] r = rows[i];
            t.intColumn("N").append(numQubits);
            t.intColumn("k").append(k);
            t.intColumn("rank").append((int) r[0]);
            t.doubleColumn("fidelity").append(r[1]);
            t.doubleColumn("fidelitySd").append(r[2]);
            t.doubleColumn("guess").append(r[3]);
            t.doubleColumn("guessSd").append(r[4]);
            t.doubleColumn("success").append(r[5] / 100);
            t.doubleColumn("hybridSuccess").append(rows == N3K2 ? N3K2_HYBRID[i] / 100 : Double.NaN);
        }
        return t;
    }
}
