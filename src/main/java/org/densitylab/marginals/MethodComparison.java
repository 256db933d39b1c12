package org.densitylab.marginals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return HouseStyle.colourAll(c);
    }

    /**
     * The success rate (fraction of positive semidefinite outputs) against the rank per method, with the reference
     * code's model1 + MIO success rates (paper Fig. 4, dashed) where they exist for (N, k).
     *
     * @param rows the rows of one (N, k)
     * @return the chart
     */
    public static XYChart successPlot(List<Row> rows) {
        Row first = rows.get(0);
        XYChart c = HouseStyle.xy("success rate (PSD outputs), N = " + first.numQubits() + ", k = " + first.k(),
                "rank of the target state", "success rate");
        perMethod(c, rows, Row::success);
        String label = ReferenceNumbers.label(first.numQubits(), first.k());
        if (ReferenceNumbers.hybridCases().contains(label)) {
            Table ref = ReferenceNumbers.hybrid(first.numQubits(), first.k());
            HouseStyle.series(c, "model1 + MIO (reference code)", ref.intColumn("rank").asDoubleArray(),
                    ref.doubleColumn("hybridSuccess").asDoubleArray(), null, true);
        }
        return HouseStyle.colourAll(c);
    }

    /**
     * The fidelity \(F(\rho,\hat\rho)\) of the whole reconstructed state with the target against the rank per method
     * (successful samples): below 1 where the marginal fidelity is 1, states with the target's marginals are not unique.
     *
     * @param rows the rows of one (N, k)
     * @return the chart
     */
    public static XYChart stateFidelityPlot(List<Row> rows) {
        Row first = rows.get(0);
        XYChart c = HouseStyle.xy("full-state fidelity F(ρ, ρ̂), N = " + first.numQubits() + ", k = " + first.k()
                + " (successful samples)", "rank of the target state", "state fidelity");
        perMethod(c, rows, Row::stateFidelity);
        return HouseStyle.colourAll(c);
    }

    private static void perMethod(XYChart c, List<Row> rows, java.util.function.ToDoubleFunction<Row> value) {
        for (Map.Entry<String, List<Row>> e : byMethod(rows).entrySet()) {
            HouseStyle.series(c, e.getKey(), e.getValue().stream().mapToDouble(Row::rank).toArray(),
                    e.getValue().stream().mapToDouble(value).toArray(), null, false);
        }
    }

    /**
     * Reads the rows a {@code marginals-reconstruct} run wrote ({@code results.csv}, and the iterations of
     * {@code diagnostics.csv} where present).
     *
     * @param dir the run's folder
     * @return the rows, in file order
     * @throws java.io.UncheckedIOException if results.csv cannot be read
     * @throws IllegalArgumentException if it has not the columns of {@link #CSV_HEADER}
     */
    public static List<Row> read(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
            if (lines.isEmpty() || !lines.get(0).equals(CSV_HEADER)) {
                throw new IllegalArgumentException(dir.resolve("results.csv") + " does not start with the header "
                        + CSV_HEADER + "; is it a marginals-reconstruct result?");
            }
            Map<String, String[]> diag = new LinkedHashMap<>();
            Path dp = dir.resolve("diagnostics.csv");
            if (Files.isRegularFile(dp)) {
                List<String> dl = Files.readAllLines(dp);
                for (String line : dl.subList(1, dl.size())) {
                    String[] f = line.split(",");
                    diag.put(f[0] + "," + f[1], f);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                String[] g = diag.getOrDefault(f[0] + "," + f[3], new String[] {"", "", "NaN", "0", "NaN"});
                rows.add(new Row(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                        Double.parseDouble(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10]),
                        Double.parseDouble(g[2]), Integer.parseInt(g[3]), Double.parseDouble(g[4])));
            }
            return rows;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + dir.resolve("results.csv") + ": " + e.getMessage(), e);
        }
    }

    /**
     * The committed runs under a results folder whose folder name starts with a prefix, by case label ("N5k4"),
     * ordered by N, then k from the largest.
     *
     * @param root   e.g. {@code Notebooks.committed("marginals")}
     * @param prefix "reconstruct-" (the methods per rank) or "runtime-sdp-" (the SDP beside alternating projections)
     * @return the rows per case; empty if there is none
     */
    public static Map<String, List<Row>> committed(Path root, String prefix) {
        List<List<Row>> runs = new ArrayList<>();
        for (Path csv : org.densitylab.plot.Notebooks.runs(root, prefix, "results.csv")) {
            if (csv.getParent().getFileName().toString().startsWith(prefix)) {
                runs.add(read(csv.getParent()));
            }
        }
        runs.sort(java.util.Comparator.<List<Row>>comparingInt(r -> r.get(0).numQubits()).thenComparingInt(r -> -r.get(0).k()));
        Map<String, List<Row>> out = new LinkedHashMap<>();
        runs.forEach(r -> out.put(ReferenceNumbers.label(r.get(0).numQubits(), r.get(0).k()), r));
        return out;
    }

    /**
     * At full rank (2^N) per case and method: success, marginal fidelity, state fidelity, largest marginal error,
     * seconds per state and iterations.
     *
     * @param cases rows per case ({@link #committed})
     * @return the table
     */
    public static Table fullRank(Map<String, List<Row>> cases) {
        List<Row> rows = new ArrayList<>();
        cases.values().forEach(rs -> rs.stream().filter(r -> r.rank() == 1 << r.numQubits()).forEach(rows::add));
        return table(rows).setName("full-rank targets (rank 2^N), every case");
    }

    /**
     * Seconds per state per case for full-rank targets (rank 2^N, the runtime cases of the paper) with one column
     * per method, one thread.
     *
     * @param cases rows per case ({@link #committed}; several maps are merged, later cases adding methods)
     * @return the table: case, N, k, then a column per method
     */
    @SafeVarargs
    public static Table runtimeTable(Map<String, List<Row>>... cases) {
        Map<String, Map<String, Double>> perCase = runtimes(cases);
        List<String> methods = new ArrayList<>();
        perCase.values().forEach(m -> m.keySet().forEach(x -> {
            if (!methods.contains(x)) {
                methods.add(x);
            }
        }));
        Table t = Table.create("seconds per state, full-rank targets, one thread",
                tech.tablesaw.api.StringColumn.create("case"), IntColumn.create("N"), IntColumn.create("k"));
        methods.forEach(m -> t.addColumns(DoubleColumn.create(m)));
        for (Map.Entry<String, Map<String, Double>> e : perCase.entrySet()) {
            String label = e.getKey();
            t.stringColumn("case").append(label);
            t.intColumn("N").append(Integer.parseInt(label.substring(1, label.indexOf('k'))));
            t.intColumn("k").append(Integer.parseInt(label.substring(label.indexOf('k') + 1)));
            methods.forEach(m -> t.doubleColumn(m).append(e.getValue().getOrDefault(m, Double.NaN)));
        }
        return t;
    }

    /**
     * Seconds per state against N per method (k = N − 1 cases, full-rank targets), logarithmic axis.
     *
     * @param cases rows per case ({@link #committed}; several maps are merged)
     * @return the chart
     */
    @SafeVarargs
    public static XYChart runtimeVsN(Map<String, List<Row>>... cases) {
        XYChart c = HouseStyle.xy("time per state, k = N − 1, full-rank targets (one thread)", "number of qubits N", "seconds per state");
        c.getStyler().setYAxisLogarithmic(true);
        Map<String, Map<Integer, Double>> byMethod = new LinkedHashMap<>();
        runtimes(cases).forEach((label, m) -> {
            int n = Integer.parseInt(label.substring(1, label.indexOf('k')));
            if (Integer.parseInt(label.substring(label.indexOf('k') + 1)) == n - 1) {
                m.forEach((method, sec) -> byMethod.computeIfAbsent(method, x -> new java.util.TreeMap<>()).put(n, sec));
            }
        });
        byMethod.forEach((method, pts) -> HouseStyle.series(c, method,
                pts.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                pts.values().stream().mapToDouble(v -> v > 0 ? v : Double.NaN).toArray(), null, false));
        return HouseStyle.colourAll(c);
    }

    /**
     * The notebook one-liner for committed runs: one chart per case, as images to show.
     *
     * <pre>{@code
     * MethodComparison.figures(Notebooks.committed("marginals"), MethodComparison::fidelityPlot, "N4k3", "N5k4")
     *         .forEach(x -> display(x));
     * }</pre>
     *
     * @param root  e.g. {@code Notebooks.committed("marginals")}, holding {@code reconstruct-<case>} folders
     * @param plot  e.g. {@link #fidelityPlot}, {@link #stateFidelityPlot}, {@link #successPlot}
     * @param cases case labels ("N4k3"); a case without a committed run is left out
     * @return the images, in the order of the cases
     */
    public static List<java.awt.image.BufferedImage> figures(Path root, java.util.function.Function<List<Row>, XYChart> plot,
            String... cases) {
        Map<String, List<Row>> all = committed(root, "reconstruct-");
        List<java.awt.image.BufferedImage> out = new ArrayList<>();
        for (String c : cases) {
            if (all.containsKey(c)) {
                out.add(org.densitylab.plot.Notebooks.figure(plot.apply(all.get(c))));
            }
        }
        return out;
    }

    /**
     * Some methods of one case side by side per rank: success, marginal and state fidelity, iterations, seconds.
     *
     * @param rows    the rows of one (N, k)
     * @param methods the methods to keep, in this order
     * @return the table
     */
    public static Table compare(List<Row> rows, String... methods) {
        List<Row> kept = new ArrayList<>();
        for (String m : methods) {
            rows.stream().filter(r -> r.method().equals(m)).forEach(kept::add);
        }
        return table(kept).selectColumns("method", "n", "k", "rank", "success", "fidelity", "state_fidelity",
                "marginal_error", "iterations", "seconds_per_state").setName(String.join(" vs ", methods));
    }

    /** Seconds per state at full rank per case and method, cases in order of N then k from the largest. */
    @SafeVarargs
    private static Map<String, Map<String, Double>> runtimes(Map<String, List<Row>>... cases) {
        Map<String, Map<String, double[]>> acc = new java.util.TreeMap<>(java.util.Comparator
                .<String>comparingInt(l -> Integer.parseInt(l.substring(1, l.indexOf('k'))))
                .thenComparingInt(l -> -Integer.parseInt(l.substring(l.indexOf('k') + 1))));
        for (Map<String, List<Row>> m : cases) {
            m.forEach((label, rows) -> {
                // a method already timed by an earlier map keeps that time: later maps only add methods (the
                // runtime-sdp runs time alternating projections over 20 states, the JVM's warm-up included)
                java.util.Set<String> earlier = new java.util.HashSet<>(acc.getOrDefault(label, Map.of()).keySet());
                rows.stream().filter(r -> r.rank() == 1 << r.numQubits() && !earlier.contains(r.method())).forEach(r -> {
                    double[] a = acc.computeIfAbsent(label, x -> new LinkedHashMap<>()).computeIfAbsent(r.method(),
                            x -> new double[2]);
                    a[0] += r.secondsPerState();
                    a[1]++;
                });
            });
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        acc.forEach((label, m) -> {
            Map<String, Double> row = new LinkedHashMap<>();
            m.forEach((method, a) -> row.put(method, a[0] / a[1]));
            out.put(label, row);
        });
        return out;
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
