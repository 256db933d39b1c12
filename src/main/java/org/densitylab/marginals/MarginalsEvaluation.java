package org.densitylab.marginals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.RandomStates;
import org.densitylab.util.Seeds;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The evaluation of the marginals paper (docs/papers.md#evaluation-success-fidelity-random-guessing) for one trained
 * CDAE: for each target rank r, fresh samples \(\rho\) (rank r, {@link RandomStates#rankR}), their k-body marginals,
 * the MIO input from a Hilbert–Schmidt seed, and three reconstructions:
 * <ul>
 *   <li><b>model</b> ("mio_cdae"): \(X = \mathrm{norm}(\mathrm{herm}(\mathrm{CDAE}(\tilde X)))\); success iff PSD
 *       ({@link Reconstruction#isPsd}); mean marginal fidelity (paper Eq. 7) over successful samples only;</li>
 *   <li><b>model+MIO</b> ("mio_cdae_mio"): \(\mathrm{MIO}(X)\), paper Eq. 3 again with X as seed; its marginals are
 *       exact, so only its success rate is informative;</li>
 *   <li><b>random guessing</b>: the marginal fidelity of an independent Hilbert–Schmidt full-rank state, no PSD
 *       filter.</li>
 * </ul>
 * An output with a non-positive trace counts as a failure of both pipelines (it cannot be normalised). Also
 * the proportion of negative eigenvalues of the MIO input and of the model+MIO output. Sample i of rank r uses
 * the stream {@code Seeds.forIndex(Seeds.derive(seed, r), i)}: draws target, MIO seed, guess in that order.
 */
public final class MarginalsEvaluation {
    private static final int BATCH = 100;

    private MarginalsEvaluation() {
    }

    /**
     * Results for one (N, k, rank). Means and sample SDs (ddof 1); NaN where undefined.
     *
     * @param numQubits      N
     * @param k              marginal size
     * @param rank           target rank r
     * @param samples        number of samples
     * @param fidelityMean   mean marginal fidelity of the model over its successful samples
     * @param fidelitySd     its SD
     * @param success        model success rate (fraction PSD)
     * @param guessMean      random-guessing mean marginal fidelity (all samples)
     * @param guessSd        its SD
     * @param hybridSuccess  model+MIO success rate
     * @param hybridFidelity model+MIO mean marginal fidelity over its successful samples (1 up to round-off)
     * @param negMio         mean proportion of negative eigenvalues of the MIO input
     * @param negHybrid      mean proportion of negative eigenvalues of the model+MIO output
     */
    public record RankResult(int numQubits, int k, int rank, int samples, double fidelityMean, double fidelitySd,
            double success, double guessMean, double guessSd, double hybridSuccess, double hybridFidelity, double negMio,
            double negHybrid) {
    }

    /**
     * Evaluates one rank (docs/papers.md#evaluation-success-fidelity-random-guessing).
     *
     * @param net     the trained network (its N is the register size)
     * @param k       marginal size, 1..N−1 (the model may have been trained with another k)
     * @param rank    target rank, 1..2^N
     * @param samples number of samples, ≥ 1
     * @param seed    seed of the samples
     * @return the results
     * @throws IllegalArgumentException for k, rank or samples out of range
     */
    public static RankResult evaluate(Cdae net, int k, int rank, int samples, long seed) {
        int n = net.numQubits();
        int d = net.dim();
        Marginals.checkK(n, k);
        if (rank < 1 || rank > d) {
            throw new IllegalArgumentException("rank must be in 1..2^N = 1.." + d + ", got " + rank);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        List<int[]> subsets = Marginals.subsets(n, k);
        long rankSeed = Seeds.derive(seed, rank);
        Stats fid = new Stats();
        Stats guess = new Stats();
        Stats hybridFid = new Stats();
        Stats negMio = new Stats();
        Stats negHybrid = new Stats();
        int ok = 0;
        int hybridOk = 0;
        for (int start = 0; start < samples; start += BATCH) {
            int count = Math.min(BATCH, samples - start);
            DensityMatrix[] targets = new DensityMatrix[count];
            List<List<Marginal>> marginals = new ArrayList<>(count);
            float[] inputs = new float[count * 2 * d * d];
            for (int s = 0; s < count; s++) {
                SplittableRandom rng = Seeds.forIndex(rankSeed, start + s);
                targets[s] = RandomStates.rankR(n, rank, rng);
                marginals.add(Marginals.of(targets[s], k));
                ComplexMatrix x = Mio.impose(RandomStates.hilbertSchmidt(n, d, rng).matrix(), marginals.get(s));
                negMio.add(Reconstruction.negativeFraction(Reconstruction.eigenvalues(x)));
                writeTwoChannel(x, inputs, s * 2 * d * d);
                DensityMatrix g = RandomStates.hilbertSchmidt(n, d, rng);
                guess.add(Reconstruction.marginalFidelity(g.matrix(), targets[s], subsets));
            }
            float[] out = net.predict(inputs, count);
            for (int s = 0; s < count; s++) {
                if (!(Reconstruction.traceOf(out, s * 2 * d * d, d) > 0)) {
                    continue;   // not normalisable: a failure of both pipelines
                }
                ComplexMatrix z = Reconstruction.toState(out, s * 2 * d * d, d);
                if (Reconstruction.isPsd(Reconstruction.eigenvalues(z))) {
                    ok++;
                    fid.add(Reconstruction.marginalFidelity(z, targets[s], subsets));
                }
                ComplexMatrix h = Mio.impose(z, marginals.get(s));
                double[] lh = Reconstruction.eigenvalues(h);
                negHybrid.add(Reconstruction.negativeFraction(lh));
                if (Reconstruction.isPsd(lh)) {
                    hybridOk++;
                    hybridFid.add(Reconstruction.marginalFidelity(h, targets[s], subsets));
                }
            }
        }
        return new RankResult(n, k, rank, samples, fid.mean(), fid.sd(), (double) ok / samples, guess.mean(), guess.sd(),
                (double) hybridOk / samples, hybridFid.mean(), negMio.mean(), negHybrid.mean());
    }

    /**
     * Evaluates the paper's ranks \(2^N-6\dots 2^N\) (at least 1).
     *
     * @param net     the network
     * @param k       marginal size
     * @param samples samples per rank
     * @param seed    seed
     * @return one result per rank, ascending
     */
    public static List<RankResult> evaluatePaperRanks(Cdae net, int k, int samples, long seed) {
        List<RankResult> out = new ArrayList<>();
        for (int r = Math.max(1, net.dim() - 6); r <= net.dim(); r++) {
            out.add(evaluate(net, k, r, samples, seed));
        }
        return out;
    }

    /**
     * The results as a Tablesaw table, one row per rank.
     *
     * @param name    the table name
     * @param results the results
     * @return columns N, k, rank, samples, fidelity, fidelitySd, success, guess, guessSd, hybridSuccess,
     *         hybridFidelity, negMio, negHybrid
     */
    public static Table table(String name, List<RankResult> results) {
        Table t = Table.create(name, IntColumn.create("N"), IntColumn.create("k"), IntColumn.create("rank"),
                IntColumn.create("samples"), DoubleColumn.create("fidelity"), DoubleColumn.create("fidelitySd"),
                DoubleColumn.create("success"), DoubleColumn.create("guess"), DoubleColumn.create("guessSd"),
                DoubleColumn.create("hybridSuccess"), DoubleColumn.create("hybridFidelity"), DoubleColumn.create("negMio"),
                DoubleColumn.create("negHybrid"));
        for (RankResult r : results) {
            t.intColumn("N").append(r.numQubits());
            t.intColumn("k").append(r.k());
            t.intColumn("rank").append(r.rank());
            t.intColumn("samples").append(r.samples());
            t.doubleColumn("fidelity").append(r.fidelityMean());
            t.doubleColumn("fidelitySd").append(r.fidelitySd());
            t.doubleColumn("success").append(r.success());
            t.doubleColumn("guess").append(r.guessMean());
            t.doubleColumn("guessSd").append(r.guessSd());
            t.doubleColumn("hybridSuccess").append(r.hybridSuccess());
            t.doubleColumn("hybridFidelity").append(r.hybridFidelity());
            t.doubleColumn("negMio").append(r.negMio());
            t.doubleColumn("negHybrid").append(r.negHybrid());
        }
        return t;
    }

    /**
     * Evaluates several networks at the paper's ranks ({@link #evaluatePaperRanks}) with the same test states.
     *
     * @param nets    networks by name (e.g. "model1", "model2")
     * @param k       marginal size
     * @param samples samples per rank
     * @param seed    seed (the same targets for every network)
     * @return one {@link #table} per network, named "name NxKy"
     */
    public static java.util.Map<String, Table> tables(java.util.Map<String, Cdae> nets, int k, int samples, long seed) {
        java.util.Map<String, Table> out = new java.util.LinkedHashMap<>();
        nets.forEach((name, net) -> out.put(name, table(name + " " + ReferenceNumbers.label(net.numQubits(), k),
                evaluatePaperRanks(net, k, samples, seed))));
        return out;
    }

    private static void writeTwoChannel(ComplexMatrix x, float[] out, int offset) {
        int d = x.rows();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                out[offset + i * d + j] = (float) x.re(i, j);
                out[offset + d * d + i * d + j] = (float) x.im(i, j);
            }
        }
    }

    /** Running mean and sample variance (Welford). */
    static final class Stats {
        private int count;
        private double mean;
        private double m2;

        void add(double x) {
            count++;
            double delta = x - mean;
            mean += delta / count;
            m2 += delta * (x - mean);
        }

        double mean() {
            return count == 0 ? Double.NaN : mean;
        }

        double sd() {
            return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
        }
    }
}
