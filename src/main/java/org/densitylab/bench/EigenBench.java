package org.densitylab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.bytedeco.openblas.global.openblas;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.ComplexOps;
import org.densitylab.linalg.HermitianEigen;
import org.densitylab.linalg.HermitianEigen.Solver;
import org.densitylab.linalg.MatrixFunctions;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Bench case {@code eigen}: time per call of {@link HermitianEigen}'s two solvers, pure Java and LAPACK's
 * {@code zheevd}, eigenvalues only and with eigenvectors, on the same random full-rank density matrices
 * \(GG^\dagger/\mathrm{tr}\,GG^\dagger\) (G complex Gaussian, seeded by d), d = 2..256, on the calling thread with
 * OpenBLAS set to one thread; and the trace norm \(\|A\|_1\) (the last step of a fidelity) of the same matrices by
 * {@link MatrixFunctions#traceNorm} (LAPACK's {@code zgesdd}) against EJML's SVD of the real embedding (the
 * library's earlier method, kept here as the peer); and the product \(HH\) by {@link ComplexOps#mult} (Java) and
 * {@link ComplexOps#multBlas} (OpenBLAS's {@code zgemm}), the choice {@link MatrixFunctions#apply} makes by
 * {@link ComplexOps#BLAS_FROM_WORK}. Each round times the eight variants one after the other, so that all see the
 * same machine state; the table gives medians over {@value #ROUNDS} rounds of the calling thread's CPU
 * time per call (robust when other jobs share the cores); the per-size lines add the wall time. The crossovers
 * {@link HermitianEigen#LAPACK_EIGENVALUES_FROM}, {@link HermitianEigen#LAPACK_VECTORS_FROM} and
 * {@link ComplexOps#BLAS_FROM_WORK} are read from it.
 */
public final class EigenBench {
    private static final int[] DIMS = {2, 3, 4, 6, 8, 12, 16, 20, 24, 28, 32, 48, 64, 96, 128, 192, 256};
    private static final int ROUNDS = 9;
    /** Work per timed batch, in thread CPU nanoseconds. */
    private static final long BATCH_NANOS = 20_000_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EigenBench() {
    }

    /** One timed computation on a matrix. */
    private record Variant(String name, ToDoubleFunction<ComplexMatrix> work) {
        double call(ComplexMatrix h) {
            return work.applyAsDouble(h);
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
        Variant[] variants = {
            new Variant("values Java", h -> HermitianEigen.eigenvalues(h, Solver.JAVA)[0]),
            new Variant("values LAPACK", h -> HermitianEigen.eigenvalues(h, Solver.LAPACK)[0]),
            new Variant("vectors Java", h -> HermitianEigen.decompose(h, Solver.JAVA).values()[0]),
            new Variant("vectors LAPACK", h -> HermitianEigen.decompose(h, Solver.LAPACK).values()[0]),
            new Variant("norm EJML", EigenBench::traceNormEjml),
            new Variant("norm LAPACK", MatrixFunctions::traceNorm),
            new Variant("product Java", h -> ComplexOps.mult(h.toInterleaved(), h.toInterleaved(), h.rows(), h.rows(), h.rows())[0]),
            new Variant("product BLAS", h -> ComplexOps.multBlas(h.toInterleaved(), h.toInterleaved(), h.rows(), h.rows(), h.rows())[0])};
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
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "eigen d=%-4d ms per call, CPU (wall):", d));
            table.append(String.format(Locale.ROOT, "# %5d", d));
            for (int v = 0; v < variants.length; v++) {
                line.append(String.format(Locale.ROOT, " %s %.5f (%.5f);", variants[v].name(), c[v], w[v]));
                table.append(String.format(Locale.ROOT, " %14.5f", c[v]));
                if (v % 2 == 1) {
                    table.append(String.format(Locale.ROOT, " %6.2f", c[v - 1] / c[v]));
                }
            }
            b.printf("%s%n", line);
            table.append('\n');
        }
        b.printf("# eigen: median thread-CPU ms per call, one thread (ratio = Java or EJML / LAPACK or BLAS)%n");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "# %5s", "d"));
        for (int v = 0; v < variants.length; v++) {
            head.append(String.format(Locale.ROOT, " %14s", variants[v].name())).append(v % 2 == 1 ? "  ratio" : "");
        }
        b.printf("%s%n", head);
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

    /** The trace norm as the library computed it before LAPACK: EJML's SVD of the real embedding, halved. */
    private static double traceNormEjml(ComplexMatrix a) {
        int r = a.rows();
        int c = a.cols();
        DMatrixRMaj m = new DMatrixRMaj(2 * r, 2 * c);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                m.set(i, j, a.re(i, j));
                m.set(i + r, j + c, a.re(i, j));
                m.set(i, j + c, -a.im(i, j));
                m.set(i + r, j, a.im(i, j));
            }
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(2 * r, 2 * c, false, false, true);
        if (!svd.decompose(m)) {
            throw new ArithmeticException("EJML's SVD failed for a " + r + "x" + c + " matrix");
        }
        double s = 0;
        for (double x : svd.getSingularValues()) {
            s += x;
        }
        return s / 2;
    }
}
