package org.densitylab.entanglement;

import java.io.IOException;
import java.nio.file.Path;
import org.densitylab.data.ChunkBuffers;
import org.densitylab.data.io.Dataset;
import org.densitylab.quantum.Bipartitions;
import org.densitylab.run.Values;

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
    /** Records checked at a time when a dataset is loaded. */
    private static final int CHECK_CHUNK = 4096;

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
     * Loads a dataset written by {@code densitylab dataset}, verifying its checksums and its values chunk by chunk:
     * finite state entries of modulus at most 1, labels 0 or 1, statuses −1, 0 or 1.
     *
     * @param dir the dataset directory
     * @return the states
     * @throws IOException if the dataset is missing or corrupt
     * @throws IllegalArgumentException naming the file and the record if a value is not finite or out of range
     */
    public static LabelledStates load(Path dir) throws IOException {
        try (Dataset ds = Dataset.open(dir)) {
            long[] shape = ds.column("states").shape(ds.records());
            int qubits = Integer.numberOfTrailingZeros((int) shape[2]);
            float[] states = ds.readColumn("states").floats();
            byte[] labels = ds.readColumn("labels").bytes();
            int[] truth = ds.readColumn("truth").ints();
            int per = 2 << (2 * qubits);
            Path file = dir.resolve(ds.column("states").fileName());
            // a density matrix has entries of modulus at most 1 (a little more for float32 rounding)
            for (int first = 0; first < ds.records(); first += CHECK_CHUNK) {
                int n = (int) Math.min(CHECK_CHUNK, ds.records() - first);
                Values.requireInRange(states, first * per, n * per, per, 0, -1.001, 1.001, file);
            }
            int m = Bipartitions.count(qubits);
            Values.requireInRange(labels, m, 0, 1, dir.resolve(ds.column("labels").fileName()));
            for (int i = 0; i < truth.length; i++) {
                if (truth[i] < -1 || truth[i] > 1) {
                    throw new IllegalArgumentException(dir.resolve(ds.column("truth").fileName()) + ": record " + i / m
                            + " holds the status " + truth[i] + ", outside -1..1; regenerate the dataset");
                }
            }
            return new LabelledStates(qubits, Math.toIntExact(ds.records()), states, labels, truth);
        }
    }

    /**
     * A short fingerprint of the states and labels (their number and CRC32C), recorded in a training run's provenance.
     *
     * @return e.g. "560 states, crc32c 1a2b3c4d"
     */
    public String fingerprint() {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * 4096).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < states.length; i += 4096) {
            b.clear();
            b.asFloatBuffer().put(states, i, Math.min(4096, states.length - i));
            b.limit(4 * Math.min(4096, states.length - i));
            crc.update(b);
        }
        crc.update(labels);
        return size + " states, crc32c " + String.format("%08x", crc.getValue());
    }

    /** CRC32C of arrays' float values (a fingerprint of a network's weights). */
    static String crc(java.util.Collection<org.nd4j.linalg.api.ndarray.INDArray> arrays) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        for (var a : arrays) {
            for (float f : a.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat()) {
                int bits = Float.floatToIntBits(f);
                crc.update(new byte[] {(byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)});
            }
        }
        return "crc32c " + String.format("%08x", crc.getValue());
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
