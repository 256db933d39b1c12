package org.densitylab.nn;

import java.util.function.Supplier;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs small ND4J calls without the native library's platform helpers (oneDNN). A oneDNN build sets up its
 * kernels on every call, which costs about 40 ms here whatever the size; for one CDAE state at N ≤ 5 that is
 * 8–15× the work itself (measured with {@code linux-x86_64-onednn-avx512}, one thread: N = 3, 4, 5 took 43, 43,
 * 46 ms with oneDNN and 2.8, 5.7, 22 ms without; at N = 6, and for batches of 100, oneDNN is faster). ND4J's own
 * kernels give the same results to float rounding. On builds without oneDNN this changes nothing.
 *
 * <p>The switch is process-wide: while such a call runs, other threads' ND4J calls also run without helpers
 * (slower, not different).
 */
public final class NativeHelpers {
    /** Calls whose input has at most this many elements per channel run without helpers. */
    public static final long SMALL = 1024;

    private NativeHelpers() {
    }

    /**
     * Runs {@code work} without platform helpers when {@code elements ≤} {@value #SMALL}, otherwise as usual.
     *
     * @param elements the call's size (batch × matrix elements)
     * @param work     the ND4J call
     * @param <T>      its result type
     * @return its result
     */
    public static synchronized <T> T sized(long elements, Supplier<T> work) {
        var env = Nd4j.getEnvironment();
        boolean was = env.helpersAllowed();
        if (elements > SMALL || !was) {
            return work.get();
        }
        env.allowHelpers(false);
        try {
            return work.get();
        } finally {
            env.allowHelpers(true);
        }
    }
}
