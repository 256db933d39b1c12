package org.densitylab.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.densitylab.data.io.ColumnSpec;
import org.densitylab.data.io.DatasetInfo;
import org.densitylab.data.io.DatasetWriter;
import org.densitylab.progress.Progress;

/**
 * Generates datasets chunk by chunk, records in parallel, with a progress bar.
 */
public final class DatasetGenerator {
    /** Records per chunk: the unit of parallel work, of writing and of resuming. */
    public static final int CHUNK = 4096;

    private DatasetGenerator() {
    }

    /**
     * Generates a dataset on disk, resuming an interrupted run of the same recipe and seed
     * ({@code <dir>.partial}), and commits it atomically.
     *
     * @param dir     the dataset directory to create
     * @param info    name, recipe and seed (recorded in the manifest)
     * @param columns the columns
     * @param count   number of records
     * @param filler  makes record i
     * @param pool    the threads to use ({@link org.densitylab.util.Parallel#pool()} for all cores)
     * @return the committed directory
     * @throws IOException if writing fails (the partial run stays resumable)
     */
    public static Path write(Path dir, DatasetInfo info, List<ColumnSpec> columns, long count, RecordFiller filler,
            ForkJoinPool pool) throws IOException {
        try (DatasetWriter w = DatasetWriter.resume(dir, info, columns);
                Progress p = Progress.start(info.name(), count)) {
            long start = w.recordsWritten();
            if (start > count) {
                throw new IOException("the partial run at " + DatasetWriter.partialDirectory(dir) + " has " + start
                        + " records, more than the " + count + " asked for; delete it or ask for at least " + start);
            }
            p.advance(start);
            ChunkBuffers buf = new ChunkBuffers(columns, (int) Math.min(CHUNK, Math.max(1, count)));
            for (long first = start; first < count; first += buf.capacity()) {
                int n = (int) Math.min(buf.capacity(), count - first);
                fill(buf, first, 0, n, filler, pool, p);
                w.append(buf.toChunk(n));
            }
            return w.commit();
        }
    }

    /**
     * Generates records in memory (for notebooks and tests).
     *
     * @param columns the columns
     * @param count   number of records (at most what fits one array per column)
     * @param filler  makes record i
     * @param pool    the threads to use
     * @param task    the progress bar's name
     * @return the filled buffers, record i in slot i
     */
    public static ChunkBuffers inMemory(List<ColumnSpec> columns, int count, RecordFiller filler, ForkJoinPool pool, String task) {
        ChunkBuffers buf = new ChunkBuffers(columns, count);
        try (Progress p = Progress.start(task, count)) {
            // chunk by chunk: one parallel stream over everything would split into a few large leaves, and a
            // slow group at the end of a recipe would then run on one thread
            for (int first = 0; first < count; first += CHUNK) {
                fill(buf, first, first, Math.min(CHUNK, count - first), filler, pool, p);
            }
        }
        return buf;
    }

    /** Fills records first..first+n-1 into slots slot0..slot0+n-1. */
    private static void fill(ChunkBuffers buf, long first, int slot0, int n, RecordFiller filler, ForkJoinPool pool,
            Progress p) {
        try {
            pool.submit(() -> IntStream.range(0, n).parallel().forEach(i -> {
                filler.fill(first + i, buf, slot0 + i);
                p.advance(1);
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted at record " + first + "; run again to resume", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
    }
}
