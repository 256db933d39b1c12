package org.densitylab.data.io;

import org.densitylab.QuietTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic appearance, interruption and resume. */
class DatasetWriterTest extends QuietTest {
    private static final int N = 53;
    private static final int CHUNK = 10;

    @TempDir
    Path tmp;

    @Test
    void exceptionMidRunLeavesNoDatasetButAResumableRun() throws IOException {
        Path dir = tmp.resolve("ds");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
            try (DatasetWriter w = DatasetWriter.create(dir, Fixtures.info(42), Fixtures.COLUMNS)) {
                w.append(Fixtures.chunk(0, CHUNK));
                throw new IllegalStateException("generator failed");
            }
        });
        assertEquals("generator failed", e.getMessage());
        assertTrue(Files.notExists(dir));
        assertTrue(Files.isDirectory(DatasetWriter.partialDirectory(dir)));

        DatasetFormatException notThere = assertThrows(DatasetFormatException.class, () -> Dataset.open(dir));
        assertTrue(notThere.getMessage().contains("ds.partial does: its generation was interrupted"),
                notThere.getMessage());

        FileAlreadyExistsException again = assertThrows(FileAlreadyExistsException.class,
                () -> DatasetWriter.create(dir, Fixtures.info(42), Fixtures.COLUMNS));
        assertTrue(again.getMessage().contains("DatasetWriter.resume"), again.getMessage());

        try (DatasetWriter w = DatasetWriter.resume(dir, Fixtures.info(42), Fixtures.COLUMNS)) {
            assertEquals(CHUNK, w.recordsWritten());
            w.discard();
        }
        assertTrue(Files.notExists(DatasetWriter.partialDirectory(dir)));
    }

    @Test
    void resumedRunIsByteIdenticalToUninterruptedRun() throws IOException {
        Path reference = Fixtures.write(tmp.resolve("reference"), 42, N, CHUNK);

        Path dir = tmp.resolve("ds");
        DatasetWriter crashed = DatasetWriter.create(dir, Fixtures.info(42), Fixtures.COLUMNS);
        for (int k = 0; k < 3; k++) {
            crashed.append(Fixtures.chunk(k * CHUNK, CHUNK));
        }
        // The process dies while writing the 4th chunk: bytes beyond the checkpoint (more than the rest of
        // the run will overwrite), never closed.
        Path partial = DatasetWriter.partialDirectory(dir);
        try (FileChannel ch = FileChannel.open(partial.resolve("states.npy"), StandardOpenOption.WRITE)) {
            byte[] junk = new byte[10_000];
            java.util.Arrays.fill(junk, (byte) 0x55);
            ch.write(ByteBuffer.wrap(junk), ch.size());
        }

        try (DatasetWriter w = DatasetWriter.resume(dir, Fixtures.info(42), Fixtures.COLUMNS)) {
            assertEquals(3 * CHUNK, w.recordsWritten());
            Fixtures.appendUpTo(w, N, CHUNK);
            w.commit();
        }
        crashed.close();

        for (ColumnSpec c : Fixtures.COLUMNS) {
            assertArrayEquals(Files.readAllBytes(reference.resolve(c.fileName())),
                    Files.readAllBytes(dir.resolve(c.fileName())), c.fileName());
        }
        assertEquals(withoutCreated(reference), withoutCreated(dir));
        assertEquals(DatasetRoundTripTest.listing(reference), DatasetRoundTripTest.listing(dir));
        Dataset.open(dir).close();
    }

    @Test
    void resumeStartsAfreshWithoutAnInterruptedRun() throws IOException {
        Path dir = tmp.resolve("ds");
        try (DatasetWriter w = DatasetWriter.resume(dir, Fixtures.info(42), Fixtures.COLUMNS)) {
            assertEquals(0, w.recordsWritten());
            Fixtures.appendUpTo(w, N, CHUNK);
            w.commit();
        }
        assertEquals(withoutCreated(Fixtures.write(tmp.resolve("reference"), 42, N, CHUNK)), withoutCreated(dir));
    }

    @Test
    void resumeWithAnotherSeedRecipeOrColumnsIsRefused() throws IOException {
        Path dir = tmp.resolve("ds");
        try (DatasetWriter w = DatasetWriter.create(dir, Fixtures.info(42), Fixtures.COLUMNS)) {
            w.append(Fixtures.chunk(0, CHUNK));
        }
        assertRefused(dir, Fixtures.info(43), Fixtures.COLUMNS, "its seed is 42 but the caller's is 43");
        DatasetInfo otherRecipe = DatasetInfo.of("fixture", new Fixtures.Recipe("test", 3, 5e-5), 42)
                .withConventions(Fixtures.info(42).conventions());
        assertRefused(dir, otherRecipe, Fixtures.COLUMNS, "its recipe has qubits = 2 but the caller's has 3");
        assertRefused(dir, Fixtures.info(42), List.of(Fixtures.STATES, Fixtures.LABELS),
                "its columns are [states <f4 [2, 3, 3], labels |u1 [3], negativity");
        // Metadata is not part of the run's identity.
        try (DatasetWriter w = DatasetWriter.resume(dir, Fixtures.info(42).withMetadata(new JsonObject()),
                Fixtures.COLUMNS)) {
            assertEquals(CHUNK, w.recordsWritten());
        }
    }

    private static void assertRefused(Path dir, DatasetInfo info, List<ColumnSpec> columns, String part) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetWriter.resume(dir, info, columns));
        assertTrue(e.getMessage().contains(part), () -> "'" + part + "' not in: " + e.getMessage());
        assertTrue(e.getMessage().contains("cannot resume"), e.getMessage());
        assertTrue(e.getMessage().contains("to start over"), e.getMessage());
    }

    @Test
    void resumeDetectsCorruptionBeforeTheCheckpoint() throws IOException {
        Path dir = tmp.resolve("ds");
        try (DatasetWriter w = DatasetWriter.create(dir, Fixtures.info(42), Fixtures.COLUMNS)) {
            w.append(Fixtures.chunk(0, CHUNK));
        }
        Path labels = DatasetWriter.partialDirectory(dir).resolve("labels.npy");
        flipByte(labels, 128 + 5);
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> DatasetWriter.resume(dir, Fixtures.info(42), Fixtures.COLUMNS));
        assertTrue(e.getMessage().contains("CRC32C of the first 10 records of " + labels), e.getMessage());
    }

    @Test
    void crashBetweenCheckpointRemovalAndRenameIsRecovered() throws IOException {
        Path done = Fixtures.write(tmp.resolve("done"), 42, N, CHUNK);
        Path dir = tmp.resolve("ds");
        Files.move(done, DatasetWriter.partialDirectory(dir)); // as if the final rename never happened
        try (DatasetWriter w = DatasetWriter.resume(dir, Fixtures.info(42), Fixtures.COLUMNS)) {
            assertEquals(N, w.recordsWritten());
            w.commit();
        }
        try (Dataset ds = Dataset.open(dir)) {
            assertEquals(N, ds.records());
        }
    }

    @Test
    void existingDatasetIsKeptUnlessReplacing() throws IOException {
        Path dir = Fixtures.write(tmp.resolve("ds"), 42, N, CHUNK);
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> DatasetWriter.create(dir, Fixtures.info(7), Fixtures.COLUMNS));
        assertTrue(e.getMessage().contains("REPLACE_EXISTING"), e.getMessage());

        try (DatasetWriter w = DatasetWriter.create(dir, Fixtures.info(7), Fixtures.COLUMNS,
                DatasetWriter.Option.REPLACE_EXISTING)) {
            Fixtures.appendUpTo(w, 5, CHUNK);
            try (Dataset old = Dataset.open(dir)) {
                assertEquals(N, old.records(), "the old dataset stays readable until commit");
            }
            w.commit();
        }
        try (Dataset ds = Dataset.open(dir)) {
            assertEquals(5, ds.records());
            assertEquals(7, ds.info().seed());
        }
        assertEquals(List.of("ds"), DatasetRoundTripTest.listing(tmp));
    }

    @Test
    void writerRefusesUseAfterCommit() throws IOException {
        DatasetWriter w = DatasetWriter.create(tmp.resolve("ds"), Fixtures.info(42), Fixtures.COLUMNS);
        w.commit();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.append(Fixtures.chunk(0, 1)));
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    }

    static void flipByte(Path file, long position) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, position);
            b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
            ch.write(b, position);
        }
    }

    private static JsonObject withoutCreated(Path dir) throws IOException {
        JsonObject m = JsonParser.parseString(Files.readString(dir.resolve("manifest.json"))).getAsJsonObject();
        m.remove("created");
        return m;
    }
}
