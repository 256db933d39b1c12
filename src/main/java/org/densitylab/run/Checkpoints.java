package org.densitylab.run;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.densitylab.util.AtomicFiles;

/**
 * A trainer's checkpoint folder. A checkpoint is one file, a zip archive of named entries (the trainer's state and
 * weights, the run's {@link Provenance}, and a list of the entries that closes the file, so that a truncated file
 * is recognised), replaced by one atomic rename: an interruption leaves the previous checkpoint or the next, never a
 * mix of two epochs, and never a partial file under the checkpoint's name.
 *
 * <p>{@code last.ckpt} holds everything a resume needs, including a copy of {@code best.ckpt} (the selected weights);
 * {@code best.ckpt} is exported after it, and re-exported when a folder is opened whose {@code best.ckpt} is missing
 * or older than the copy (an interruption between the two writes). Opening a folder locks it ({@link RunLock}) and
 * compares the saved run's provenance with the caller's, field by field.
 */
public final class Checkpoints implements AutoCloseable {
    /** The checkpoint to resume from. */
    public static final String LAST = "last.ckpt";
    /** The selected weights. */
    public static final String BEST = "best.ckpt";
    /** The entry holding the run's provenance. */
    public static final String PROVENANCE = "provenance.json";
    private static final String BEST_COPY = "best.ckpt";
    private static final String CONTENTS = "contents.txt";
    /** Files of checkpoint folders of earlier versions (two files written one after the other). */
    private static final List<String> LEGACY = List.of("state.json", "last.sd", "best.sd");

    private final Path dir;
    private final RunLock lock;
    private Provenance provenance;
    private final Map<String, byte[]> resumed;
    private byte[] best;

    private Checkpoints(Path dir, RunLock lock, Provenance provenance, Map<String, byte[]> resumed, byte[] best) {
        this.dir = dir;
        this.lock = lock;
        this.provenance = provenance;
        this.resumed = resumed;
        this.best = best;
    }

