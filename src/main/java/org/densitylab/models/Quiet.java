package org.densitylab.models;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.nd4j.common.config.ND4JClassLoading;

/**
 * ND4J set-up and its noise. SameDiff prints one line per op with {@code System.out} while it builds a
 * gradient graph (not configurable through a logger); {@link #call} runs such code with standard output
 * captured. {@link #init} points ND4J's class loader at the library's own, so that its backend is found
 * under JShell and in the notebook kernel.
 */
public final class Quiet {
    private Quiet() {
    }

    /** Makes ND4J find its backend from this library's class loader (needed under JShell). Idempotent. */
    public static synchronized void init() {
        ND4JClassLoading.setNd4jClassloaderFromClass(Quiet.class);
    }

    /**
     * Runs code with {@code System.out} captured and discarded.
     *
     * @param work the code
     * @param <T>  its result type
     * @return its result
     */
    public static synchronized <T> T call(Callable<T> work) {
        PrintStream saved = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream()));
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(saved);
        }
    }
}
