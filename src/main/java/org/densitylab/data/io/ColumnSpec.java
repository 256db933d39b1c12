package org.densitylab.data.io;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The description of one column of a dataset: its name (which is also its file name, {@code name.npy}),
 * element type and the shape of one record. The column's array has shape {@code [records, recordShape...]}.
 *
 * <pre>{@code
 * ColumnSpec states = ColumnSpec.of("states", DType.FLOAT32, 2, 8, 8);   // [n, 2, 8, 8]
 * ColumnSpec labels = ColumnSpec.of("labels", DType.UINT8, 3);           // [n, 3]
 * }</pre>
 */
public final class ColumnSpec {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final int MAX_RECORD = Integer.MAX_VALUE - 8;

    private final String name;
    private final DType dtype;
    private final int[] recordShape;
    private final int recordElements;

    private ColumnSpec(String name, DType dtype, int[] recordShape, int recordElements) {
        this.name = name;
        this.dtype = dtype;
        this.recordShape = recordShape;
        this.recordElements = recordElements;
    }

    /**
     * Describes a column.
     *
     * @param name        letters, digits, {@code _}, {@code -} and {@code .}, not starting with {@code -} or
     *                    {@code .}; the column is stored in {@code name.npy}
     * @param dtype       the element type
     * @param recordShape the shape of one record; none for a scalar per record
     * @return the description
     * @throws IllegalArgumentException if the name is not allowed, a dimension is negative, or one record
     *                                  has more elements than a Java array holds
     */
    public static ColumnSpec of(String name, DType dtype, int... recordShape) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("column name '" + name + "' is not allowed: use letters, digits, "
                    + "'_', '-' and '.', starting with a letter, digit or '_'");
        }
        long elements = 1;
        for (int d : recordShape) {
            if (d < 0) {
                throw new IllegalArgumentException("column '" + name + "': negative dimension in record shape "
                        + Arrays.toString(recordShape));
            }
            elements *= d;
            if (elements > MAX_RECORD) {
                throw new IllegalArgumentException("column '" + name + "': a record of shape "
                        + Arrays.toString(recordShape) + " has more elements than a Java array holds");
            }
        }
        return new ColumnSpec(name, dtype, recordShape.clone(), (int) elements);
    }

    /** @return the column name */
    public String name() {
        return name;
    }

    /** @return the file holding the column, {@code name + ".npy"} */
    public String fileName() {
        return name + ".npy";
    }

    /** @return the element type */
    public DType dtype() {
        return dtype;
    }

    /** @return a copy of the shape of one record */
    public int[] recordShape() {
        return recordShape.clone();
    }

    /** @return the number of elements in one record */
    public int recordElements() {
        return recordElements;
    }

    /** @return the number of bytes of one record */
    public long recordBytes() {
        return (long) recordElements * dtype.size();
    }

    /**
     * @param records a record count
     * @return the shape of the column's array holding that many records: {@code [records, recordShape...]}
     */
    public long[] shape(long records) {
        long[] s = new long[recordShape.length + 1];
        s[0] = records;
        for (int i = 0; i < recordShape.length; i++) {
            s[i + 1] = recordShape[i];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnSpec c && name.equals(c.name) && dtype == c.dtype
                && Arrays.equals(recordShape, c.recordShape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(recordShape));
    }

    @Override
    public String toString() {
        return name + " " + dtype.descr() + " " + Arrays.toString(recordShape);
    }
}
