package org.densitylab.data.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * An n-dimensional array in C (row-major) order: an element type, a shape and a flat Java array holding
 * the elements. The flat array is shared, not copied, so that large tensors are not duplicated; treat it
 * as read-only.
 *
 * <pre>{@code
 * NpyArray a = NpyArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);   // float32 [2, 3]
 * float[] values = a.floats();
 * }</pre>
 */
public final class NpyArray {
    private final DType dtype;
    private final long[] shape;
    private final Object data;

    private NpyArray(DType dtype, long[] shape, Object data) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
    }

    /**
     * Wraps a flat array with a shape.
     *
     * @param data  a {@code float[]}, {@code double[]}, {@code byte[]} (uint8), {@code int[]} or {@code long[]}
     * @param shape the dimensions; their product must equal {@code data}'s length (no dimensions: a scalar)
     * @return the array, sharing {@code data}
     * @throws IllegalArgumentException if the type is unsupported, a dimension is negative or the
     *                                  element count does not match
     */
    public static NpyArray of(Object data, long... shape) {
        DType dtype = DType.ofArray(Objects.requireNonNull(data, "data"));
        long count = elementCount(shape);
        int length = java.lang.reflect.Array.getLength(data);
        if (count != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
                    + " elements but the array has " + length);
        }
        return new NpyArray(dtype, shape.clone(), data);
    }

    /**
     * @param shape dimensions
     * @return their product
     * @throws IllegalArgumentException if a dimension is negative or the product overflows a long
     */
    static long elementCount(long[] shape) {
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            try {
                count = Math.multiplyExact(count, d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " overflows", e);
            }
        }
        return count;
    }

    /** @return the element type */
    public DType dtype() {
        return dtype;
    }

    /** @return a copy of the dimensions */
    public long[] shape() {
        return shape.clone();
    }

    /** @return the number of elements */
    public int length() {
        return java.lang.reflect.Array.getLength(data);
    }

    /** @return the flat element array, of {@link DType#arrayType()} */
    public Object data() {
        return data;
    }

    /**
     * @return the elements of a {@link DType#FLOAT32} array
     * @throws IllegalStateException if the array holds another type
     */
    public float[] floats() {
        return (float[]) as(DType.FLOAT32);
    }

    /**
     * @return the elements of a {@link DType#FLOAT64} array
     * @throws IllegalStateException if the array holds another type
     */
    public double[] doubles() {
        return (double[]) as(DType.FLOAT64);
    }

    /**
     * @return the elements of a {@link DType#UINT8} array, to be read unsigned ({@code b & 0xFF})
     * @throws IllegalStateException if the array holds another type
     */
    public byte[] bytes() {
        return (byte[]) as(DType.UINT8);
    }

    /**
     * @return the elements of an {@link DType#INT32} array
     * @throws IllegalStateException if the array holds another type
     */
    public int[] ints() {
        return (int[]) as(DType.INT32);
    }

    /**
     * @return the elements of an {@link DType#INT64} array
     * @throws IllegalStateException if the array holds another type
     */
    public long[] longs() {
        return (long[]) as(DType.INT64);
    }

    private Object as(DType wanted) {
        if (dtype != wanted) {
            throw new IllegalStateException("the array holds " + dtype + " ('" + dtype.descr() + "'), not "
                    + wanted + "; use the accessor for " + dtype);
        }
        return data;
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descr() + " " + Arrays.toString(shape) + "]";
    }
}