    /**
     * Opens a checkpoint folder (none: a run that keeps no checkpoints).
     *
     * @param dir        the folder, or null
     * @param provenance the inputs of the run the caller is about to train
     * @return the store; close it to unlock the folder
     * @throws IllegalArgumentException naming every differing input if the folder holds a run with other inputs, or
     *                                  if it holds checkpoints of an earlier version
     * @throws IllegalStateException    if another run writes into the folder
     * @throws IOException              naming the file if a checkpoint is truncated or cannot be read
     */
    public static Checkpoints open(Path dir, Provenance provenance) throws IOException {
        if (dir == null) {
            return new Checkpoints(null, null, provenance, null, null);
        }
        for (String f : LEGACY) {
            if (Files.exists(dir.resolve(f)) && !Files.exists(dir.resolve(LAST))) {
                throw new IllegalArgumentException(dir + " holds checkpoints of an earlier DensityLab (" + f + "), which"
                        + " cannot be resumed safely; delete the folder to train afresh, or choose another one");
            }
        }
        RunLock lock = RunLock.acquire(dir);
        try {
            Path last = dir.resolve(LAST);
            Map<String, byte[]> entries = Files.exists(last) ? read(last) : null;
            Provenance now = provenance;
            byte[] best = null;
            if (entries != null) {
                byte[] p = entries.get(PROVENANCE);
                if (p == null) {
                    throw new IOException("checkpoint " + last + " has no provenance record; delete the folder to train afresh");
                }
                // the fields the caller states are compared (a trainer may open a folder knowing only its model)
                Provenance saved = Provenance.fromJson(new String(p, StandardCharsets.UTF_8), last)
                        .restrictedTo(provenance.fields().keySet());
                provenance.requireCompatible(saved, dir);
                now = provenance.continuing(saved);
                byte[] copy = entries.get(BEST_COPY);
                Path bestFile = dir.resolve(BEST);
                if (copy != null && (!Files.exists(bestFile) || !Arrays.equals(copy, Files.readAllBytes(bestFile)))) {
                    AtomicFiles.write(bestFile, out -> out.write(copy));
                }
                best = copy;
            }
            return new Checkpoints(dir, lock, now, entries, best);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** @return the entries of the checkpoint resumed from, or null for a new run */
    public Map<String, byte[]> resumed() {
        return resumed;
    }

    /**
     * @return the entries of the resumed run's selected checkpoint, or null if there is none
     * @throws IOException if the copy cannot be read
     */
    public Map<String, byte[]> resumedBest() throws IOException {
        return best == null ? null : unzip(best, dir.resolve(BEST));
    }

    /** @return the inputs recorded with the next checkpoint */
    public Provenance provenance() {
        return provenance;
    }

    /**
     * Commits a checkpoint: {@code last.ckpt} in one atomic replacement, then, if the epoch improved the selection,
     * its export {@code best.ckpt}. Without a folder, nothing is written.
     *
     * @param last the trainer's entries for resuming
     * @param best the trainer's entries of the selected weights if this epoch is the new best, else null
     * @throws IOException naming the file if it cannot be written
     */
    public void commit(Map<String, byte[]> last, Map<String, byte[]> best) throws IOException {
        if (dir == null) {
            return;
        }
        if (best != null) {
            this.best = zip(withProvenance(best));
        }
        Map<String, byte[]> entries = withProvenance(last);
        if (this.best != null) {
            entries.put(BEST_COPY, this.best);
        }
        write(dir.resolve(LAST), entries);
        if (best != null) {
            byte[] b = this.best;
            AtomicFiles.write(dir.resolve(BEST), out -> out.write(b));
        }
    }

    private Map<String, byte[]> withProvenance(Map<String, byte[]> entries) {
        Map<String, byte[]> m = new LinkedHashMap<>(entries);
        m.put(PROVENANCE, provenance.toJson().getBytes(StandardCharsets.UTF_8));
        return m;
    }

    /**
     * Writes a checkpoint file atomically.
     *
     * @param file    the file
     * @param entries name → content
     * @throws IOException naming the file if it cannot be written
     */
    public static void write(Path file, Map<String, byte[]> entries) throws IOException {
        byte[] z = zip(entries);
        AtomicFiles.write(file, out -> out.write(z));
    }

    /**
     * Reads a checkpoint file.
     *
     * @param file the file
     * @return name → content
     * @throws IOException naming the file and saying what to do if it is missing, truncated or corrupt
     */
    public static Map<String, byte[]> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("checkpoint " + file + " does not exist");
        }
        return unzip(Files.readAllBytes(file), file);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(1);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(CONTENTS));
            zip.write(String.join("\n", entries.keySet()).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] bytes, Path file) throws IOException {
        int n = bytes.length;
        // a complete zip ends with its end-of-central-directory record (no comment is written)
        if (n < 22 || bytes[n - 22] != 0x50 || bytes[n - 21] != 0x4b || bytes[n - 20] != 5 || bytes[n - 19] != 6) {
            throw corrupt(file, n == 0 ? "empty" : "truncated, or not a DensityLab checkpoint");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = new ByteArrayInputStream(bytes); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw corrupt(file, e instanceof java.io.EOFException ? "truncated" : AtomicFiles.reason(e));
        }
        byte[] contents = entries.remove(CONTENTS);
        if (contents == null) {
            throw corrupt(file, entries.isEmpty() ? "not a DensityLab checkpoint"
                    : "truncated, or written by an earlier DensityLab whose checkpoints cannot be resumed safely");
        }
        for (String name : new String(contents, StandardCharsets.UTF_8).split("\n")) {
            if (!name.isEmpty() && !entries.containsKey(name)) {
                throw corrupt(file, "entry " + name + " is missing");
            }
        }
        return entries;
    }

    private static IOException corrupt(Path file, String why) {
        return new IOException("checkpoint " + file + " is damaged (" + why + "): restore it from a copy, or delete it"
                + " and rerun the training that wrote it");
    }

    /** Unlocks the folder. */
    @Override
    public void close() throws IOException {
        if (lock != null) {
            lock.close();
        }
    }
}
