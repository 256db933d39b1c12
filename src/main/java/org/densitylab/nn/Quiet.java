package org.densitylab.nn;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;
import org.nd4j.common.config.ND4JClassLoading;

/**
 * ND4J set-up and its noise. SameDiff prints one "Added differentiated op" line per op with
 * {@code System.out} while it builds a gradient graph (not configurable through a
 * logger): {@link #call} runs such code with standard output and error discarded. The streams are
 * swapped for the whole JVM while the call runs, so keep such calls short. {@link #init} points ND4J's
 * class loader at the library's own, so that its backend is found under JShell and in the notebook kernel.
 */
public final class Quiet {
    private static final PrintStream NULL = new PrintStream(OutputStream.nullOutputStream());

    private Quiet() {
    }

    /**
     * Makes ND4J find its backend from this library's class loader (needed under JShell), and picks the native build
     * if ND4J has not loaded yet ({@link NativeBuild}). Idempotent.
     */
    public static void init() {
        NativeBuild.selectQuietly();
        ND4JClassLoading.setNd4jClassloaderFromClass(Quiet.class);
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
