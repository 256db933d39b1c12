package org.densitylab.bench;

import org.densitylab.util.Parallel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.stream.IntStream;
import java.util.concurrent.ForkJoinPool;
import org.densitylab.data.ChunkBuffers;
import org.densitylab.data.RecordFiller;
import org.densitylab.entanglement.EntanglementDataset;
import org.densitylab.entanglement.EntanglementRecipes;
import org.densitylab.entanglement.Recipe;
import org.densitylab.entanglement.Variant;
import org.densitylab.quantum.Bipartition;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.RandomStates;
import org.densitylab.util.Seeds;

/**
 * Micro-benchmarks of the hot paths. Each case runs warm-up rounds, then timed rounds, and reports the
 * median rate with the min–max range and the median rate per CPU-second of the process (the
 * fairer figure when other jobs share the cores). Usage: {@code densitylab bench [case ...] [--rounds R]}; with no
 * case, all run. {@code densitylab bench --vs-pytorch [CASE...]} compares with PyTorch instead ({@link PeerBench}).
 */
public final class Bench {
    private final PrintStream out;
    private final int rounds;

    /** One timed round of work; returns a value that is consumed so the JIT cannot drop the work. */
    @FunctionalInterface
    public interface Round {
        /**
         * @param call the round's number
         * @return any value computed by the work
         */
        double run(int call);
    }

    /** A named benchmark case. */
    @FunctionalInterface
    public interface Case {
        /**
         * Runs the case.
         *
         * @param b the bench, for {@link #measure}
         */
        void run(Bench b);
    }

