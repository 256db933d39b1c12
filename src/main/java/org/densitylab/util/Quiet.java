package org.densitylab.util;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Runs library calls that print with {@code System.out.println} (SameDiff prints one "Added differentiated op"
 * line per op while it builds a gradient graph, spec dl4j.md pitfall 5) with standard output and error
 * discarded. The streams are swapped for the whole JVM while the call runs, so keep the calls short and do not
 * run them concurrently with code whose output matters.
 */
public final class Quiet {
    private static final PrintStream NULL = new PrintStream(OutputStream.nullOutputStream());

    private Quiet() {
    }

    /**
     * Calls {@code work} with standard output and error discarded and restores them afterwards.
     *
     * @param work the noisy call
     * @param <T>  its result type
     * @return its result
     */
    public static synchronized <T> T call(Supplier<T> work) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(NULL);
        System.setErr(NULL);
        try {
            return work.get();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
