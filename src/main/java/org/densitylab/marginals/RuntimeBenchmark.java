package org.densitylab.marginals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.densitylab.plot.HouseStyle;
import org.densitylab.quantum.RandomStates;
import org.densitylab.util.Seeds;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runtime of the reconstruction pipelines against an SDP solve of the same instances
 * (docs/papers.md#sdp-eq-2-and-runtime), per N with the reference's cases ({@link ReferenceTimings#CASES}: N3k2, N4k2,
 * N5k2, N6k3, N7k4, N8k4). For each sample i of a case: target ρ = Hilbert–Schmidt full-rank state, its k-body
 * marginals \(\sigma_J\) (untimed), then three timed solves from the marginals:
 * <ul>
 *   <li>MIO+CDAE: draw the HS seed, MIO (paper Eq. 3), CDAE forward pass, hermitise and normalise;</li>
 *   <li>MIO+CDAE+MIO: the same plus the second MIO (hybrid);</li>
 *   <li>SDP: {@link PauliSdp} solved by {@link CvxoptSdp} when it is available and N ≤ {@code sdpMaxQubits} (time
 *       inside Python: building cvxopt's matrices and solving).</li>
 * </ul>
 * The CDAE is an untrained network with the paper's width (S = 10): its cost does not depend on the weights, so it
 * equals a trained one's. One thread for ND4J is expected ({@code OMP_NUM_THREADS=1}); each case starts with one
 * untimed warm-up of each pipeline and stops after {@code maxSamples} or when {@code secondsPerCase} have passed
 * (at least 2 samples). Sample i uses the stream {@code Seeds.forIndex(Seeds.derive(seed, N), i)}.
 */
public final class RuntimeBenchmark {
    private RuntimeBenchmark() {
    }

    /**
     * What to run.
     *
     * @param minQubits      smallest N (≥ 3)
     * @param maxQubits      largest N (≤ 8)
     * @param scale          CDAE width S (the paper: 10)
     * @param maxSamples     samples per case, at most
     * @param secondsPerCase time budget per case for the model pipelines
     * @param sdpMaxQubits   largest N solved by the SDP (cvxopt needs minutes at N = 6)
     * @param sdpSamples     SDP solves per case
     * @param sdpTimeout     seconds allowed per SDP solve
     * @param seed           seed
     */
    public record Config(int minQubits, int maxQubits, int scale, int maxSamples, double secondsPerCase, int sdpMaxQubits,
            int sdpSamples, double sdpTimeout, long seed) {
        /**
         * Validates.
         *
         * @throws IllegalArgumentException for a bad range or count
         */
        public Config {
            if (minQubits < 3 || maxQubits > 8 || minQubits > maxQubits || scale < 1 || maxSamples < 2 || sdpSamples < 0) {
                throw new IllegalArgumentException("need 3 <= minQubits <= maxQubits <= 8, scale >= 1, maxSamples >= 2, "
                        + "sdpSamples >= 0");
            }
        }

        /** @return N = 3..8, S = 10, up to 100 samples or 60 s per case, SDP (cvxopt) for N ≤ 5, 5 solves each */
        public static Config full() {
            return new Config(3, 8, 10, 100, 60, 5, 5, 1800, 1L);
        }

        /** @return the CI configuration: N = 3..5, S = 10, up to 20 samples or 5 s per case, SDP for N ≤ 4, 2 solves */
        public static Config quick() {
            return new Config(3, 5, 10, 20, 5, 4, 2, 120, 1L);
        }
    }

    /**
     * Measurements of one case; times in seconds per state, SD with ddof 1; NaN where not run.
     *
     * @param numQubits           N
     * @param k                   marginal size
     * @param marginals           number of marginals C(N, k)
     * @param samples             timed samples of the model pipelines
     * @param mioCdae             mean time of MIO+CDAE
     * @param mioCdaeSd           its SD
     * @param mioCdaeMio          mean time of MIO+CDAE+MIO
     * @param mioCdaeMioSd        its SD
     * @param sdpSamples          SDP solves
     * @param sdp                 mean SDP time
     * @param sdpSd               its SD
     * @param sdpMaxMarginalError largest entry-wise deviation of an SDP solution's marginal from the prescribed one
     * @param sdpMinEigenvalue    smallest eigenvalue over the SDP solutions
     * @param sdpStatus           the solver's status of the last solve, or why it was not run
     */
    public record Row(int numQubits, int k, int marginals, int samples, double mioCdae, double mioCdaeSd, double mioCdaeMio,
            double mioCdaeMioSd, int sdpSamples, double sdp, double sdpSd, double sdpMaxMarginalError, double sdpMinEigenvalue,
            String sdpStatus) {
    }

    /**
     * Runs the benchmark.
     *
     * @param config what to run
     * @return one row per N
     */
    public static List<Row> run(Config config) {
        List<Row> rows = new ArrayList<>();
        for (int n = config.minQubits(); n <= config.maxQubits(); n++) {
            rows.add(runCase(config, ReferenceTimings.forQubits(n)));
        }
        return rows;
    }

    private static Row runCase(Config config, ReferenceTimings.Case c) {
        int n = c.numQubits();
        int d = 1 << n;
        Cdae net = Cdae.create(n, config.scale(), config.seed());
        long caseSeed = Seeds.derive(config.seed(), n);
        List<Marginal> warm = Marginals.of(RandomStates.hilbertSchmidt(n, d, new SplittableRandom(caseSeed)), c.k());
        for (boolean second : new boolean[] {false, true}) {
            Reconstruction.reconstruct(net, RandomStates.hilbertSchmidt(n, d, new SplittableRandom(~caseSeed)).matrix(), warm,
                    second);
        }
        double[] t1 = new double[config.maxSamples()];
        double[] t2 = new double[config.maxSamples()];
        int samples = 0;
        long budgetEnd = System.nanoTime() + (long) (config.secondsPerCase() * 1e9);
        while (samples < config.maxSamples() && (samples < 2 || System.nanoTime() < budgetEnd)) {
            SplittableRandom rng = Seeds.forIndex(caseSeed, samples);
            List<Marginal> m = Marginals.of(RandomStates.hilbertSchmidt(n, d, rng), c.k());
            long a = System.nanoTime();
            Reconstruction.reconstruct(net, RandomStates.hilbertSchmidt(n, d, rng).matrix(), m, false);
            long b = System.nanoTime();
            Reconstruction.reconstruct(net, RandomStates.hilbertSchmidt(n, d, rng).matrix(), m, true);
            long e = System.nanoTime();
            t1[samples] = (b - a) / 1e9;
            t2[samples] = (e - b) / 1e9;
            samples++;
        }
        int sdpRuns = n <= config.sdpMaxQubits() && CvxoptSdp.available() ? config.sdpSamples() : 0;
        String status = sdpRuns > 0 ? "" : CvxoptSdp.available() ? "not run (N > " + config.sdpMaxQubits() + ")"
                : "not run (no cvxopt)";
        double[] ts = new double[sdpRuns];
        double maxErr = 0;
        double minEig = Double.POSITIVE_INFINITY;
        for (int i = 0; i < sdpRuns; i++) {
            List<Marginal> m = Marginals.of(RandomStates.hilbertSchmidt(n, d, Seeds.forIndex(caseSeed, i)), c.k());
            CvxoptSdp.Result r = CvxoptSdp.solve(PauliSdp.of(n, m), config.sdpTimeout());
            ts[i] = r.solveSeconds();
            status = r.status();
            if (r.state() != null) {
                maxErr = Math.max(maxErr, Reconstruction.marginalError(r.state(), m));
                minEig = Math.min(minEig, Reconstruction.eigenvalues(r.state())[0]);
            }
        }
        return new Row(n, c.k(), m(n, c.k()), samples, mean(t1, samples), sd(t1, samples), mean(t2, samples),
                sd(t2, samples), sdpRuns, mean(ts, sdpRuns), sd(ts, sdpRuns), sdpRuns == 0 ? Double.NaN : maxErr,
                sdpRuns == 0 ? Double.NaN : minEig, status);
    }

    /**
     * The rows with the reference timings beside them.
     *
     * @param rows the measurements
     * @return columns N, k, marginals, samples, mioCdae, mioCdaeSd, mioCdaeMio, mioCdaeMioSd, sdpSamples, sdp, sdpSd,
     *         sdpMaxMarginalError, sdpMinEigenvalue, sdpStatus, refMioCdae, refMioCdaeMio, refSdp (seconds)
     */
    public static Table table(List<Row> rows) {
        Table t = Table.create("runtime per state (seconds)", IntColumn.create("N"), IntColumn.create("k"),
                IntColumn.create("marginals"), IntColumn.create("samples"), DoubleColumn.create("mioCdae"),
                DoubleColumn.create("mioCdaeSd"), DoubleColumn.create("mioCdaeMio"), DoubleColumn.create("mioCdaeMioSd"),
                IntColumn.create("sdpSamples"), DoubleColumn.create("sdp"), DoubleColumn.create("sdpSd"),
                DoubleColumn.create("sdpMaxMarginalError"), DoubleColumn.create("sdpMinEigenvalue"),
                StringColumn.create("sdpStatus"), DoubleColumn.create("refMioCdae"), DoubleColumn.create("refMioCdaeMio"),
                DoubleColumn.create("refSdp"));
        for (Row r : rows) {
            ReferenceTimings.Case ref = ReferenceTimings.forQubits(r.numQubits());
            t.intColumn("N").append(r.numQubits());
            t.intColumn("k").append(r.k());
            t.intColumn("marginals").append(r.marginals());
            t.intColumn("samples").append(r.samples());
            t.doubleColumn("mioCdae").append(r.mioCdae());
            t.doubleColumn("mioCdaeSd").append(r.mioCdaeSd());
            t.doubleColumn("mioCdaeMio").append(r.mioCdaeMio());
            t.doubleColumn("mioCdaeMioSd").append(r.mioCdaeMioSd());
            t.intColumn("sdpSamples").append(r.sdpSamples());
            t.doubleColumn("sdp").append(r.sdp());
            t.doubleColumn("sdpSd").append(r.sdpSd());
            t.doubleColumn("sdpMaxMarginalError").append(r.sdpMaxMarginalError());
            t.doubleColumn("sdpMinEigenvalue").append(r.sdpMinEigenvalue());
            t.stringColumn("sdpStatus").append(r.sdpStatus());
            t.doubleColumn("refMioCdae").append(ref.mioCdae());
            t.doubleColumn("refMioCdaeMio").append(ref.mioCdaeMio());
            t.doubleColumn("refSdp").append(ref.sdp());
        }
        return t;
    }

    /**
     * Seconds per state against N on a logarithmic axis: our three pipelines (solid, ± SD) and the reference's (dashed).
     *
     * @param title the chart title
     * @param table a {@link #table}
     * @return the chart
     */
    public static XYChart plot(String title, Table table) {
        XYChart c = HouseStyle.xy(title, "number of qubits N", "seconds per state");
        c.getStyler().setYAxisLogarithmic(true);
        double[] x = table.intColumn("N").asDoubleArray();
        String[][] series = {{"mioCdae", "MIO+CDAE"}, {"mioCdaeMio", "MIO+CDAE+MIO"}, {"sdp", "SDP"}};
        for (boolean reference : new boolean[] {false, true}) {
            for (int i = 0; i < series.length; i++) {
                String col = reference ? "ref" + Character.toUpperCase(series[i][0].charAt(0)) + series[i][0].substring(1)
                        : series[i][0];
                String who = i == 2 ? (reference ? " (reference, SCS)" : " (ours, cvxopt)") : (reference ? " (reference)" : " (ours)");
                HouseStyle.series(c, series[i][1] + who, x, table.doubleColumn(col).asDoubleArray(),
                        reference ? null : table.doubleColumn(col + "Sd").asDoubleArray(), reference);
            }
        }
        return HouseStyle.colourAll(c);
    }

    private static int m(int n, int k) {
        return Marginals.count(n, k);
    }

    private static double mean(double[] v, int count) {
        if (count == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += v[i];
        }
        return s / count;
    }

    private static double sd(double[] v, int count) {
        if (count < 2) {
            return Double.NaN;
        }
        double mu = mean(v, count);
        double s = 0;
        for (int i = 0; i < count; i++) {
            s += (v[i] - mu) * (v[i] - mu);
        }
        return Math.sqrt(s / (count - 1));
    }
}
