package org.densitylab.util;

import java.util.SplittableRandom;

/**
 * Per-item random streams derived from (seed, index), so that parallel work gives the same result
 * whatever the number of threads or the order in which items are processed.
 */
public final class Seeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * The random stream of item {@code index} of a run seeded with {@code seed}.
     *
     * @param seed  the run's seed
     * @param index the item's index
     * @return a generator that depends only on (seed, index)
     */
    public static SplittableRandom forIndex(long seed, long index) {
        return new SplittableRandom(mix(seed * GOLDEN + mix(index + GOLDEN)));
    }

    /**
     * A derived seed for a named sub-task (for example one group of a dataset recipe).
     *
     * @param seed the parent seed
     * @param salt a number naming the sub-task
     * @return a seed that depends only on (seed, salt)
     */
    public static long derive(long seed, long salt) {
        return mix(seed ^ mix(salt * GOLDEN + 1));
    }

    /** Stafford's variant 13 of the MurmurHash3 64-bit finalizer. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
