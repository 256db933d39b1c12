package org.densitylab.data.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A block of consecutive records for {@link DatasetWriter#append}: one flat array per column, all for the
 * same number of records, so that the columns of a dataset always advance together. The arrays are
 * shared, not copied.
 *
 * <pre>{@code
 * writer.append(Chunk.of(100).with("states", states).with("labels", labels));
 * // states: float[100 * 2 * 8 * 8], labels: byte[100 * 3]
 * }</pre>
 */
public final class Chunk {
    private final int records;
    private final Map<String, Object> arrays;

    private Chunk(int records, Map<String, Object> arrays) {
        this.records = records;
        this.arrays = arrays;
    }

    /**
     * Starts a chunk with no columns.
     *
     * @param records the number of records in the chunk, at least 0
     * @return the empty chunk
     * @throws IllegalArgumentException if {@code records} is negative
     */
    public static Chunk of(int records) {
        if (records < 0) {
            throw new IllegalArgumentException("a chunk holds at least 0 records, got " + records);
        }
        return new Chunk(records, Map.of());
    }

    /**
     * Adds a column's values.
     *
     * @param column the column name
     * @param array  the values of all records of the chunk in C order: a {@code float[]}, {@code double[]},
     *               {@code byte[]}, {@code int[]} or {@code long[]} of exactly records × record elements
     *               (checked by the writer)
     * @return a chunk with this column added
     * @throws IllegalArgumentException if the column is already present or the array type is unsupported
     */
    public Chunk with(String column, Object array) {
        DType.ofArray(array);
        if (arrays.containsKey(column)) {
            throw new IllegalArgumentException("column '" + column + "' is already in the chunk");
        }
        Map<String, Object> copy = new LinkedHashMap<>(arrays);
        copy.put(Objects.requireNonNull(column, "column"), array);
        return new Chunk(records, Collections.unmodifiableMap(copy));
    }

    /** @return the number of records */
    public int records() {
        return records;
    }

    /** @return the arrays by column name, unmodifiable */
    Map<String, Object> arrays() {
        return arrays;
    }
}
