package org.densitylab.marginals;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.densitylab.data.ChunkBuffers;
import org.densitylab.data.io.Dataset;
import org.densitylab.run.Values;

/**
 * Random access to training records (MIO input \(\tilde X\), target ρ) of a marginals dataset
 * ({@link org.densitylab.marginals.MarginalsDataset}), in memory or on disk. Every record is checked for finite
 * values when it is read (in memory: once, when the view is made), naming the file and the record.
 */
public interface TrainingData {
    /** @return number of records */
    int size();

    /** @return the tensor length 2·n² of one record */
    int recordLength();

    /**
     * Copies record {@code index} into {@code inputs} and {@code targets} at {@code offset}.
     *
     * @param index   record index
     * @param inputs  receives the input [2, n, n]
     * @param targets receives the target [2, n, n]
     * @param offset  where to write
     */
    void read(int index, float[] inputs, float[] targets, int offset);

    /** @return where the records come from (a dataset folder, or "generated in memory"), for messages */
    String source();

    /** @return the records' fingerprint (number and checksum), recorded in a training run's provenance */
    String fingerprint();

    /**
     * Records held in memory ({@code MarginalsDataset.generate}).
     *
     * @param buffers the records, columns {@code input} and {@code target}
     * @param size    the number of records in use
     * @return the view
     */
    static TrainingData of(ChunkBuffers buffers, int size) {
        int len = buffers.floatRecord("input", 0).length;
        if (size < 1 || size > buffers.capacity()) {
            throw new IllegalArgumentException("size must be in 1.." + buffers.capacity() + ", got " + size);
        }
        float[] in = buffers.floats("input");
        float[] tg = buffers.floats("target");
        String source = "(" + size + " records generated in memory)";
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        for (int i = 0; i < size; i++) {
            Values.requireInRange(in, buffers.offset("input", i), len, len, 0, -Double.MAX_VALUE, Double.MAX_VALUE, source);
            Values.requireInRange(tg, buffers.offset("target", i), len, len, 0, -Double.MAX_VALUE, Double.MAX_VALUE, source);
        }
        for (float[] a : new float[][] {in, tg}) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * len).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < size; i++) {
                b.clear();
                b.asFloatBuffer().put(a, buffers.offset(a == in ? "input" : "target", i), len);
                crc.update(b);
            }
        }
        String fingerprint = size + " records, crc32c " + String.format("%08x", crc.getValue());
        return new TrainingData() {
            @Override
            public String source() {
                return source;
            }

            @Override
            public String fingerprint() {
                return fingerprint;
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public int recordLength() {
                return len;
            }

            @Override
            public void read(int index, float[] inputs, float[] targets, int offset) {
                System.arraycopy(in, buffers.offset("input", index), inputs, offset, len);
                System.arraycopy(tg, buffers.offset("target", index), targets, offset, len);
            }
        };
    }

    /**
     * Records of a dataset on disk ({@code MarginalsDataset.write}), read on demand.
     *
     * @param dataset the open dataset, columns {@code input} and {@code target}
     * @return the view
     */
    static TrainingData of(Dataset dataset) {
        long records = dataset.records();
        if (records > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many records for one training run: " + records);
        }
        int len = Math.toIntExact(dataset.column("input").recordElements());
        float[] buf = new float[len];
        StringBuilder crc = new StringBuilder();
        dataset.manifest().columns().forEach(c -> crc.append(' ').append(c.spec().name()).append('=')
                .append(String.format("%08x", c.crc32c())));
        String fingerprint = records + " records of " + dataset.info().name() + ", seed " + dataset.info().seed() + "," + crc;
        return new TrainingData() {
            @Override
            public String source() {
                return dataset.directory().toString();
            }

            @Override
            public String fingerprint() {
                return fingerprint;
            }

            @Override
            public int size() {
                return (int) records;
            }

            @Override
            public int recordLength() {
                return len;
            }

            @Override
            public synchronized void read(int index, float[] inputs, float[] targets, int offset) {
                try {
                    dataset.readFloats("input", index, 1, buf);
                    Values.requireInRange(buf, 0, len, len, index, -Double.MAX_VALUE, Double.MAX_VALUE,
                            dataset.directory().resolve(dataset.column("input").fileName()));
                    System.arraycopy(buf, 0, inputs, offset, len);
                    dataset.readFloats("target", index, 1, buf);
                    Values.requireInRange(buf, 0, len, len, index, -Double.MAX_VALUE, Double.MAX_VALUE,
                            dataset.directory().resolve(dataset.column("target").fileName()));
                    System.arraycopy(buf, 0, targets, offset, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
