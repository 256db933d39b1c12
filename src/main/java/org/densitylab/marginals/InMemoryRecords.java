package org.densitylab.marginals;

import java.util.Arrays;

/**
 * A {@link RecordSink} that keeps a whole (small) dataset in memory, for tests and notebooks.
 */
public final class InMemoryRecords implements RecordSink {
    private final int recordLength;
    private final float[] inputs;
    private final float[] targets;
    private final int[] ranks;
    private long filled;

    /**
     * @param numQubits N of the records
     * @param size      number of records expected
     * @throws IllegalArgumentException if the data would not fit in Java arrays
     */
    public InMemoryRecords(int numQubits, int size) {
        long len = 2L << (2 * numQubits);
        if (size < 0 || len * size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("an in-memory dataset of " + size + " records of N = " + numQubits
                    + " does not fit in a Java array (" + len * size + " floats); write it to disk instead");
        }
        this.recordLength = (int) len;
        this.inputs = new float[recordLength * size];
        this.targets = new float[recordLength * size];
        this.ranks = new int[size];
    }

    @Override
    public synchronized void accept(long firstIndex, float[] in, float[] tg, int[] rk, int count) {
        if (firstIndex < 0 || firstIndex + count > ranks.length) {
            throw new IllegalArgumentException("records " + firstIndex + ".." + (firstIndex + count - 1)
                    + " do not fit a dataset of " + ranks.length);
        }
        int f = (int) firstIndex;
        System.arraycopy(in, 0, inputs, f * recordLength, count * recordLength);
        System.arraycopy(tg, 0, targets, f * recordLength, count * recordLength);
        System.arraycopy(rk, 0, ranks, f, count);
        filled += count;
    }

    /** @return number of records */
    public int size() {
        return ranks.length;
    }

    /** @return number of records received so far */
    public synchronized long received() {
        return filled;
    }

    /**
     * @param i record index
     * @return a copy of the MIO input \(\tilde X\), [2, n, n] float32
     */
    public float[] input(int i) {
        return Arrays.copyOfRange(inputs, i * recordLength, (i + 1) * recordLength);
    }

    /**
     * @param i record index
     * @return a copy of the target ρ, [2, n, n] float32
     */
    public float[] target(int i) {
        return Arrays.copyOfRange(targets, i * recordLength, (i + 1) * recordLength);
    }

    /**
     * @param i record index
     * @return the rank of target i
     */
    public int rank(int i) {
        return ranks[i];
    }

    /** @return a copy of all inputs, [size, 2, n, n] */
    public float[] inputs() {
        return inputs.clone();
    }

    /** @return a copy of all targets, [size, 2, n, n] */
    public float[] targets() {
        return targets.clone();
    }

    /** @return a copy of all ranks */
    public int[] ranks() {
        return ranks.clone();
    }
}
