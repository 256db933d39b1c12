package org.densitylab.archfixture.kernel;

import org.densitylab.archfixture.bench.Timer;

/** A non-entry class that (wrongly) uses a benchmark. */
public final class Kernel {
    private Kernel() {
    }

    /** @return a clock reading taken through the benchmark */
    public static long started() {
        return Timer.now();
    }
}
