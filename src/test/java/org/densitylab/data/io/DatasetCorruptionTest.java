package org.densitylab.data.io;

import org.densitylab.QuietTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of damage gives its own error, naming the file and the values. */
class DatasetCorruptionTest extends QuietTest {
    private static final int N = 20;

    @TempDir
    Path tmp;
    private Path dir;

    @BeforeEach
    void writeDataset() throws IOException {
        dir = Fixtures.write(tmp.resolve("ds"), 42, N, 8);
    }

    @Test
    void truncatedColumnFile() throws IOException {
        Path labels = dir.resolve("labels.npy");
        long size = Files.size(labels);
        try (FileChannel ch = FileChannel.open(labels, StandardOpenOption.WRITE)) {
            ch.truncate(size - 4);
        }
        assertOpenFails(labels + " is truncated: it has " + (size - 4) + " bytes but its header and the manifest say "
                + size + " (128 header + 60 data)", "regenerate the dataset");
    }

    @Test
    void flippedByteFailsTheChecksumOfItsColumn() throws IOException {
        DatasetWriterTest.flipByte(dir.resolve("negativity.npy"), 128 + 100);
        assertOpenFails("column 'negativity' is corrupt: the CRC32C of the data in " + dir.resolve("negativity.npy"));
        try (Dataset ds = Dataset.open(dir, false)) {
            assertEquals(N, ds.records());
            DatasetFormatException e = assertThrows(DatasetFormatException.class, ds::verifyChecksums);
            assertTrue(e.getMessage().contains("'negativity'"), e.getMessage());
        }
    }

    @Test
    void manifestShapeInconsistentWithRecords() throws IOException {
        editManifest("[20,2,3,3]", "[20,2,3,4]");
        assertOpenFails("manifest.json: column 'states': field 'shape' is [20, 2, 3, 4] but records (20) and "
                + "record_shape imply [20, 2, 3, 3]");
    }

    @Test
    void manifestShapeDisagreeingWithTheFile() throws IOException {
        editManifest("[20,2,3,3]", "[20,2,9]");
        editManifest("[2,3,3]", "[2,9]");
        editManifest("\"bytes\": 1440", "\"bytes\": 1440"); // 20 * 18 * 4 either way
        assertOpenFails(dir.resolve("states.npy") + " has shape [20, 2, 3, 3] but the manifest says [20, 2, 9]");
    }

    @Test
    void manifestDtypeDisagreeingWithTheFile() throws IOException {
        editManifest("\"dtype\": \"<i4\"", "\"dtype\": \"<f4\"");
        assertOpenFails(dir.resolve("counts.npy") + " holds dtype '<i4' but the manifest says '<f4'");
    }

    @Test
    void missingColumnFile() throws IOException {
        Files.delete(dir.resolve("ids.npy"));
        assertOpenFails("column 'ids': " + dir.resolve("ids.npy") + " is missing");
    }

    @Test
    void garbageManifest() throws IOException {
        Files.writeString(dir.resolve("manifest.json"), "{\"format\": \"densitylab-dataset\", \"records\": 2");
        assertOpenFails(dir.resolve("manifest.json") + " is not valid JSON", "regenerate the dataset");
        Files.writeString(dir.resolve("manifest.json"), "[1, 2, 3]");
        assertOpenFails(dir.resolve("manifest.json") + " is not a JSON object but '[1, 2, 3]'");
    }

    @Test
    void missingManifest() throws IOException {
        Files.delete(dir.resolve("manifest.json"));
        assertOpenFails(dir.resolve("manifest.json") + " is missing");
    }

    @Test
    void missingOrInvalidManifestFields() throws IOException {
        editManifest("\"records\": 20", "\"records\": \"twenty\"");
        assertOpenFails("manifest.json: field 'records' must be an integer, got \"twenty\"");
        editManifest("\"records\": \"twenty\"", "\"records\": 20.5");
        assertOpenFails("field 'records' must be an integer, got 20.5");
        editManifest("\"records\": 20.5,", "");
        assertOpenFails("manifest.json: field 'records' is missing");
    }

    @Test
    void newerFormatVersion() throws IOException {
        editManifest("\"format_version\": 1", "\"format_version\": 2");
        assertOpenFails("has format version 2 but this library", "reads version 1: upgrade DensityLab");
    }

    @Test
    void notADatasetManifest() throws IOException {
        editManifest("\"format\": \"densitylab-dataset\"", "\"format\": \"something-else\"");
        assertOpenFails("field 'format' is 'something-else', expected 'densitylab-dataset'");
    }

    @Test
    void badMagicInColumnFile() throws IOException {
        DatasetWriterTest.flipByte(dir.resolve("states.npy"), 2);
        assertOpenFails(dir.resolve("states.npy") + " is not a .npy file: it starts with bytes 93 4e 45 4d 50 59");
    }

    @Test
    void columnFileLongerThanTheManifestSays() throws IOException {
        try (FileChannel ch = FileChannel.open(dir.resolve("ids.npy"), StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.allocate(8), ch.size());
        }
        assertOpenFails(dir.resolve("ids.npy") + " is too long: it has 296 bytes");
    }

    @Test
    void missingDirectory() {
        assertOpenFailsAt(tmp.resolve("nothing"), "dataset " + tmp.resolve("nothing") + " does not exist");
    }

    private void editManifest(String from, String to) throws IOException {
        Path m = dir.resolve("manifest.json");
        String text = Files.readString(m);
        String compact = text.replaceAll("\\[\\s+", "[").replaceAll(",\\s+(?=[0-9])", ",").replaceAll("\\s+]", "]");
        assertTrue(compact.contains(from), () -> "'" + from + "' not in manifest:\n" + compact);
        Files.writeString(m, compact.replace(from, to));
    }

    private void assertOpenFails(String... parts) {
        assertOpenFailsAt(dir, parts);
    }

    private static void assertOpenFailsAt(Path at, String... parts) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Dataset.open(at).close());
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + p + "' not in: " + e.getMessage());
        }
    }
}
