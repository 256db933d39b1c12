package org.densitylab.data.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The element types a dataset column or {@code .npy} file may hold, with their NumPy type strings
 * ({@code descr}) and the Java array type that carries them.
 *
 * <table>
 *   <caption>Element types</caption>
 *   <tr><th>constant</th><th>NumPy descr</th><th>Java array</th></tr>
 *   <tr><td>{@link #FLOAT32}</td><td>{@code <f4}</td><td>{@code float[]}</td></tr>
 *   <tr><td>{@link #FLOAT64}</td><td>{@code <f8}</td><td>{@code double[]}</td></tr>
 *   <tr><td>{@link #UINT8}</td><td>{@code |u1}</td><td>{@code byte[]} (read unsigned: {@code b & 0xFF})</td></tr>
 *   <tr><td>{@link #INT32}</td><td>{@code <i4}</td><td>{@code int[]}</td></tr>
 *   <tr><td>{@link #INT64}</td><td>{@code <i8}</td><td>{@code long[]}</td></tr>
 * </table>
 *
 * <p>All multi-byte types are little-endian. Each constant moves elements between a Java array and a
 * little-endian {@link ByteBuffer}: that single accessor is all the readers and writers need.
 */
public enum DType {
    /** 32-bit IEEE 754 floating point, {@code float[]}. */
    FLOAT32("<f4", 4, float[].class) {
        @Override void get(ByteBuffer src, Object dst, int offset, int length) {
            src.asFloatBuffer().get((float[]) dst, offset, length);
        }
        @Override void put(Object src, int offset, int length, ByteBuffer dst) {
            dst.asFloatBuffer().put((float[]) src, offset, length);
        }
    },
    /** 64-bit IEEE 754 floating point, {@code double[]}. */
    FLOAT64("<f8", 8, double[].class) {
        @Override void get(ByteBuffer src, Object dst, int offset, int length) {
            src.asDoubleBuffer().get((double[]) dst, offset, length);
        }
        @Override void put(Object src, int offset, int length, ByteBuffer dst) {
            dst.asDoubleBuffer().put((double[]) src, offset, length);
        }
    },
    /** Unsigned 8-bit integer (labels), {@code byte[]}. */
    UINT8("|u1", 1, byte[].class) {
        @Override void get(ByteBuffer src, Object dst, int offset, int length) {
            src.duplicate().get((byte[]) dst, offset, length);
        }
        @Override void put(Object src, int offset, int length, ByteBuffer dst) {
            dst.duplicate().put((byte[]) src, offset, length);
        }
    },
    /** Signed 32-bit integer, {@code int[]}. */
    INT32("<i4", 4, int[].class) {
        @Override void get(ByteBuffer src, Object dst, int offset, int length) {
            src.asIntBuffer().get((int[]) dst, offset, length);
        }
        @Override void put(Object src, int offset, int length, ByteBuffer dst) {
            dst.asIntBuffer().put((int[]) src, offset, length);
        }
    },
    /** Signed 64-bit integer, {@code long[]}. */
    INT64("<i8", 8, long[].class) {
        @Override void get(ByteBuffer src, Object dst, int offset, int length) {
            src.asLongBuffer().get((long[]) dst, offset, length);
        }
        @Override void put(Object src, int offset, int length, ByteBuffer dst) {
            dst.asLongBuffer().put((long[]) src, offset, length);
        }
    };

    private final String descr;
    private final int size;
    private final Class<?> arrayType;

    DType(String descr, int size, Class<?> arrayType) {
        this.descr = descr;
        this.size = size;
        this.arrayType = arrayType;
    }

    /** @return the NumPy type string written in {@code .npy} headers, e.g. {@code <f4} */
    public String descr() {
        return descr;
    }

    /** @return the size of one element in bytes */
    public int size() {
        return size;
    }

    /** @return the Java array class that carries elements of this type, e.g. {@code float[].class} */
    public Class<?> arrayType() {
        return arrayType;
    }

    /**
     * Finds the type for a NumPy type string. One-byte types accept any byte-order mark
     * ({@code |u1}, {@code <u1}, {@code =u1}); multi-byte types must be little-endian ({@code <}), or
     * native ({@code =}) on a little-endian machine.
     *
     * @param descr a NumPy {@code descr}, e.g. {@code <f4}
     * @return the type
     * @throws IllegalArgumentException if the type is big-endian or not supported; the message names it
     */
    public static DType ofDescr(String descr) {
        String d = descr;
        if (d.length() == 3 && d.charAt(0) == '=' && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            d = "<" + d.substring(1);
        }
        for (DType t : values()) {
            String kind = t.descr.substring(1);
            if (t.descr.equals(d) || (t.size == 1 && d.length() == 3 && d.substring(1).equals(kind)
                    && "|<>=".indexOf(d.charAt(0)) >= 0)) {
                return t;
            }
        }
        if (d.startsWith(">")) {
            throw new IllegalArgumentException("big-endian dtype '" + descr + "' is not supported; "
                    + "convert in NumPy with a.astype(a.dtype.newbyteorder('<'))");
        }
        throw new IllegalArgumentException("unsupported dtype '" + descr + "'; supported: <f4, <f8, |u1, <i4, <i8");
    }

    /**
     * Finds the type of a Java array.
     *
     * @param array a {@code float[]}, {@code double[]}, {@code byte[]}, {@code int[]} or {@code long[]}
     * @return the type
     * @throws IllegalArgumentException for any other object
     */
    public static DType ofArray(Object array) {
        for (DType t : values()) {
            if (t.arrayType.isInstance(array)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a float[], double[], byte[], int[] or long[]: "
                + (array == null ? "null" : array.getClass().getSimpleName()));
    }

    /** Allocates a Java array of this type with {@code length} elements. */
    Object newArray(int length) {
        return java.lang.reflect.Array.newInstance(arrayType.getComponentType(), length);
    }

    /**
     * Copies {@code length} elements from {@code src} (little-endian, from its position; the position is
     * not moved) into {@code dst[offset..]}.
     */
    abstract void get(ByteBuffer src, Object dst, int offset, int length);

    /**
     * Copies {@code src[offset..offset+length)} into {@code dst} (little-endian, from its position; the
     * position is not moved).
     */
    abstract void put(Object src, int offset, int length, ByteBuffer dst);
}
