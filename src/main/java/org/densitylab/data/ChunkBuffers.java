package org.densitylab.data;

import java.lang.reflect.Array;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.densitylab.data.io.Chunk;
import org.densitylab.data.io.ColumnSpec;

/**
 * One typed array per column for a chunk of records, record {@code slot} of column c at
 * {@code offset(c, slot)}. Different slots may be written from different threads.
 */
public final class ChunkBuffers {
    private final List<ColumnSpec> columns;
    private final Map<String, Object> arrays = new LinkedHashMap<>();
    private final Map<String, Integer> elements = new LinkedHashMap<>();
    private final int capacity;

    /**
     * @param columns  the dataset's columns
     * @param capacity records per chunk
     */
    public ChunkBuffers(List<ColumnSpec> columns, int capacity) {
        this.columns = List.copyOf(columns);
        this.capacity = capacity;
        for (ColumnSpec c : columns) {
            long size = (long) c.recordElements() * capacity;
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a chunk of " + capacity + " records of column '" + c.name()
                        + "' needs " + size + " elements; use smaller chunks");
            }
            arrays.put(c.name(), Array.newInstance(c.dtype().arrayType().getComponentType(), (int) size));
            elements.put(c.name(), c.recordElements());
        }
    }

    /** @return records per chunk */
    public int capacity() {
        return capacity;
    }

    /**
     * @param column a column name
     * @param slot   a record slot
     * @return the index of the slot's first element in the column's array
     */
    public int offset(String column, int slot) {
        Integer e = elements.get(column);
        if (e == null) {
            throw new IllegalArgumentException("no column '" + column + "'; columns are " + elements.keySet());
        }
        return e * slot;
    }

    private <T> T array(String column, Class<T> type) {
        Object a = arrays.get(column);
        if (!type.isInstance(a)) {
            throw new IllegalArgumentException("column '" + column + "' is not " + type.getSimpleName()
                    + (a == null ? " (no such column; columns are " + arrays.keySet() + ")" : ""));
        }
        return type.cast(a);
    }

    /**
     * @param column a float32 column
     * @return its array
     */
    public float[] floats(String column) {
        return array(column, float[].class);
    }

    /**
     * @param column a float64 column
     * @return its array
     */
    public double[] doubles(String column) {
        return array(column, double[].class);
    }

    /**
     * @param column a uint8 column
     * @return its array
     */
    public byte[] bytes(String column) {
        return array(column, byte[].class);
    }

    /**
     * @param column an int32 column
     * @return its array
     */
    public int[] ints(String column) {
        return array(column, int[].class);
    }

    /**
     * A copy of one record of a float32 column.
     *
     * @param column the column
     * @param slot   the record
     * @return its values
     */
    public float[] floatRecord(String column, int slot) {
        int e = elements.get(column);
        float[] out = new float[e];
        System.arraycopy(floats(column), offset(column, slot), out, 0, e);
        return out;
    }

    /**
     * The first {@code records} records as a chunk for the writer (arrays trimmed when the chunk is short).
     *
     * @param records records filled
     * @return the chunk
     */
    public Chunk toChunk(int records) {
        Chunk chunk = Chunk.of(records);
        for (ColumnSpec c : columns) {
            Object a = arrays.get(c.name());
            int len = records * c.recordElements();
            if (len != Array.getLength(a)) {
                Object t = Array.newInstance(a.getClass().getComponentType(), len);
                System.arraycopy(a, 0, t, 0, len);
                a = t;
            }
            chunk = chunk.with(c.name(), a);
        }
        return chunk;
    }
}
