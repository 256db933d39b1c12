package org.densitylab.data.io;

import org.densitylab.QuietTest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the usage example of package-info.java, and checks that the documentation shows this very code. */
class PackageExampleTest extends QuietTest {
    @TempDir
    Path tmp;

    @Test
    void exampleRuns() throws IOException {
        Path dir = tmp.resolve("demo");
        long batches = 0;
        // BEGIN EXAMPLE
        record Recipe(String generator, int qubits) {}
        ColumnSpec states = ColumnSpec.of("states", DType.FLOAT32, 2, 4, 4);
        ColumnSpec labels = ColumnSpec.of("labels", DType.UINT8, 3);
        DatasetInfo info = DatasetInfo.of("demo", new Recipe("random", 2), 42)
                .withConventions(Map.of("qubitOrder", "qubit 0 is the most significant bit"));
        try (DatasetWriter w = DatasetWriter.resume(dir, info, List.of(states, labels))) {
            for (long i = w.recordsWritten(); i < 1000; i += 100) {     // restarts where an interrupted run stopped
                w.append(Chunk.of(100).with("states", new float[100 * 32]).with("labels", new byte[100 * 3]));
            }
            w.commit();                                                 // demo/ appears, complete
        }
        try (Dataset ds = Dataset.open(dir)) {                          // checks sizes, headers and CRC32Cs
            for (Batch b : ds.batches(64).shuffleRecords(new Random(7))) {
                float[] x = b.column("states").floats();                // [b.size(), 2, 4, 4]
                byte[] y = b.column("labels").bytes();                  // [b.size(), 3]
        // END EXAMPLE
                assertEquals(b.size() * 32, x.length);
                assertEquals(b.size() * 3, y.length);
                batches++;
            }
            assertEquals(1000, ds.records());
            assertEquals(2, ds.info().recipe().get("qubits").getAsInt());
        }
        assertEquals(16, batches);
    }

    @Test
    void documentationShowsTheTestedCode() throws IOException {
        String test = Files.readString(Path.of("src/test/java/org/densitylab/data/io/PackageExampleTest.java"));
        String tested = test.substring(test.indexOf("// BEGIN EXAMPLE\n") + 17, test.indexOf("        // END EXAMPLE"));
        String doc = Files.readAllLines(Path.of("src/main/java/org/densitylab/data/io/package-info.java")).stream()
                .map(line -> line.replaceFirst("^ \\* ?", ""))
                .collect(Collectors.joining("\n"));
        assertTrue(tested.contains("DatasetWriter.resume") && tested.contains("shuffleRecords"), tested);
        String normalizedTest = tested.lines().map(String::strip).collect(Collectors.joining("\n"));
        String normalizedDoc = doc.lines().map(String::strip).collect(Collectors.joining("\n"));
        assertTrue(normalizedDoc.contains(normalizedTest), "package-info.java's example differs from:\n" + tested);
    }
}
