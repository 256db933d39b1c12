package org.densitylab.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.RandomStates;
import org.densitylab.marginals.Mio;
import org.densitylab.marginals.Marginal;
import org.densitylab.marginals.Marginals;

/**
 * Bench case {@code mio}: per-state latency of one MIO pass (paper Eq. 3) on one thread, for N = 3..8 with
 * k = N−1 and k = N−2 (all k-subsets). Two rows per case: the in-place kernel ({@link Mio.Plan#imposeInPlace},
 * including the copy of the seed) and the validated {@link Mio#impose} on matrices. The target is at most
 * 1 ms per state for N = 8, k = 7, i.e. at least 1,000 states/s (no peer is measured here).
 */
public final class MioBench {
    private MioBench() {
    }

    /**
     * Runs the case.
     *
     * @param b the bench
     */
    public static void run(Bench b) {
        for (int n = 3; n <= 8; n++) {
            for (int k = n - 1; k >= Math.max(1, n - 2); k--) {
                SplittableRandom rng = new SplittableRandom(1000L * n + k);
                DensityMatrix rho = RandomStates.rankR(n, 1 << n, rng);
                ComplexMatrix seed = RandomStates.hilbertSchmidt(n, 1 << n, rng).matrix();
                List<Marginal> marginals = Marginals.of(rho, k);
                Mio.Plan plan = Mio.plan(n, Marginals.subsets(n, k));
                double[][] sigmas = new double[marginals.size()][];
                for (int m = 0; m < sigmas.length; m++) {
                    sigmas[m] = marginals.get(m).state().matrix().toInterleaved();
                }
                double[] seedData = seed.toInterleaved();
                double[] x = new double[seedData.length];
                int reps = Math.max(1, (1 << 22) >> (n + k)) / marginals.size() + 1;
                String what = String.format("MIO N=%d k=%d (%d marginals), 1 thread", n, k, marginals.size());
                b.measure(what + ", kernel", "states", reps, call -> {
                    double s = 0;
                    for (int r = 0; r < reps; r++) {
                        System.arraycopy(seedData, 0, x, 0, x.length);
                        plan.imposeInPlace(x, sigmas);
                        s += x[2];
                    }
                    return s;
                });
                b.measure(what + ", Mio.impose", "states", reps, call -> {
                    double s = 0;
                    for (int r = 0; r < reps; r++) {
                        s += Mio.impose(seed, marginals).re(0, 1);
                    }
                    return s;
                });
            }
        }
    }
}
