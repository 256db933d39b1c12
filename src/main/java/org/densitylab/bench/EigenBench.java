package org.densitylab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.bytedeco.openblas.global.openblas;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.HermitianEigen;
import org.densitylab.linalg.HermitianEigen.Solver;

/**
 * Bench case {@code eigen}: time per call of {@link HermitianEigen}'s two solvers, pure Java and LAPACK's
 * {@code zheevd}, eigenvalues only and with eigenvectors, on the same random full-rank density matrices
 * \(GG^\dagger/\mathrm{tr}\,GG^\dagger\) (G complex Gaussian, seeded by d), d = 2..256, on the calling thread with
 * OpenBLAS set to one thread. Each round times the four variants one after the other, so that Java and LAPACK see
 * the same machine state; the table gives medians over {@value #ROUNDS} rounds of the calling thread's CPU time per
 * call (robust when other jobs share the cores) and of the wall time. The crossovers
 * {@link HermitianEigen#LAPACK_EIGENVALUES_FROM} and {@link HermitianEigen#LAPACK_VECTORS_FROM} are read from it.
 */
public final class EigenBench {
    private static final int[] DIMS = {2, 3, 4, 6, 8, 12, 16, 20, 24, 28, 32, 48, 64, 96, 128, 192, 256};
    private static final int ROUNDS = 9;
    /** Work per timed batch, in thread CPU nanoseconds. */
    private static final long BATCH_NANOS = 20_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EigenBench() {
    }

    /** One of the four variants: a solver, with or without eigenvectors. */
    private record Variant(Solver solver, boolean vectors) {
        double call(ComplexMatrix h) {
            return vectors ? HermitianEigen.decompose(h, solver).values()[0] : HermitianEigen.eigenvalues(h, solver)[0];
        }
    }

    /**
     * Runs the case.
     *
     * @param b the bench
     */
    public static void run(Bench b) {
        openblas.blas_set_num_threads(1);
        b.printf("# eigen: 1 Java thread, OpenBLAS threads set to %d; load average before %.2f%n",
                openblas.blas_get_num_threads(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Variant[] variants = {new Variant(Solver.JAVA, false), new Variant(Solver.LAPACK, false),
                new Variant(Solver.JAVA, true), new Variant(Solver.LAPACK, true)};
        StringBuilder table = new StringBuilder();
        double sink = 0;
        for (int d : DIMS) {
            ComplexMatrix h = hilbertSchmidt(d, new SplittableRandom(d));
            int[] reps = new int[variants.length];
            for (int v = 0; v < variants.length; v++) {
                reps[v] = calibrate(variants[v], h); // also the warm-up
            }
            double[][] cpu = new double[variants.length][ROUNDS];
            double[][] wall = new double[variants.length][ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                for (int v = 0; v < variants.length; v++) {
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < reps[v]; i++) {
                        sink += variants[v].call(h);
                    }
                    wall[v][r] = (System.nanoTime() - t0) / 1e6 / reps[v];
                    cpu[v][r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e6 / reps[v];
                }
            }
            double[] c = Arrays.stream(cpu).mapToDouble(EigenBench::median).toArray();
            double[] w = Arrays.stream(wall).mapToDouble(EigenBench::median).toArray();
            b.printf("eigen d=%-4d ms per call, CPU (wall): values Java %.5f (%.5f) LAPACK %.5f (%.5f);"
                    + " vectors Java %.5f (%.5f) LAPACK %.5f (%.5f)%n", d, c[0], w[0], c[1], w[1], c[2], w[2], c[3], w[3]);
            table.append(String.format(java.util.Locale.ROOT, "# %5d %12.5f %12.5f %7.2f %12.5f %12.5f %7.2f%n",
                    d, c[0], c[1], c[0] / c[1], c[2], c[3], c[2] / c[3]));
        }
        b.printf("# eigen: median thread-CPU ms per call, one thread (ratio = Java / LAPACK)%n");
        b.printf("# %5s %12s %12s %7s %12s %12s %7s%n", "d", "values Java", "values LAPACK", "ratio",
                "vectors Java", "vectors LAPACK", "ratio");
        b.printf("%s", table);
        b.printf("# eigen: load average after %.2f%s%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Double.isNaN(sink) ? " NaN!" : "");
    }

    /** Warms a variant up for about 0.3 s of CPU and returns the calls per timed batch of about 20 ms. */
    private static int calibrate(Variant v, ComplexMatrix h) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long calls = 0;
        double sink = 0;
        while (THREADS.getCurrentThreadCpuTime() - c0 < 15 * BATCH_NANOS) {
            sink += v.call(h);
            calls++;
        }
        long perCall = (THREADS.getCurrentThreadCpuTime() - c0) / calls;
        return (int) Math.max(1, BATCH_NANOS / Math.max(1, perCall) + (Double.isNaN(sink) ? 1 : 0));
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** \(GG^\dagger/\mathrm{tr}\,GG^\dagger\) for a d×d complex Gaussian G (any d, not only powers of two). */
    private static ComplexMatrix hilbertSchmidt(int d, SplittableRandom rng) {
        double[] g = new double[2 * d * d];
        for (int i = 0; i < g.length; i++) {
            g[i] = rng.nextGaussian();
        }
        ComplexMatrix m = ComplexMatrix.ofInterleaved(d, d, g);
        ComplexMatrix w = m.mult(m.dagger());
        return w.scale(1 / w.traceRe());
    }
}
