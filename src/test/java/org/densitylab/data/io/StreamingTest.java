package org.densitylab.data.io;

import org.densitylab.QuietTest;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset of a few MB, larger than the 1 MB transfer block, written and read in pieces. */
class StreamingTest extends QuietTest {
    private static final int RECORDS = 2_100;
    private static final ColumnSpec BIG = ColumnSpec.of("states", DType.FLOAT32, 2, 16, 16); // 2 KiB a record

    @TempDir
    Path tmp;

    private static float value(long record, int j) {
        return record * 1000f + j;
    }

    @Test
    void writesAndReadsInPieces() throws IOException {
        Path dir = tmp.resolve("big");
        JsonObject recipe = new JsonObject();
        recipe.addProperty("generator", "ramp");
        int per = BIG.recordElements();
        try (DatasetWriter w = DatasetWriter.create(dir, DatasetInfo.of("big", recipe, 0), List.of(BIG))) {
            int chunk = 700; // 1.4 MB: crosses transfer blocks
            for (long i = 0; i < RECORDS; i += chunk) {
                float[] a = new float[chunk * per];
                for (int r = 0; r < chunk; r++) {
                    for (int j = 0; j < per; j++) {
                        a[r * per + j] = value(i + r, j);
                    }
                }
                w.append(Chunk.of(chunk).with("states", a));
            }
            w.commit();
        }
        assertEquals(128 + (long) RECORDS * per * 4, Files.size(dir.resolve("states.npy")));

        try (Dataset ds = Dataset.open(dir)) {
            long seen = 0;
            for (Batch b : ds.batches(600).shuffleBatches(new Random(1))) {
                float[] x = b.column("states").floats();
                for (int r = 0; r < b.size(); r++) {
                    assertEquals(value(b.index(r), 0), x[r * per]);
                    assertEquals(value(b.index(r), per - 1), x[r * per + per - 1]);
                }
                seen += b.size();
            }
            assertEquals(RECORDS, seen);
            float[] whole = ds.readColumn("states").floats();
            assertEquals(value(RECORDS - 1, per - 1), whole[whole.length - 1]);
        }
    }
}
