package org.densitylab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.densitylab.marginals.AlternatingProjections;
import org.densitylab.marginals.CvxoptSdp;
import org.densitylab.marginals.MarginalProblem;
import org.densitylab.marginals.PauliSdp;
import org.densitylab.marginals.ReconstructionResult;
import org.densitylab.marginals.Reconstructor;
import org.densitylab.marginals.Reconstructors;
import org.densitylab.quantum.RandomStates;
import org.densitylab.util.Seeds;

/**
 * Bench case {@code reconstruct}: iterations and time per state of the reconstruction methods to marginal error
 * ≤ 1e-8, one thread, N = 3..8 (system properties {@code densitylab.bench.minQubits}/{@code maxQubits}), k = N−1
 * and N−2, targets Hilbert–Schmidt full-rank states (as the reference code's runtime benchmark), or of rank r with
 * {@code -Ddensitylab.bench.rank=r} (capped at 2^N);
 * the methods without the {@code -mixed-seed} suffix start from the same MIO output of sample i (stream
 * {@code Seeds.forIndex(Seeds.derive(seed, N·16+k), i)}), the others from the MIO output of \(I/2^N\). The Anderson
 * memory (2, 5, 10) and the floor of the interior phase (0.1, 0.2, 0.3) are varied for N ≤ 6. Beside them, in the same run and on the same instances, the cvxopt SDP
 * where it has at most 1000 free Pauli strings (N ≤ 5 and N6k5; N6k4 has 2187) and the ratio
 * of its median time (inside Python) to that of the default method. Each cell runs one untimed warm-up (not for the
 * SDP), then samples until its count or its 60-second budget is reached (at least one).
 */
public final class ReconstructBench {
    private static final long SEED = 13;
    private static final double BUDGET_SECONDS = 60;
    /** The SDP runs where cvxopt finishes in minutes: at most this many free Pauli strings (N ≤ 5, and N = 6, k = 5). */
    private static final int SDP_MAX_VARIABLES = 1000;
    private static final int SDP_SAMPLES = 5;

    private ReconstructBench() {
    }

    /**
     * Runs the case.
     *
     * @param b the bench
     */
    public static void run(Bench b) {
        int minQubits = Integer.getInteger("densitylab.bench.minQubits", 3);
        int maxQubits = Integer.getInteger("densitylab.bench.maxQubits", 8);
        int rank = Integer.getInteger("densitylab.bench.rank", 0);
        b.printf("# reconstruct: to marginal error <= 1e-8, cap 3000 iterations, one thread, HS %s targets; load"
                + " average %s; cvxopt %s%n", rank > 0 ? "rank-" + rank + " (at most 2^N)" : "full-rank", loadAverage(),
                CvxoptSdp.available() ? "available" : "missing (SDP skipped)");
        b.printf("# %-5s %-36s %7s %9s %8s %6s %6s %12s %12s %10s%n", "case", "method", "samples", "converged", "it-mean",
                "it-med", "it-max", "s/state-med", "s/state-mean", "max-error");
        Reconstructors.Options o = Reconstructors.Options.defaults().withIterations(3000);
        for (int n = minQubits; n <= maxQubits; n++) {
            for (int k = n - 1; k >= Math.max(1, n - 2); k--) {
                List<Reconstructor> methods = new ArrayList<>();
                for (String name : List.of("alternating-projections-plain", "alternating-projections-dykstra",
                        "alternating-projections-anderson", "alternating-projections-plain-mixed-seed",
                        "alternating-projections-anderson-mixed-seed", "alternating-projections", "semismooth-newton")) {
                    methods.add(Reconstructors.byName(name, o));
                }
                AlternatingProjections anderson = AlternatingProjections.of(AlternatingProjections.Variant.ANDERSON,
                        o.tolerance(), o.iterations()).withMixedSeed();
                if (n <= 6) {   // the Anderson memory and the interior floor, measured where it is cheap
                    for (int m : new int[] {2, 10}) {
                        methods.add(anderson.withMemory(m));
                    }
                    for (double floor : new double[] {0.1, 0.3}) {
                        methods.add(anderson.withInterior(floor));
                    }
                }
                methods.add(Reconstructors.byName("psd-projection", o));
                double defaultMedian = Double.NaN;
                for (Reconstructor m : methods) {
                    double med = cell(b, n, k, m, samplesFor(n), rank);
                    if (m.name().equals("alternating-projections")) {
                        defaultMedian = med;
                    }
                }
                if (PauliSdp.of(n, problem(n, k, rank, 0, 0).marginals()).freeCount() <= SDP_MAX_VARIABLES
                        && CvxoptSdp.available()) {
                    double sdp = cell(b, n, k, Reconstructors.byName("sdp", o), SDP_SAMPLES, rank);
                    b.printf("  N%dk%d: cvxopt SDP / default alternating projections (medians, same instances) = %.0f%n", n, k,
                            sdp / defaultMedian);
                }
            }
        }
        b.printf("# load average at the end %s%n", loadAverage());
    }

    /** Runs one (case, method) cell; prints one line; returns the median seconds per state. */
    private static double cell(Bench b, int n, int k, Reconstructor method, int maxSamples, int rank) {
        long caseSeed = Seeds.derive(SEED, n * 16L + k);
        if (!method.name().equals("sdp")) {
            method.reconstruct(problem(n, k, rank, caseSeed, 1_000_000), Seeds.forIndex(caseSeed, 1_000_001));   // warm-up
        }
        List<ReconstructionResult> rs = new ArrayList<>();
        long end = System.nanoTime() + (long) (BUDGET_SECONDS * 1e9);
        while (rs.size() < maxSamples && (rs.isEmpty() || System.nanoTime() < end)) {
            int i = rs.size();
            SplittableRandom rng = Seeds.forIndex(caseSeed, i);
            MarginalProblem p = MarginalProblem.of(RandomStates.hilbertSchmidt(n, rank(n, rank), rng), k);
            rs.add(method.reconstruct(p, rng));
        }
        double[] t = rs.stream().mapToDouble(ReconstructionResult::seconds).sorted().toArray();
        int[] it = rs.stream().mapToInt(ReconstructionResult::iterations).sorted().toArray();
        long conv = rs.stream().filter(ReconstructionResult::converged).count();
        double maxErr = rs.stream().mapToDouble(ReconstructionResult::marginalError).max().orElse(Double.NaN);
        b.printf("  N%dk%d  %-36s %7d %6d/%-3d %8.1f %6d %6d %12.4g %12.4g %10.2g%n", n, k, method.name(), rs.size(), conv,
                rs.size(), Arrays.stream(it).average().orElse(Double.NaN), it[it.length / 2], it[it.length - 1],
                t[t.length / 2], Arrays.stream(t).average().orElse(Double.NaN), maxErr);
        return t[t.length / 2];
    }

    private static MarginalProblem problem(int n, int k, int rank, long caseSeed, int index) {
        return MarginalProblem.of(RandomStates.hilbertSchmidt(n, rank(n, rank), Seeds.forIndex(caseSeed, index)), k);
    }

    /** The target rank: full (2^N) when none is asked, else the asked one capped at 2^N. */
    private static int rank(int n, int asked) {
        return asked <= 0 ? 1 << n : Math.min(asked, 1 << n);
    }

    private static int samplesFor(int n) {
        return n <= 5 ? 50 : n == 6 ? 20 : n == 7 ? 8 : 4;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "(unknown)";
        }
    }
}
