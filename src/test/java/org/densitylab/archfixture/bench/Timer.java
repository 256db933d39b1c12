package org.densitylab.archfixture.bench;

/** The fixture's benchmark. */
public final class Timer {
    private Timer() {
    }

    /** @return a clock reading */
    public static long now() {
        return System.nanoTime();
    }
}
