package org.densitylab.marginals;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.densitylab.data.ChunkBuffers;
import org.densitylab.data.io.Dataset;

/**
 * Random access to training records (MIO input \(\tilde X\), target ρ) of a marginals dataset
 * ({@link org.densitylab.marginals.MarginalsDataset}), in memory or on disk.
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
        return new TrainingData() {
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
        return new TrainingData() {
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
                    System.arraycopy(buf, 0, inputs, offset, len);
                    dataset.readFloats("target", index, 1, buf);
                    System.arraycopy(buf, 0, targets, offset, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
