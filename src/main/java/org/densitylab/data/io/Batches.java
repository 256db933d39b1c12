package org.densitylab.data.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Random;

/**
 * The batches of a {@link Dataset}: consecutive records in order by default, or in an order shuffled by a
 * caller's {@link Random}. Immutable configuration; each call of {@link #iterator()} starts a new pass
 * (epoch). With shuffling, each pass draws a new order from the {@code Random}, so that epochs differ
 * while the whole sequence of epochs is fixed by the seed.
 *
 * <ul>
 *   <li>{@link #shuffleRecords}: every batch holds records drawn from the whole dataset (a Fisher–Yates
 *       permutation of all record indices; one read per record, so best when the dataset is in the page
 *       cache);</li>
 *   <li>{@link #shuffleBatches}: batches of consecutive records visited in a random order (one read per
 *       batch and column; cheaper on cold disks, less random).</li>
 * </ul>
 *
 * <p>Read errors surface as {@link UncheckedIOException} from the iterator.
 */
public final class Batches implements Iterable<Batch> {
    private enum Order { SEQUENTIAL, RECORDS, BATCHES }

    private final Dataset dataset;
    private final int batchSize;
    private final List<String> columns;
    private final Order order;
    private final Random random;
    private final boolean dropLast;

    Batches(Dataset dataset, int batchSize) {
        this(dataset, batchSize, dataset.columnNames(), Order.SEQUENTIAL, null, false);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
    }

    private Batches(Dataset dataset, int batchSize, List<String> columns, Order order, Random random,
                    boolean dropLast) {
        this.dataset = dataset;
        this.batchSize = batchSize;
        this.columns = columns;
        this.order = order;
        this.random = random;
        this.dropLast = dropLast;
    }

    /**
     * @param names the columns to read, by default all
     * @return these batches reading only the named columns
     * @throws IllegalArgumentException if a column does not exist
     */
    public Batches columns(String... names) {
        for (String n : names) {
            dataset.columnIndex(n);
        }
        return new Batches(dataset, batchSize, List.of(names), order, random, dropLast);
    }

    /**
     * @param random the source of the permutations, one per pass
     * @return these batches with records in a random order
     * @throws IllegalArgumentException if the dataset has more than {@code Integer.MAX_VALUE} records
     */
    public Batches shuffleRecords(Random random) {
        if (dataset.records() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("cannot shuffle the records of a dataset of " + dataset.records()
                    + " records; use shuffleBatches");
        }
        return new Batches(dataset, batchSize, columns, Order.RECORDS, Objects.requireNonNull(random), dropLast);
    }

    /**
     * @param random the source of the permutations, one per pass
     * @return these batches, each of consecutive records, visited in a random order
     */
    public Batches shuffleBatches(Random random) {
        return new Batches(dataset, batchSize, columns, Order.BATCHES, Objects.requireNonNull(random), dropLast);
    }

    /** @return these batches without the last one when it is smaller than the batch size */
    public Batches dropLast() {
        return new Batches(dataset, batchSize, columns, order, random, true);
    }

    /** @return the number of batches in one pass */
    public long count() {
        long n = dataset.records();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** @return a new pass over the dataset */
    @Override
    public Iterator<Batch> iterator() {
        long batches = count();
        if (batches > Integer.MAX_VALUE && order == Order.BATCHES) {
            throw new IllegalArgumentException("cannot shuffle " + batches + " batches; use a larger batch size");
        }
        int[] permutation = switch (order) {
            case SEQUENTIAL -> null;
            case RECORDS -> permutation((int) dataset.records(), random);
            case BATCHES -> permutation((int) batches, random);
        };
        int[] cols = columns.stream().mapToInt(dataset::columnIndex).toArray();
        return new Iterator<>() {
            private final ByteBuffer scratch = FileIo.scratch();
            private long next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long b = order == Order.BATCHES ? permutation[(int) next] : next;
                next++;
                long start = b * batchSize;
                int size = (int) Math.min(batchSize, dataset.records() - start);
                try {
                    return read(start, size, cols, permutation, scratch);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private Batch read(long start, int size, int[] cols, int[] permutation, ByteBuffer scratch) throws IOException {
        long[] indices = new long[size];
        for (int i = 0; i < size; i++) {
            indices[i] = order == Order.RECORDS ? permutation[(int) (start + i)] : start + i;
        }
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (int k = 0; k < cols.length; k++) {
            ColumnSpec spec = dataset.column(columns.get(k));
            Object dst = spec.dtype().newArray(Math.multiplyExact(size, spec.recordElements()));
            if (order == Order.RECORDS) {
                for (int i = 0; i < size; i++) {
                    dataset.read(cols[k], indices[i], 1, dst, i * spec.recordElements(), scratch);
                }
            } else {
                dataset.read(cols[k], start, size, dst, 0, scratch);
            }
            arrays.put(spec.name(), NpyArray.of(dst, spec.shape(size)));
        }
        return new Batch(indices, arrays);
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher–Yates), deterministic for the Random's state. */
    static int[] permutation(int n, Random random) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
