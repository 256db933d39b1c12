package org.densitylab.entanglement;

import java.io.IOException;
import java.nio.file.Path;
import org.densitylab.data.ChunkBuffers;
import org.densitylab.data.io.Dataset;
import org.densitylab.quantum.Bipartitions;

/**
 * States with per-cut labels in memory, as the networks consume them: {@code states} float32
 * {@code [n, 2, d, d]}, {@code labels} {@code [n, m]} in {0, 1}, and the true per-cut status where known
 * ({@code truth}, 1/0/−1; may be null).
 *
 * @param qubits N
 * @param size   number of states
 * @param states two-channel matrices
 * @param labels the paper's labels
 * @param truth  true status per cut, or null
 */
public record LabelledStates(int qubits, int size, float[] states, byte[] labels, int[] truth) {

    /**
     * @throws IllegalArgumentException if the arrays do not match the size
     */
    public LabelledStates {
        int d = 1 << qubits;
        int m = Bipartitions.count(qubits);
        if (states.length != (long) size * 2 * d * d || labels.length != (long) size * m
                || (truth != null && truth.length != labels.length)) {
            throw new IllegalArgumentException("arrays do not match " + size + " states of " + qubits + " qubits: "
                    + states.length + " state floats, " + labels.length + " labels");
        }
    }

    /**
     * @param buffers generated records with the columns of {@code EntanglementDataset}
     * @param qubits  N
     * @return the states
     */
    public static LabelledStates of(ChunkBuffers buffers, int qubits) {
        int m = Bipartitions.count(qubits);
        return new LabelledStates(qubits, buffers.bytes("labels").length / m, buffers.floats("states"),
                buffers.bytes("labels"), buffers.ints("truth"));
    }

    /**
     * Loads a dataset written by {@code densitylab dataset} (verifying its checksums).
     *
     * @param dir the dataset directory
     * @return the states
     * @throws IOException if the dataset is missing or corrupt
     */
    public static LabelledStates load(Path dir) throws IOException {
        try (Dataset ds = Dataset.open(dir)) {
            long[] shape = ds.column("states").shape(ds.records());
            int qubits = Integer.numberOfTrailingZeros((int) shape[2]);
            return new LabelledStates(qubits, Math.toIntExact(ds.records()), ds.readColumn("states").floats(),
                    ds.readColumn("labels").bytes(), ds.readColumn("truth").ints());
        }
    }

    /** @return number of cuts m */
    public int outputs() {
        return Bipartitions.count(qubits);
    }

    /**
     * The states at the given indices, in that order.
     *
     * @param indices record indices
     * @return a new set
     */
    public LabelledStates subset(int[] indices) {
        int per = 2 << (2 * qubits);
        int m = outputs();
        float[] s = new float[indices.length * per];
        byte[] l = new byte[indices.length * m];
        int[] t = truth == null ? null : new int[indices.length * m];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(states, indices[i] * per, s, i * per, per);
            System.arraycopy(labels, indices[i] * m, l, i * m, m);
            if (t != null) {
                System.arraycopy(truth, indices[i] * m, t, i * m, m);
            }
        }
        return new LabelledStates(qubits, indices.length, s, l, t);
    }
}
