package org.densitylab.data.io;

import org.densitylab.QuietTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing in chunks and reading back: exact values, random access, batches, manifest. */
class DatasetRoundTripTest extends QuietTest {
    private static final int N = 53;

    @TempDir
    Path tmp;

    @Test
    void readsBackExactlyWhatWasWritten() throws IOException {
        Path dir = Fixtures.write(tmp.resolve("ds"), 42, N, 10);
        Chunk all = Fixtures.chunk(0, N);
        try (Dataset ds = Dataset.open(dir)) {
            assertEquals(N, ds.records());
            assertEquals(Fixtures.COLUMNS, ds.columns());
            for (ColumnSpec spec : Fixtures.COLUMNS) {
                NpyArray a = ds.readColumn(spec.name());
                assertArrayEquals(spec.shape(N), a.shape());
                NpyTest.assertSameElements(all.arrays().get(spec.name()), a.data(), spec.name());
            }
        }
    }

    @Test
    void columnFilesAreNumpyFilesOfTheWholeColumn() throws IOException {
        Path dir = Fixtures.write(tmp.resolve("ds"), 42, N, 7);
        NpyArray states = Npy.read(dir.resolve("states.npy"));
        assertArrayEquals(new long[] {N, 2, 3, 3}, states.shape());
        NpyTest.assertSameElements(Fixtures.chunk(0, N).arrays().get("states"), states.floats(), "states");
        // Byte-identical to a single-shot write of the same array, i.e. to numpy.save.
        Path single = tmp.resolve("single.npy");
        Npy.write(single, states);
        assertArrayEquals(Files.readAllBytes(single), Files.readAllBytes(dir.resolve("states.npy")));
    }

    @Test
    void randomAccessOfEveryType() throws IOException {
        Path dir = Fixtures.write(tmp.resolve("ds"), 42, N, 10);
        Chunk part = Fixtures.chunk(17, 5);
        try (Dataset ds = Dataset.open(dir)) {
            float[] f = new float[5 * 18];
            ds.readFloats("states", 17, 5, f);
            NpyTest.assertSameElements(part.arrays().get("states"), f, "states");
            byte[] b = new byte[15];
            ds.readBytes("labels", 17, 5, b);
            assertArrayEquals((byte[]) part.arrays().get("labels"), b);
            double[] d = new double[15];
            ds.readDoubles("negativity", 17, 5, d);
            NpyTest.assertSameElements(part.arrays().get("negativity"), d, "negativity");
            long[] l = new long[5];
            ds.readLongs("ids", 17, 5, l);
            assertArrayEquals((long[]) part.arrays().get("ids"), l);
            int[] i = new int[10];
            ds.readInts("counts", 17, 5, i);
            assertArrayEquals((int[]) part.arrays().get("counts"), i);
            NpyArray last = ds.read("ids", N - 1, 1);
            assertEquals((N - 1) * 1_000_000_007L - 5, last.longs()[0]);

            assertThrows(IndexOutOfBoundsException.class, () -> ds.readLongs("ids", N - 2, 3, new long[3]));
            assertThrows(IndexOutOfBoundsException.class, () -> ds.readLongs("ids", 0, 3, new long[2]));
            IllegalArgumentException wrongType = assertThrows(IllegalArgumentException.class,
                    () -> ds.readFloats("labels", 0, 1, new float[3]));
            assertTrue(wrongType.getMessage().contains("'labels' holds UINT8"), wrongType.getMessage());
            IllegalArgumentException noColumn = assertThrows(IllegalArgumentException.class,
                    () -> ds.column("nope"));
            assertTrue(noColumn.getMessage().contains("no column 'nope'"), noColumn.getMessage());
        }
    }

