package org.densitylab.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.densitylab.marginals.MarginalsPlots;
import tech.tablesaw.api.Table;
import org.densitylab.marginals.CvxoptSdp;
import org.densitylab.marginals.RuntimeBenchmark;
import org.densitylab.marginals.ReferenceTimings;

/**
 * Bench cases {@code runtime} ({@link RuntimeBenchmark.Config#full()}: N = 3..8) and {@code runtime-quick} ({@link
 * RuntimeBenchmark.Config#quick()}): MIO+CDAE and MIO+CDAE+MIO per state and the cvxopt SDP beside the reference's
 * timings (docs/papers.md#sdp-eq-2-and-runtime). Prints one line per N and writes {@code runtime.csv} and {@code
 * runtime.png} (log scale) to {@code results/local/runtime[-quick]/} (the folder is the system property {@code
 * densitylab.results}, default {@code results/local}).
 */
public final class RuntimeBench {
    private RuntimeBench() {
    }

    /**
     * The full case.
     *
     * @param b the bench
     */
    public static void full(Bench b) {
        run(b, RuntimeBenchmark.Config.full(), "runtime");
    }

    /**
     * The quick case.
     *
     * @param b the bench
     */
    public static void quick(Bench b) {
        run(b, RuntimeBenchmark.Config.quick(), "runtime-quick");
    }

    private static void run(Bench b, RuntimeBenchmark.Config config, String name) {
        b.out().printf(Locale.ROOT, "# runtime per state, untrained CDAE S=%d (same cost as a trained one), OMP_NUM_THREADS=%s,"
                + " cvxopt %s%n", config.scale(), System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)"),
                CvxoptSdp.available() ? "available" : "missing (SDP skipped)");
        List<RuntimeBenchmark.Row> rows = RuntimeBenchmark.run(config);
        for (RuntimeBenchmark.Row r : rows) {
            ReferenceTimings.Case ref = ReferenceTimings.forQubits(r.numQubits());
            b.out().printf(Locale.ROOT, "N=%d k=%d  MIO+CDAE %.4g s (ref %.4g)  MIO+CDAE+MIO %.4g s (ref %.4g)  SDP %.4g s"
                    + " (ref %.4g; %s)  [%d samples]%n", r.numQubits(), r.k(), r.mioCdae(), ref.mioCdae(), r.mioCdaeMio(),
                    ref.mioCdaeMio(), r.sdp(), ref.sdp(), r.sdpStatus(), r.samples());
        }
        Table t = RuntimeBenchmark.table(rows);
        Path dir = Path.of(System.getProperty("densitylab.results", "results/local"), name);
        try {
            org.densitylab.util.AtomicFiles.write(dir.resolve("runtime.csv"), os -> t.write().csv(os));
            MarginalsPlots.savePng(RuntimeBenchmark.plot("reconstruction from marginals: runtime per state", t),
                    dir.resolve("runtime.png"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        b.out().println("# written " + dir.resolve("runtime.csv") + " and runtime.png");
    }
}
