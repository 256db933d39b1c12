package org.densitylab.data.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small dataset of all five types whose values are a function of the record index, like a generator's. */
final class Fixtures {
    static final ColumnSpec STATES = ColumnSpec.of("states", DType.FLOAT32, 2, 3, 3);
    static final ColumnSpec LABELS = ColumnSpec.of("labels", DType.UINT8, 3);
    static final ColumnSpec NEGATIVITY = ColumnSpec.of("negativity", DType.FLOAT64, 3);
    static final ColumnSpec IDS = ColumnSpec.of("ids", DType.INT64);
    static final ColumnSpec COUNTS = ColumnSpec.of("counts", DType.INT32, 2);
    static final List<ColumnSpec> COLUMNS = List.of(STATES, LABELS, NEGATIVITY, IDS, COUNTS);

    /** The recipe of the fixture dataset. */
    record Recipe(String generator, int qubits, double threshold) {
    }

    private Fixtures() {
    }

    static DatasetInfo info(long seed) {
        return DatasetInfo.of("fixture", new Recipe("test", 2, 5e-5), seed)
                .withConventions(Map.of("qubitOrder", "qubit 0 is the most significant bit"))
                .withMetadata(Map.of("purpose", "tests"));
    }

    static float state(long record, int j) {
        return (float) (Math.sin(record * 0.37 + j) / 3);
    }

    /** Records {@code [start, start + k)}. */
    static Chunk chunk(long start, int k) {
        float[] states = new float[k * STATES.recordElements()];
        byte[] labels = new byte[k * 3];
        double[] negativity = new double[k * 3];
        long[] ids = new long[k];
        int[] counts = new int[k * 2];
        for (int r = 0; r < k; r++) {
            long i = start + r;
            for (int j = 0; j < STATES.recordElements(); j++) {
                states[r * STATES.recordElements() + j] = state(i, j);
            }
            for (int j = 0; j < 3; j++) {
                labels[r * 3 + j] = (byte) (i * 7 + j * 100);
                negativity[r * 3 + j] = Math.PI * i / (j + 1);
            }
            ids[r] = i * 1_000_000_007L - 5;
            counts[r * 2] = (int) i;
            counts[r * 2 + 1] = -(int) i;
        }
        return Chunk.of(k).with("states", states).with("labels", labels).with("negativity", negativity)
                .with("ids", ids).with("counts", counts);
    }

    /** Writes {@code n} records in chunks of {@code chunk} and commits. */
    static Path write(Path dir, long seed, long n, int chunk) throws IOException {
        try (DatasetWriter w = DatasetWriter.create(dir, info(seed), COLUMNS)) {
            appendUpTo(w, n, chunk);
            return w.commit();
        }
    }

    static void appendUpTo(DatasetWriter w, long n, int chunk) throws IOException {
        for (long i = w.recordsWritten(); i < n; i += chunk) {
            w.append(chunk(i, (int) Math.min(chunk, n - i)));
        }
    }
}
