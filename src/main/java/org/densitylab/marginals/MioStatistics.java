package org.densitylab.marginals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.quantum.RandomStates;
import org.densitylab.util.Seeds;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * What the MIO alone does (paper 2 Eq. 3), per target rank: for fresh rank-r targets ρ and Hilbert–Schmidt
 * seeds, \(\tilde X = \mathrm{MIO}(X_0; \{\mathrm{tr}_{J^c}\rho\}_J)\) over all k-subsets J, then
 * <ul>
 *   <li>the exactness check \(\max_J \max_{ij} |(\mathrm{tr}_{J^c}\tilde X - \mathrm{tr}_{J^c}\rho)_{ij}|\) (one pass
 *       imposes every consistent marginal exactly, so this is round-off);</li>
 *   <li>the proportion of negative eigenvalues \(\#\{\lambda_i(\tilde X) < -10^{-10}\}/2^N\) (mean and SD), the
 *       quantity of the reference notebook's "proportion of NE" figure ({@link ReferenceNumbers#negativeEigenvalues});</li>
 *   <li>the mean smallest eigenvalue \(\lambda_{\min}(\tilde X)\).</li>
 * </ul>
 * Sample i of rank r uses the stream {@code Seeds.forIndex(Seeds.derive(seed, r), i)} and draws the target, then the
 * seed — the same inputs as {@link MarginalsEvaluation#evaluate} with the same seed.
 */
public final class MioStatistics {
    private MioStatistics() {
    }

    /**
     * Statistics of one (N, k, rank).
     *
     * @param numQubits         N
     * @param k                 marginal size
     * @param rank              target rank
     * @param samples           samples
     * @param negMio            mean proportion of negative eigenvalues of the MIO output
     * @param negMioSd          its SD (ddof 1)
     * @param minEigenvalue     mean smallest eigenvalue
     * @param maxMarginalError  largest entry-wise deviation of any marginal of the MIO output from the target's
     */
    public record Row(int numQubits, int k, int rank, int samples, double negMio, double negMioSd, double minEigenvalue,
            double maxMarginalError) {
    }

    /**
     * Computes the statistics of one rank.
     *
     * @param numQubits N, 2..
     * @param k         1..N−1
     * @param rank      1..2^N
     * @param samples   ≥ 1
     * @param seed      seed of the samples
     * @return the row
     */
    public static Row of(int numQubits, int k, int rank, int samples, long seed) {
        Marginals.checkK(numQubits, k);
        int d = 1 << numQubits;
        if (rank < 1 || rank > d || samples < 1) {
            throw new IllegalArgumentException("need rank in 1.." + d + " and samples >= 1, got " + rank + ", " + samples);
        }
        long rankSeed = Seeds.derive(seed, rank);
        MarginalsEvaluation.Stats neg = new MarginalsEvaluation.Stats();
        MarginalsEvaluation.Stats min = new MarginalsEvaluation.Stats();
        double maxErr = 0;
        for (int i = 0; i < samples; i++) {
            SplittableRandom rng = Seeds.forIndex(rankSeed, i);
            List<Marginal> marginals = Marginals.of(RandomStates.rankR(numQubits, rank, rng), k);
            ComplexMatrix x = Mio.impose(RandomStates.hilbertSchmidt(numQubits, d, rng).matrix(), marginals);
            double[] l = Reconstruction.eigenvalues(x);
            neg.add(Reconstruction.negativeFraction(l));
            min.add(l[0]);
            maxErr = Math.max(maxErr, Reconstruction.marginalError(x, marginals));
        }
        return new Row(numQubits, k, rank, samples, neg.mean(), neg.sd(), min.mean(), maxErr);
    }

    /**
     * The statistics for the paper's ranks \(2^N-6\dots 2^N\) (at least 1) as a table.
     *
     * @param numQubits N
     * @param k         marginal size
     * @param samples   samples per rank
     * @param seed      seed
     * @return columns N, k, rank, samples, negMio, negMioSd, minEigenvalue, maxMarginalError; one row per rank
     */
    public static Table paperRanks(int numQubits, int k, int samples, long seed) {
        List<Row> rows = new ArrayList<>();
        int d = 1 << numQubits;
        for (int r = Math.max(1, d - 6); r <= d; r++) {
            rows.add(of(numQubits, k, r, samples, seed));
        }
        return table(ReferenceNumbers.label(numQubits, k) + " MIO", rows);
    }

    /**
     * @param name the table name
     * @param rows the rows
     * @return the rows as a Tablesaw table (columns as in {@link #paperRanks})
     */
    public static Table table(String name, List<Row> rows) {
        Table t = Table.create(name, IntColumn.create("N"), IntColumn.create("k"), IntColumn.create("rank"),
                IntColumn.create("samples"), DoubleColumn.create("negMio"), DoubleColumn.create("negMioSd"),
                DoubleColumn.create("minEigenvalue"), DoubleColumn.create("maxMarginalError"));
        for (Row r : rows) {
            t.intColumn("N").append(r.numQubits());
            t.intColumn("k").append(r.k());
            t.intColumn("rank").append(r.rank());
            t.intColumn("samples").append(r.samples());
            t.doubleColumn("negMio").append(r.negMio());
            t.doubleColumn("negMioSd").append(r.negMioSd());
            t.doubleColumn("minEigenvalue").append(r.minEigenvalue());
            t.doubleColumn("maxMarginalError").append(r.maxMarginalError());
        }
        return t;
    }

    /**
     * {@link #paperRanks} for several cases.
     *
     * @param cases   pairs {N, k}
     * @param samples samples per rank
     * @param seed    seed
     * @return tables by case label ("N4k3" …), in the given order
     */
    public static java.util.Map<String, Table> cases(int[][] cases, int samples, long seed) {
        java.util.Map<String, Table> out = new java.util.LinkedHashMap<>();
        for (int[] c : cases) {
            out.put(ReferenceNumbers.label(c[0], c[1]), paperRanks(c[0], c[1], samples, seed));
        }
        return out;
    }

    /**
     * The reference figure's negative-eigenvalue numbers of those cases that have them.
     *
     * @param ours tables by case label ({@link #cases})
     * @return reference tables by case label ({@link ReferenceNumbers#negativeEigenvalues})
     */
    public static java.util.Map<String, Table> references(java.util.Map<String, Table> ours) {
        java.util.Map<String, Table> out = new java.util.LinkedHashMap<>();
        for (Table t : ours.values()) {
            int n = t.intColumn("N").getInt(0);
            int k = t.intColumn("k").getInt(0);
            if (ReferenceNumbers.negativeEigenvalueCases().contains(ReferenceNumbers.label(n, k))) {
                out.put(ReferenceNumbers.label(n, k), ReferenceNumbers.negativeEigenvalues(n, k));
            }
        }
        return out;
    }

    /**
     * Every case's proportion of negative eigenvalues beside the reference figure's (published at the end ranks
     * only), in the layout of {@link org.densitylab.plot.Comparison#table}.
     *
     * @param ours tables by case label ({@link #cases})
     * @return one table over all cases
     */
    public static Table comparison(java.util.Map<String, Table> ours) {
        Table all = table("MIO output per rank", List.of());
        ours.values().forEach(all::append);
        Table ref = Table.create("reference", IntColumn.create("N"), IntColumn.create("k"), IntColumn.create("rank"),
                DoubleColumn.create("negMio"));
        references(ours).values().forEach(ref::append);
        return org.densitylab.plot.Comparison.table("MIO output: proportion of negative eigenvalues, ours beside the reference figure",
                all, ref, "reference figure");
    }
}
