package org.densitylab.util;

import java.util.concurrent.ForkJoinPool;

/**
 * The thread pool for parallel work. Not {@code ForkJoinPool.commonPool()}: its parallelism is the
 * number of cores minus one, and a task submitted to it from outside runs on those workers while the caller
 * waits — on 2 cores that is one thread.
 */
public final class Parallel {
    private static volatile ForkJoinPool pool;

    private Parallel() {
    }

    /**
     * A shared pool with one worker per available core (or the value of the system property
     * {@code densitylab.threads}), created on first use.
     *
     * @return the pool
     */
    public static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                if (pool == null) {
                    int threads = Integer.getInteger("densitylab.threads", Runtime.getRuntime().availableProcessors());
                    pool = new ForkJoinPool(Math.max(1, threads), ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, false);
                }
                p = pool;
            }
        }
        return p;
    }
}
