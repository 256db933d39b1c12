package org.densitylab.data.io;

import java.util.Map;

/**
 * Records read together from a {@link Dataset}: their indices in the dataset and, per column read, an
 * array of shape {@code [size, recordShape...]} whose record {@code i} is dataset record {@code index(i)}.
 */
public final class Batch {
    private final long[] indices;
    private final Map<String, NpyArray> columns;

    Batch(long[] indices, Map<String, NpyArray> columns) {
        this.indices = indices;
        this.columns = Map.copyOf(columns);
    }

    /** @return the number of records */
    public int size() {
        return indices.length;
    }

    /**
     * @param i a position in the batch, {@code 0 <= i < size()}
     * @return the index in the dataset of the batch's record {@code i}
     */
    public long index(int i) {
        return indices[i];
    }

    /** @return a copy of the dataset indices of the batch's records, in batch order */
    public long[] indices() {
        return indices.clone();
    }

    /**
     * @param name a column that was read
     * @return its values for the batch's records, of shape {@code [size, recordShape...]}
     * @throws IllegalArgumentException if the column was not read; the message lists those that were
     */
    public NpyArray column(String name) {
        NpyArray a = columns.get(name);
        if (a == null) {
            throw new IllegalArgumentException("the batch has no column '" + name + "'; it holds "
                    + columns.keySet());
        }
        return a;
    }
}
