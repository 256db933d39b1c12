package org.densitylab.marginals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.progress.Progress;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.QubitOrder;
import org.densitylab.quantum.RandomStates;
import org.densitylab.util.Seeds;
import org.densitylab.plot.HouseStyle;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Reconstruction methods side by side per target rank (the evaluation of the marginals paper, Eq. 7,
 * extended to any {@link Reconstructor}). Sample i of rank r: target \(\rho\) = {@link RandomStates#rankR} from the
 * stream {@code Seeds.forIndex(Seeds.derive(seed, r), i)}, its k-body marginals over all k-subsets; every method
 * gets a fresh copy of the stream {@code Seeds.forIndex(Seeds.derive(Seeds.derive(seed, r), 1), i)}, so the
 * methods that start from the MIO output all see the same \(\tilde X\). One thread; a method's time excludes the
 * drawing of the target and the metrics.
 *
 * <p>Per (method, rank): success = fraction of positive semidefinite outputs ({@link Reconstruction#isPsd});
 * fidelity ± SD = the paper's mean squared fidelity of the k-body marginals (Eq. 7) over the successful samples;
 * state fidelity = mean \(F(\rho,\hat\rho)\) of the whole state over the same samples; marginal error = the largest
 * entry-wise deviation of a reconstructed marginal from its target over all samples; seconds per state; iterations
 * (mean and max) and the fraction that converged (PSD with marginal error within the tolerance).
 */
public final class MethodComparison {
    /** The columns of {@link #csv}, in order. */
    public static final String CSV_HEADER = "method,n,k,rank,samples,success,fidelity,fidelity_sd,state_fidelity,"
            + "marginal_error,seconds_per_state";

    private MethodComparison() {
    }

    /**
     * One (method, rank) cell; NaN where undefined (no successful sample, fewer than two for an SD).
     *
     * @param method          method name
     * @param numQubits       N
     * @param k               marginal size
     * @param rank            target rank
     * @param samples         samples
     * @param success         fraction PSD
     * @param fidelity        mean marginal fidelity over successful samples
     * @param fidelitySd      its SD (ddof 1)
     * @param stateFidelity   mean \(F(\rho,\hat\rho)\) over successful samples
     * @param marginalError   largest marginal deviation over all samples
     * @param secondsPerState mean time per state
     * @param iterations      mean iterations
     * @param maxIterations   largest iteration count
     * @param converged       fraction converged
     */
    public record Row(String method, int numQubits, int k, int rank, int samples, double success, double fidelity,
            double fidelitySd, double stateFidelity, double marginalError, double secondsPerState, double iterations,
            int maxIterations, double converged) {
    }

    /**
     * The notebook one-liner: methods by name ({@link Reconstructors#NAMES}) on the paper's ranks
     * \(\max(1, 2^N-6)\dots 2^N\).
     *
     * <pre>{@code
     * var rows = MethodComparison.run(3, 2, List.of("psd-projection", "alternating-projections"),
     *         Reconstructors.Options.defaults(), 100, 1);
     * }</pre>
     *
     * @param numQubits N
     * @param k         marginal size
     * @param methods   method names
     * @param options   tolerance, iteration cap, network
     * @param samples   samples per rank
     * @param seed      seed
     * @return one row per (method, rank)
     */
    public static List<Row> run(int numQubits, int k, List<String> methods, Reconstructors.Options options, int samples,
            long seed) {
        MarginalProblem.checkQubits(numQubits);
        List<Reconstructor> rs = new ArrayList<>();
        methods.forEach(m -> rs.add(Reconstructors.byName(m, options)));
        return run(numQubits, k, rs, Math.max(1, (1 << numQubits) - 6), 1 << numQubits, samples, seed);
    }

    /**
     * The rows as a table (for display), columns as in {@link #CSV_HEADER} plus iterations and converged.
     *
     * @param rows the rows
     * @return the table
     */
    public static Table table(List<Row> rows) {
        Table t = Table.create("reconstruction from marginals", tech.tablesaw.api.StringColumn.create("method"),
                IntColumn.create("n"), IntColumn.create("k"), IntColumn.create("rank"), IntColumn.create("samples"),
                DoubleColumn.create("success"), DoubleColumn.create("fidelity"), DoubleColumn.create("fidelity_sd"),
                DoubleColumn.create("state_fidelity"), DoubleColumn.create("marginal_error"),
                DoubleColumn.create("seconds_per_state"), DoubleColumn.create("iterations"), DoubleColumn.create("converged"));
        for (Row r : rows) {
            t.stringColumn("method").append(r.method());
            t.intColumn("n").append(r.numQubits());
            t.intColumn("k").append(r.k());
            t.intColumn("rank").append(r.rank());
            t.intColumn("samples").append(r.samples());
            t.doubleColumn("success").append(r.success());
            t.doubleColumn("fidelity").append(r.fidelity());
            t.doubleColumn("fidelity_sd").append(r.fidelitySd());
            t.doubleColumn("state_fidelity").append(r.stateFidelity());
            t.doubleColumn("marginal_error").append(r.marginalError());
            t.doubleColumn("seconds_per_state").append(r.secondsPerState());
            t.doubleColumn("iterations").append(r.iterations());
            t.doubleColumn("converged").append(r.converged());
        }
        return t;
    }

    /**
     * Runs every method on every rank, with a progress bar.
     *
     * @param numQubits N, 2..{@value MarginalProblem#MAX_QUBITS}
     * @param k         marginal size, 1..N−1
     * @param methods   the methods
     * @param fromRank  smallest rank, ≥ 1
     * @param toRank    largest rank, ≤ 2^N
     * @param samples   samples per rank, ≥ 1
     * @param seed      seed
     * @return one row per (method, rank), methods outermost
     * @throws IllegalArgumentException for values out of range
     */
    public static List<Row> run(int numQubits, int k, List<Reconstructor> methods, int fromRank, int toRank, int samples,
            long seed) {
        MarginalProblem.checkQubits(numQubits);
        Marginals.checkK(numQubits, k);
        Objects.requireNonNull(methods, "methods");
        int d = 1 << numQubits;
        if (fromRank < 1 || toRank > d || fromRank > toRank) {
            throw new IllegalArgumentException("ranks must satisfy 1 <= A <= B <= 2^N = " + d + ", got " + fromRank + ".."
                    + toRank);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1, got " + samples);
        }
        List<int[]> subsets = Marginals.subsets(numQubits, k);
        Map<String, Acc[]> acc = new LinkedHashMap<>();
        for (Reconstructor m : methods) {
            Acc[] a = new Acc[toRank - fromRank + 1];
            for (int i = 0; i < a.length; i++) {
                a[i] = new Acc();
            }
            if (acc.put(m.name(), a) != null) {
                throw new IllegalArgumentException("method " + m.name() + " is listed twice");
            }
        }
        long total = (long) methods.size() * (toRank - fromRank + 1) * samples;
        try (Progress progress = Progress.start("reconstruct N=" + numQubits + " k=" + k, total)) {
            for (int r = fromRank; r <= toRank; r++) {
                long rankSeed = Seeds.derive(seed, r);
                long methodSeed = Seeds.derive(rankSeed, 1);
                for (int i = 0; i < samples; i++) {
                    DensityMatrix target = RandomStates.rankR(numQubits, r, Seeds.forIndex(rankSeed, i));
                    MarginalProblem problem = MarginalProblem.of(target, k);
                    for (Reconstructor m : methods) {
                        SplittableRandom rng = Seeds.forIndex(methodSeed, i);
                        ReconstructionResult res = m.reconstruct(problem, rng);
                        acc.get(m.name())[r - fromRank].add(res, target, subsets);
                        progress.advance(1);
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Acc[]> e : acc.entrySet()) {
            for (int r = fromRank; r <= toRank; r++) {
                rows.add(e.getValue()[r - fromRank].row(e.getKey(), numQubits, k, r, samples));
            }
        }
        return rows;
    }

    /**
     * The rows as CSV with the header {@link #CSV_HEADER}.
     *
     * @param rows the rows
     * @return the text
     */
    public static String csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%.4f,%s,%s,%s,%s,%s%n", r.method(), r.numQubits(), r.k(),
                    r.rank(), r.samples(), r.success(), num("%.6f", r.fidelity()), num("%.6f", r.fidelitySd()),
                    num("%.6f", r.stateFidelity()), num("%.3e", r.marginalError()), num("%.4e", r.secondsPerState())));
        }
        return sb.toString();
    }

    /**
     * Iterations and convergence per row, as CSV: {@code method,rank,iterations_mean,iterations_max,converged}.
     *
     * @param rows the rows
     * @return the text
     */
    public static String diagnosticsCsv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("method,rank,iterations_mean,iterations_max,converged\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%d,%.1f,%d,%.4f%n", r.method(), r.rank(), r.iterations(),
                    r.maxIterations(), r.converged()));
        }
        return sb.toString();
    }

    /**
     * A Fig. 2-style chart: mean marginal fidelity ± SD against the rank per method (solid), with the reference
     * implementation's published numbers (dashed, {@link ReferenceNumbers#model1}) where they exist for (N, k).
     *
     * @param rows the rows of one (N, k)
     * @return the chart
     */
    public static XYChart fidelityPlot(List<Row> rows) {
        Map<String, Table> ours = new LinkedHashMap<>();
        for (Map.Entry<String, List<Row>> e : byMethod(rows).entrySet()) {
            List<Row> rs = e.getValue();
            Table t = Table.create(e.getKey(), IntColumn.create("rank"), DoubleColumn.create("fidelity"),
                    DoubleColumn.create("fidelitySd"), DoubleColumn.create("guess"), DoubleColumn.create("guessSd"));
            for (Row r : rs) {
                t.intColumn("rank").append(r.rank());
                t.doubleColumn("fidelity").append(r.fidelity());
                t.doubleColumn("fidelitySd").append(r.fidelitySd());
                t.doubleColumn("guess").append(Double.NaN);
                t.doubleColumn("guessSd").append(Double.NaN);
            }
            ours.put(e.getKey(), t);
        }
        Row first = rows.get(0);
        String label = ReferenceNumbers.label(first.numQubits(), first.k());
        Table ref = ReferenceNumbers.model1Cases().contains(label) ? ReferenceNumbers.model1(first.numQubits(), first.k())
                : null;
        return MarginalsPlots.fidelityVsRank("reconstruction from " + first.k() + "-body marginals, N = "
                + first.numQubits() + " (successful samples)", ours, ref);
    }

    /**
     * Seconds per state against the rank per method, logarithmic axis.
     *
     * @param rows the rows of one (N, k)
     * @return the chart
     */
    public static XYChart runtimePlot(List<Row> rows) {
        Row first = rows.get(0);
        XYChart c = HouseStyle.xy("time per state, N = " + first.numQubits() + ", k = " + first.k() + " (one thread)",
                "rank of the target state", "seconds per state");
        c.getStyler().setYAxisLogarithmic(true);
        for (Map.Entry<String, List<Row>> e : byMethod(rows).entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(Row::rank).toArray();
            double[] y = e.getValue().stream().mapToDouble(r -> r.secondsPerState() > 0 ? r.secondsPerState() : Double.NaN)
                    .toArray();
            HouseStyle.series(c, e.getKey(), x, y, null, false);
        }
        return c;
    }

    private static Map<String, List<Row>> byMethod(List<Row> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to plot");
        }
        Map<String, List<Row>> m = new LinkedHashMap<>();
        rows.forEach(r -> m.computeIfAbsent(r.method(), x -> new ArrayList<>()).add(r));
        return m;
    }

    private static String num(String format, double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, format, v);
    }

    /** Per-cell accumulator. */
    private static final class Acc {
        private final MarginalsEvaluation.Stats fidelity = new MarginalsEvaluation.Stats();
        private final MarginalsEvaluation.Stats stateFidelity = new MarginalsEvaluation.Stats();
        private int success;
        private int converged;
        private double maxError = Double.NaN;
        private double seconds;
        private long iterations;
        private int maxIterations;
        private int count;

        void add(ReconstructionResult r, DensityMatrix target, List<int[]> subsets) {
            count++;
            seconds += r.seconds();
            iterations += r.iterations();
            maxIterations = Math.max(maxIterations, r.iterations());
            converged += r.converged() ? 1 : 0;
            if (r.state() == null) {
                return;
            }
            maxError = Double.isNaN(maxError) ? r.marginalError() : Math.max(maxError, r.marginalError());
            if (r.isPsd()) {
                success++;
                ComplexMatrix x = r.state();
                fidelity.add(Reconstruction.marginalFidelity(x, target, subsets));
                stateFidelity.add(target.fidelity(DensityMatrix.of(x, QubitOrder.BIG_ENDIAN, Reconstruction.STATE_TOLERANCE)));
            }
        }

        Row row(String method, int n, int k, int rank, int samples) {
            return new Row(method, n, k, rank, samples, (double) success / count, fidelity.mean(), fidelity.sd(),
                    stateFidelity.mean(), maxError, seconds / count, (double) iterations / count, maxIterations,
                    (double) converged / count);
        }
    }
}