    private static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        CASES.put("states3", Bench::states3);
        CASES.put("ptrace", Bench::partialTraces);
        CASES.put("groups", Bench::trainingGroups);
        CASES.put("table1", Bench::tableOne);
        CASES.put("mio", org.densitylab.bench.MioBench::run);
        CASES.put("train", org.densitylab.bench.EntanglementBench::train);
        CASES.put("train-mln", org.densitylab.bench.EntanglementBench::trainMln);
        CASES.put("trajectory", org.densitylab.bench.EntanglementBench::trajectory);
        CASES.put("cdae", org.densitylab.bench.CdaeBench::run);
        CASES.put("runtime", org.densitylab.bench.RuntimeBench::full);
        CASES.put("runtime-quick", org.densitylab.bench.RuntimeBench::quick);
        CASES.put("cdae-parts", org.densitylab.bench.CdaeBench::parts);
        CASES.put("eigen", org.densitylab.bench.EigenBench::run);
        CASES.put("reconstruct", org.densitylab.bench.ReconstructBench::run);
    }

    /**
     * Adds a case (other packages register theirs: datasets, MIO, training, inference).
     *
     * @param name the case name used on the command line
     * @param c    the case
     */
    public static synchronized void register(String name, Case c) {
        CASES.put(name, c);
    }

    /**
     * @param out    where to print results
     * @param rounds timed rounds per measurement (at least 1)
     */
    public Bench(PrintStream out, int rounds) {
        this.out = out;
        this.rounds = Math.max(1, rounds);
    }

    /** @return where results are printed (for cases that print more than {@link #measure}) */
    public PrintStream out() {
        return out;
    }

    /**
     * Command-line entry.
     *
     * @param args case names and {@code --rounds R}
     */
    public static void main(String[] args) {
        if (List.of(args).contains("--vs-pytorch")) {
            try {
                PeerBench.run(List.of(args), System.out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        List<String> names = new ArrayList<>();
        int rounds = 5;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rounds") && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
            } else {
                names.add(args[i]);
            }
        }
        Bench b = new Bench(System.out, rounds);
        b.out.printf(Locale.ROOT, "# densitylab bench: %d cores, Java %s, max heap %d MiB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        b.out.printf(Locale.ROOT, "# OMP_NUM_THREADS=%s, native library: %s%n",
                System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)"), nativeBuild());
        for (String name : names.isEmpty() ? List.copyOf(CASES.keySet()) : names) {
            Case c = CASES.get(name);
            if (c == null) {
                throw new IllegalArgumentException("unknown bench case '" + name + "'; known: " + CASES.keySet());
            }
            c.run(b);
        }
    }

    /**
     * Times {@code work}, which does {@code units} units per call, and prints the median rate.
     *
     * @param label what is measured
     * @param unit  name of a unit ("states", "samples")
     * @param units units per call
     * @param work  the work; returns a value that is consumed so it cannot be optimised away
     * @return the median units per second
     */
    public double measure(String label, String unit, long units, Round work) {
        return measure(label, unit, units, 0, work);
    }

    /**
     * Times {@code work} after at least one second and at least {@code warmupCalls} calls of warm-up (training
     * steps need tens of steps before their time per step settles: the native library sets up its kernels and
     * buffers on the first calls).
     *
     * @param label       what is measured
     * @param unit        name of a unit
     * @param units       units per call
     * @param warmupCalls minimum number of warm-up calls
     * @param work        the work
     * @return the median units per second
     */
    public double measure(String label, String unit, long units, int warmupCalls, Round work) {
        double sink = 0;
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        int call = 0;
        while (System.nanoTime() < warmEnd || call < warmupCalls) {
            sink += work.run(call++);
        }
        double[] rates = new double[rounds];
        double[] cpuRates = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            sink += work.run(call++);
            rates[r] = units / ((System.nanoTime() - t0) / 1e9);
            cpuRates[r] = units / ((processCpuNanos() - c0) / 1e9);
        }
        Arrays.sort(rates);
        Arrays.sort(cpuRates);
        double median = rates[rounds / 2];
        out.printf(Locale.ROOT, "%-58s %14s %s/s  (range %s..%s)  %s per CPU-s%s%n", label, fmt(median), unit,
                fmt(rates[0]), fmt(rates[rounds - 1]), Double.isFinite(cpuRates[rounds / 2]) ? fmt(cpuRates[rounds / 2]) : "-", Double.isNaN(sink) ? " NaN!" : "");
        return median;
    }

    /** CPU time of all the JVM's threads (JIT and GC included): on a busy machine this, not the wall time, is
     * what a configuration costs. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Prints a formatted line to the bench's output.
     *
     * @param format a {@link String#format} pattern
     * @param args   its arguments
     */
    public void printf(String format, Object... args) {
        out.printf(Locale.ROOT, format, args);
    }

    /**
     * Which libnd4j build is loaded: the classifier directory of the native library (linux-x86_64,
     * linux-x86_64-avx2, linux-x86_64-onednn-avx512, ...), and whether oneDNN helpers are allowed.
     *
     * @return a short description
     */
    public static String nativeBuild() {
        org.densitylab.nn.NativeBuild.selectQuietly();
        org.nd4j.linalg.factory.Nd4j.getEnvironment();
        String where = org.bytedeco.javacpp.Loader.getLoadedLibraries().entrySet().stream()
                .filter(e -> e.getKey().contains("nd4j")).map(e -> java.nio.file.Path.of(e.getValue()).getParent())
                .filter(java.util.Objects::nonNull).map(dir -> dir.getFileName().toString()).findFirst().orElse("?");
        return where + (org.nd4j.linalg.factory.Nd4j.getEnvironment().helpersAllowed() ? "" : " (helpers off)");
    }

    private static String fmt(double x) {
        return x >= 100 ? String.format(Locale.ROOT, "%,.0f", x) : String.format(Locale.ROOT, "%.3g", x);
    }

    /** Random 3-qubit mixed states (2..8 Haar kets, Eq. 7) with their 3 per-cut negativities. */
    static void states3(Bench b) {
        int batch = 200_000;
        for (boolean parallel : new boolean[] {false, true}) {
            String label = "3-qubit mixture of Haar kets + 3 negativities, " + (parallel ? "all cores" : "1 thread");
            b.measure(label, "states", batch, call -> {
                DoubleAdder sum = new DoubleAdder();
                IntStream range = IntStream.range(0, batch);
                (parallel ? range.parallel() : range).forEach(i -> {
                    SplittableRandom rng = Seeds.forIndex(call, i);
                    DensityMatrix rho = RandomStates.mixtureOfHaarKets(3, 2 + rng.nextInt(7), rng);
                    double[] neg = rho.negativities();
                    sum.add(neg[0] + neg[1] + neg[2]);
                });
                return sum.sum();
            });
        }
    }

    /** Generation rate of every group of the verified Table I training set, one thread, with acceptance. */
    static void trainingGroups(Bench b) {
        Recipe r = EntanglementRecipes.training(3, true, Variant.PAPER, 1.0);
        RecordFiller filler = EntanglementDataset.filler(r, 1);
        ChunkBuffers buf = new ChunkBuffers(EntanglementDataset.columns(3), 1);
        long start = 0;
        for (Recipe.Group g : r.groups()) {
            long first = start;
            int reps = 200;
            b.measure("Table I group " + g.name(), "states", reps, call -> {
                for (int i = 0; i < reps; i++) {
                    filler.fill(first + (call * 7919L + i) % g.count(), buf, 0);
                }
                return buf.floats("states")[0];
            });
            start += g.count();
        }
    }

    /** The whole verified Table I training set (570,000 states with labels), in memory, all cores. */
    static void tableOne(Bench b) {
        for (Variant v : Variant.values()) {
            Recipe r = EntanglementRecipes.training(3, true, v, 1.0);
            long t0 = System.nanoTime();
            ChunkBuffers buf = EntanglementDataset.inMemory(r, 1, Parallel.pool());
            double s = (System.nanoTime() - t0) / 1e9;
            b.out.printf(Locale.ROOT, "%-58s %14s states in %.1f s = %,.0f states/s%n",
                    "verified Table I training set (" + v + "), all cores", String.format(Locale.ROOT, "%,d", r.count()),
                    s, r.count() / s);
            if (Float.isNaN(buf.floats("states")[0])) {
                b.out.println("NaN!");
            }
        }
    }

    /** Partial trace (keep the first half) and one negativity for N = 3..8. */
    static void partialTraces(Bench b) {
        for (int n = 3; n <= 8; n++) {
            DensityMatrix rho = RandomStates.hilbertSchmidt(n, 1 << n, new SplittableRandom(n));
            int[] keep = IntStream.range(0, n / 2 + 1).toArray();
            int reps = Math.max(1, 2_000_000 >> (2 * n));
            b.measure("N=" + n + " partial trace keep " + Arrays.toString(keep), "ops", reps, call -> {
                double s = 0;
                for (int r = 0; r < reps; r++) {
                    s += rho.keep(keep).re(0, 0);
                }
                return s;
            });
            Bipartition cut = Bipartition.of(n, keep);
            int nreps = Math.max(1, 200_000 >> (3 * n / 2));
            b.measure("N=" + n + " negativity of cut " + cut, "ops", nreps, call -> {
                double s = 0;
                for (int r = 0; r < nreps; r++) {
                    s += rho.negativity(cut);
                }
                return s;
            });
        }
    }
}
