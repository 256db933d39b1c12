package org.densitylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.densitylab.QuietTest;
import org.densitylab.data.io.DatasetInfo;
import org.densitylab.data.io.DatasetWriter;
import org.densitylab.entanglement.EntanglementDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defects of issue 14 found by probing the command line as a hostile user, each reproduced. */
class HostileUserTest extends QuietTest {
    @TempDir
    Path tmp;

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private int train(Path dir, String... extra) throws Exception {
        return MarginalsCommand.train(MarginalsCommandTest.arguments(List.of("--n", "3", "--scale", "1", "--samples", "40",
                "--batch", "20", "--validation", "0", "--lr", "1e-3", "--epochs", "1", "--eval-samples", "0",
                "--out", dir.toString()), extra), out);
    }

    private static boolean empty(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return true;
        }
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    @Test
    void aRejectedFirstInvocationLeavesNothingAndTheCorrectedOneRuns() throws Exception {
        Path dir = tmp.resolve("run");
        String[][] bad = {{"--k", "3"}, {"--n", "1"}, {"--samples", "abc"}, {"--samples", "0"},
            {"--transfer-from", tmp.resolve("missing").toString()}, {"--trace-term", "yes"}, {"--epochs", "-2"},
            {"--model", "model3"}, {"--freeze", "encoder"}};
        String[] expected = {"--k: 3 is out of range", "--n: 1", "--samples: 'abc' is not a whole number; give e.g. --samples",
            "--samples: 0 is too small", "does not exist", "--trace-term: 'yes' is neither true nor false",
            "--epochs: -2 is too small", "--model: 'model3' is not one of model1, model2", "needs --transfer-from"};
        for (int i = 0; i < bad.length; i++) {
            String[] b = bad[i];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> train(dir, b), String.join(" ", b));
            assertTrue(e.getMessage().contains(expected[i]), e.getMessage());
            assertFalse(e.getMessage().matches(".*(java\\.|Exception|NumberFormat).*"), e.getMessage());
            assertTrue(empty(dir), "nothing written after " + String.join(" ", b));
        }
        assertEquals(0, train(dir));
        assertTrue(Files.isRegularFile(dir.resolve("last.ckpt")));
        assertEquals(1, Files.readAllLines(dir.resolve("command.txt")).size());
        // the files a run writes are readable by others, like the datasets
        for (String f : List.of("last.ckpt", "command.txt", "provenance.json", "history.csv")) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve(f))), f);
        }
    }

    @Test
    void aSecondWriterOnOneOutIsRefused() throws Exception {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir);
        // another process holding the run's lock
        try (FileChannel ch = FileChannel.open(dir.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                var lock = ch.lock()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> train(dir));
            assertTrue(e.getMessage().contains("is in use") && e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
        }
        assertEquals(0, train(dir));
    }

    @Test
    void aTruncatedCheckpointInMarginalsEvalNamesTheFileAndSaysWhatToDo() throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, train(dir));
        Path last = dir.resolve("last.ckpt");
        byte[] b = Files.readAllBytes(last);
        Files.write(last, java.util.Arrays.copyOf(b, b.length / 2));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> MarginalsCommand.eval(List.of("--models",
                "a=" + last, "--n", "3", "--k", "2", "--samples", "2", "--out", tmp.resolve("eval").toString()), out));
        assertTrue(e.getMessage().contains(last.toString()) && e.getMessage().contains("delete it and rerun"), e.getMessage());
        assertFalse(e.getMessage().contains("ZLIB"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("eval").resolve("results.csv")));
    }

    @Test
    void aCheckpointThatCannotBeWrittenKeepsItsPath() throws Exception {
        Path dir = tmp.resolve("run");
        Files.createDirectories(dir.resolve("history.csv").resolve("occupied"));
        Exception e = assertThrows(Exception.class, () -> train(dir));
        assertTrue(e.getMessage().contains(dir.resolve("history.csv").toString()), e.getMessage());
        assertFalse(Main.message(e).contains("Exception"), Main.message(e));
    }

    @Test
    void anImpossibleRecipeFailsBeforeAnyFileAndInfoDoesNotAdviseResumingIt() throws Exception {
        Path dir = tmp.resolve("h4");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetCommand.run(List.of("test-horodecki", "--qubits", "4", "--scale", "0.001", "--out", dir.toString())));
        assertTrue(e.getMessage().contains("--qubits 3"), e.getMessage());
        assertFalse(Files.exists(DatasetWriter.partialDirectory(dir)), "no .partial left");
        // a partial left by an earlier version for that recipe
        var recipe = new java.util.LinkedHashMap<String, Object>();
        recipe.put("recipe", "test-horodecki");
        recipe.put("qubits", 4);
        recipe.put("variant", "PAPER");
        recipe.put("scale", 0.001);
        DatasetWriter.create(dir, DatasetInfo.of("test-horodecki", recipe, 1), EntanglementDataset.columns(4)).close();
        IllegalArgumentException info = assertThrows(IllegalArgumentException.class,
                () -> DatasetCommand.info(List.of(dir.toString()), out));
        assertTrue(info.getMessage().contains("cannot be resumed") && info.getMessage().contains("delete"), info.getMessage());
        assertFalse(info.getMessage().contains("run the same"), info.getMessage());
    }

    @Test
    void messagesCarryNoClassNamesOrDoubleWrapping() {
        Exception wrapped = new IllegalArgumentException(new IllegalArgumentException("--k: 3 is out of range"));
        assertEquals("--k: 3 is out of range", Main.message(wrapped));
        assertEquals("no such file or folder /x/y", Main.message(new java.nio.file.NoSuchFileException("/x/y")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentCommand.run(List.of("--out", tmp.resolve("o").toString(), "--labels", "negativty")));
        assertEquals("--labels: 'negativty' is not one of verified, negativity", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentCommand.run(List.of("--out", tmp.resolve("o").toString(), "--epochs", "x")));
        assertTrue(e.getMessage().startsWith("--epochs: 'x' is not a whole number"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("o")));
    }
}