    @Test
    void manifestRecordsInfoShapesAndChecksums() throws IOException {
        Path dir = Fixtures.write(tmp.resolve("ds"), 42, N, 10);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("manifest.json"))).getAsJsonObject();
        assertEquals("densitylab-dataset", json.get("format").getAsString());
        assertEquals(1, json.get("format_version").getAsInt());
        assertEquals("dev", json.get("library_version").getAsString());
        assertEquals(N, json.get("records").getAsLong());
        assertEquals(42, json.get("seed").getAsLong());
        assertEquals("test", json.getAsJsonObject("recipe").get("generator").getAsString());
        assertEquals("tests", json.getAsJsonObject("metadata").get("purpose").getAsString());
        JsonObject states = json.getAsJsonArray("columns").get(0).getAsJsonObject();
        assertEquals("states.npy", states.get("file").getAsString());
        assertEquals("<f4", states.get("dtype").getAsString());
        assertEquals("[53,2,3,3]", states.get("shape").toString());
        assertEquals("[2,3,3]", states.get("record_shape").toString());
        assertEquals(N * 18 * 4, states.get("bytes").getAsLong());

        try (Dataset ds = Dataset.open(dir)) {
            Manifest m = ds.manifest();
            assertEquals(Fixtures.info(42), m.info());
            assertEquals(128, m.columns().get(0).dataOffset());
            byte[] file = Files.readAllBytes(dir.resolve("states.npy"));
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(file, 128, file.length - 128);
            assertEquals(crc.getValue(), m.columns().get(0).crc32c());
        }
        assertEquals(List.of("manifest.json", "counts.npy", "ids.npy", "labels.npy", "negativity.npy", "states.npy")
                .stream().sorted().toList(), listing(dir));
        assertTrue(Files.notExists(DatasetWriter.partialDirectory(dir)));
    }

    @Test
    void emptyDatasetRoundTrips() throws IOException {
        Path dir = Fixtures.write(tmp.resolve("empty"), 1, 0, 10);
        try (Dataset ds = Dataset.open(dir)) {
            assertEquals(0, ds.records());
            assertEquals(0, ds.readColumn("states").length());
            assertEquals(0, ds.batches(4).count());
            assertTrue(!ds.batches(4).iterator().hasNext());
        }
    }

    @Test
    void sequentialBatchesCoverEveryRecordOnceInOrder() throws IOException {
        Path dir = Fixtures.write(tmp.resolve("ds"), 42, N, 10);
        try (Dataset ds = Dataset.open(dir)) {
            List<Long> seen = new ArrayList<>();
            for (Batch b : ds.batches(8)) {
                assertTrue(b.size() == 8 || seen.size() == 48, "only the last batch is short");
                checkBatchValues(b);
                for (long i : b.indices()) {
                    seen.add(i);
                }
            }
            assertEquals(range(N), seen);
            assertEquals(7, ds.batches(8).count());
            assertEquals(6, ds.batches(8).dropLast().count());
            long dropped = 0;
            for (Batch b : ds.batches(8).dropLast()) {
                assertEquals(8, b.size());
                dropped += b.size();
            }
            assertEquals(48, dropped);
        }
    }

    @Test
    void shuffledRecordsArePermutationDeterministicForSeed() throws IOException {
        Path dir = Fixtures.write(tmp.resolve("ds"), 42, N, 10);
        try (Dataset ds = Dataset.open(dir)) {
            List<Long> first = order(ds.batches(8).shuffleRecords(new Random(3)).columns("states", "ids"));
            List<Long> again = order(ds.batches(8).shuffleRecords(new Random(3)).columns("states", "ids"));
            List<Long> other = order(ds.batches(8).shuffleRecords(new Random(4)).columns("states", "ids"));
            assertEquals(first, again);
            assertNotEquals(first, other);
            assertNotEquals(range(N), first);
            List<Long> sorted = new ArrayList<>(first);
            sorted.sort(null);
            assertEquals(range(N), sorted);

            Batches epochs = ds.batches(8).shuffleRecords(new Random(3));
            assertEquals(first, order(epochs));
            assertNotEquals(first, order(epochs), "each pass draws a new order");

            Batch b = ds.batches(8).columns("ids").iterator().next();
            assertThrows(IllegalArgumentException.class, () -> b.column("states"));
        }
    }

    @Test
    void shuffledBatchesKeepRecordsConsecutive() throws IOException {
        Path dir = Fixtures.write(tmp.resolve("ds"), 42, N, 10);
        try (Dataset ds = Dataset.open(dir)) {
            List<Long> order = order(ds.batches(8).shuffleBatches(new Random(5)));
            assertEquals(order, order(ds.batches(8).shuffleBatches(new Random(5))));
            List<Long> sorted = new ArrayList<>(order);
            sorted.sort(null);
            assertEquals(range(N), sorted);
            assertNotEquals(range(N), order);
            for (Batch b : ds.batches(8).shuffleBatches(new Random(5))) {
                assertEquals(0, b.index(0) % 8);
                for (int i = 1; i < b.size(); i++) {
                    assertEquals(b.index(0) + i, b.index(i));
                }
            }
        }
    }

    /** Every batch record holds the values of the dataset record it claims to be. */
    private static List<Long> order(Batches batches) {
        List<Long> seen = new ArrayList<>();
        for (Batch b : batches) {
            checkBatchValues(b);
            for (long i : b.indices()) {
                seen.add(i);
            }
        }
        return seen;
    }

    private static void checkBatchValues(Batch b) {
        float[] states = b.column("states").floats();
        long[] ids = b.column("ids").longs();
        assertArrayEquals(new long[] {b.size(), 2, 3, 3}, b.column("states").shape());
        for (int i = 0; i < b.size(); i++) {
            assertEquals(b.index(i) * 1_000_000_007L - 5, ids[i]);
            assertEquals(Fixtures.state(b.index(i), 5), states[i * 18 + 5]);
        }
    }

    private static List<Long> range(long n) {
        List<Long> r = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            r.add(i);
        }
        return r;
    }

    static List<String> listing(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void chunkMistakesAreRejectedBeforeWriting() throws IOException {
        try (DatasetWriter w = DatasetWriter.create(tmp.resolve("ds"), Fixtures.info(1), Fixtures.COLUMNS)) {
            Chunk good = Fixtures.chunk(0, 2);
            Chunk missing = Chunk.of(2).with("states", good.arrays().get("states"));
            assertMessage(() -> w.append(missing), "no array for column 'labels'");
            Chunk shortStates = Chunk.of(3);
            for (var e : good.arrays().entrySet()) {
                shortStates = shortStates.with(e.getKey(), e.getValue());
            }
            Chunk wrongLength = shortStates;
            assertMessage(() -> w.append(wrongLength), "column 'states': 3 records of shape [2, 3, 3] need 54 "
                    + "elements but the chunk's array has 36");
            Chunk wrongType = Chunk.of(2).with("states", new double[36]);
            assertMessage(() -> w.append(wrongType), "column 'states' holds FLOAT32 but the chunk's array is FLOAT64");
            Chunk extra = good.with("bogus", new int[2]);
            assertMessage(() -> w.append(extra), "'bogus', which is not a column");
            assertEquals(0, w.recordsWritten());
            w.append(good);
            assertEquals(2, w.recordsWritten());
        }
        assertThrows(IllegalArgumentException.class, () -> ColumnSpec.of("../evil", DType.UINT8));
        assertThrows(IllegalArgumentException.class, () -> DatasetWriter.create(tmp.resolve("x"),
                Fixtures.info(1), List.of(Fixtures.IDS, Fixtures.IDS)));
        assertThrows(IllegalArgumentException.class, () -> DatasetInfo.of("x", Arrays.asList(1, 2), 1));
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), () -> "'" + part + "' not in: " + e.getMessage());
    }
}
