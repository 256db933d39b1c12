package org.densitylab.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.densitylab.QuietTest;
import org.densitylab.util.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLayerTest extends QuietTest {
    @TempDir
    Path tmp;

    @Test
    void aFailedWriteKeepsThePathAndTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path f = tmp.resolve("results.csv");
        AtomicFiles.writeString(f, "old\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[100]);
            throw new IOException("No space left on device");
        }));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("No space left on device"), e.getMessage());
        assertEquals("old\n", Files.readString(f));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(f), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void writtenFilesAreReadableByOthersUnlessSecret() throws Exception {
        Path f = tmp.resolve("a.txt");
        AtomicFiles.writeString(f, "x");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Path s = tmp.resolve("key.json");
        AtomicFiles.writeSecret(s, "x");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(s)));
        AtomicFiles.appendLine(f, "y");
        assertEquals("x\ny\n", Files.readString(f));
    }

    @Test
    void provenanceNamesEveryDifferingFieldAndAllowsExtensions() throws Exception {
        Provenance old = Provenance.builder().fixed("labels", "verified").fixed("seed", 1).growing("epochs", 2)
                .free("learning-rate", 1e-3).build();
        Provenance longer = Provenance.builder().fixed("labels", "verified").fixed("seed", 1).growing("epochs", 5)
                .free("learning-rate", 1e-4).build();
        assertEquals(List.of(), longer.conflicts(old));
        Provenance continued = longer.continuing(old);
        assertEquals(2, continued.extensions().size());
        assertTrue(continued.extensions().get(0).endsWith("epochs: 2 → 5"), continued.extensions().toString());
        Provenance other = Provenance.builder().fixed("labels", "negativity").fixed("seed", 2).growing("epochs", 1)
                .free("learning-rate", 1e-3).build();
        assertEquals(List.of("labels: verified → negativity", "seed: 1 → 2", "epochs: 2 → 1 (it may only grow)"), other.conflicts(old));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.requireCompatible(old, tmp));
        assertTrue(e.getMessage().contains("labels: verified → negativity") && e.getMessage().contains("rerun with the original"),
                e.getMessage());
        assertEquals(continued.fields(), Provenance.fromJson(continued.toJson(), tmp).fields());
        assertEquals(continued.extensions(), Provenance.fromJson(continued.toJson(), tmp).extensions());
    }

    @Test
    void aRejectedRerunWritesNothingAndACompatibleOneIsLogged() throws Exception {
        Path dir = tmp.resolve("run");
        Provenance p = Provenance.builder().fixed("n", 3).growing("epochs", 1).build();
        RunFolder.open(dir, p, "densitylab x --n 3").close();
        String saved = Files.readString(dir.resolve(RunFolder.PROVENANCE));
        Provenance q = Provenance.builder().fixed("n", 4).growing("epochs", 1).build();
        assertThrows(IllegalArgumentException.class, () -> RunFolder.open(dir, q, "densitylab x --n 4"));
        assertEquals(saved, Files.readString(dir.resolve(RunFolder.PROVENANCE)));
        assertEquals(List.of("densitylab x --n 3"), Files.readAllLines(dir.resolve(RunFolder.COMMANDS)));
        RunFolder.open(dir, Provenance.builder().fixed("n", 3).growing("epochs", 4).build(), "densitylab x --n 3 --epochs 4").close();
        assertEquals(2, Files.readAllLines(dir.resolve(RunFolder.COMMANDS)).size());
        assertTrue(RunFolder.read(dir).extensions().get(0).endsWith("epochs: 1 → 4"));
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheFolder() throws Exception {
        Path dir = tmp.resolve("run");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try (RunLock l = RunLock.acquire(dir)) {
                locked.countDown();
                done.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        locked.await();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RunLock.acquire(dir));
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("in use"), e.getMessage());
        done.countDown();
        first.get();
        RunLock.acquire(dir).close();
    }

    @Test
    void aTruncatedCheckpointIsNamedAndAPartialOneIsNeverPickedUp() throws Exception {
        Path dir = tmp.resolve("ckpt");
        Provenance p = Provenance.builder().fixed("model", "m").growing("epochs", 1).build();
        try (Checkpoints c = Checkpoints.open(dir, p)) {
            assertEquals(null, c.resumed());
            c.commit(Map.of("w", new byte[] {1, 2, 3}), Map.of("w", new byte[] {1, 2, 3}));
            c.commit(Map.of("w", new byte[] {4, 5, 6}), null);
        }
        // an interrupted write leaves a hidden temporary file: it is never read
        byte[] whole = Files.readAllBytes(dir.resolve(Checkpoints.LAST));
        Files.write(dir.resolve("." + Checkpoints.LAST + ".123.tmp"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.delete(dir.resolve(Checkpoints.BEST)); // interrupted between last.ckpt and its export best.ckpt
        try (Checkpoints c = Checkpoints.open(dir, p)) {
            assertEquals(List.of(4, 5, 6), List.of((int) c.resumed().get("w")[0], (int) c.resumed().get("w")[1], (int) c.resumed().get("w")[2]));
            assertEquals(1, c.resumedBest().get("w")[0]);
        }
        assertEquals(1, Checkpoints.read(dir.resolve(Checkpoints.BEST)).get("w")[0], "best.ckpt is exported again");
        Files.write(dir.resolve(Checkpoints.LAST), java.util.Arrays.copyOf(whole, whole.length - 30));
        IOException e = assertThrows(IOException.class, () -> Checkpoints.open(dir, p));
        assertTrue(e.getMessage().contains(dir.resolve(Checkpoints.LAST).toString()) && e.getMessage().contains("delete it"),
                e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        // a checkpoint of other inputs is refused naming the field
        Files.write(dir.resolve(Checkpoints.LAST), whole);
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.open(dir, Provenance.builder().fixed("model", "other").growing("epochs", 1).build()));
        assertTrue(d.getMessage().contains("model: m → other"), d.getMessage());
        assertTrue(new String(whole, StandardCharsets.ISO_8859_1).contains("provenance.json"));
        // a checkpoint that cannot be written keeps its path
        Path other = tmp.resolve("other");
        try (Checkpoints c = Checkpoints.open(other, p)) {
            Files.createDirectories(other.resolve(Checkpoints.LAST).resolve("occupied"));
            IOException w = assertThrows(IOException.class, () -> c.commit(Map.of("w", new byte[1]), null));
            assertTrue(w.getMessage().contains(other.resolve(Checkpoints.LAST).toString()), w.getMessage());
        }
    }
}
