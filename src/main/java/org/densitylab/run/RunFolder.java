package org.densitylab.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.densitylab.util.AtomicFiles;

/**
 * An experiment's output folder, open for writing: locked against a second writer ({@link RunLock}), with the
 * run's inputs in {@code provenance.json} (compared with a rerun's, field by field) and every invocation in
 * {@code command.txt}. Open it only after every option has been validated.
 *
 * <pre>{@code
 * try (RunFolder run = RunFolder.open(out, provenance, "densitylab marginals-train --n 3 ...")) {
 *     ... train, evaluate, write results into run.dir() ...
 * }
 * }</pre>
 */
public final class RunFolder implements AutoCloseable {
    /** The record of the run's inputs. */
    public static final String PROVENANCE = "provenance.json";
    /** The log of invocations, one line each. */
    public static final String COMMANDS = "command.txt";
    /** Files that show a folder holds a run (of any version). */
    private static final List<String> RUN_FILES = List.of("last.ckpt", "checkpoints", "results.csv", "settings.properties",
            "state.json");

    private final Path dir;
    private final RunLock lock;
    private final Provenance provenance;

    private RunFolder(Path dir, RunLock lock, Provenance provenance) {
        this.dir = dir;
        this.lock = lock;
        this.provenance = provenance;
    }

    /**
     * Opens (creating) a run folder: locks it, refuses it if it holds a run with other inputs, records the inputs
     * (with the extensions of a continued run) and appends the command line.
     *
     * @param dir        the folder
     * @param provenance the run's inputs
     * @param command    the invocation to log, or null
     * @return the open folder; close it to unlock
     * @throws IllegalArgumentException naming each differing input if the folder holds another run
     * @throws IllegalStateException    if another run writes into the folder
     * @throws IOException              naming the file if the folder cannot be written
     */
    public static RunFolder open(Path dir, Provenance provenance, String command) throws IOException {
        RunLock lock = RunLock.acquire(dir);
        try {
            Provenance saved = read(dir);
            provenance.requireCompatible(saved, dir);
            Provenance now = provenance.continuing(saved);
            if (saved == null || !now.toJson().equals(saved.toJson())) {
                AtomicFiles.writeString(dir.resolve(PROVENANCE), now.toJson());
            }
            if (command != null) {
                AtomicFiles.appendLine(dir.resolve(COMMANDS), command);
            }
            return new RunFolder(dir, lock, now);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * The inputs recorded in a run folder.
     *
     * @param dir the folder
     * @return its provenance, or null if it holds no run
     * @throws IllegalArgumentException if it holds a run without a provenance record (an older version's)
     * @throws IOException              if the record cannot be read
     */
    public static Provenance read(Path dir) throws IOException {
        Path file = dir.resolve(PROVENANCE);
        if (!Files.exists(file)) {
            for (String f : RUN_FILES) {
                if (Files.exists(dir.resolve(f))) {
                    throw new IllegalArgumentException(dir + " holds a run (" + f + ") without " + PROVENANCE
                            + ", written by another program or an older DensityLab, so it cannot be resumed safely;"
                            + " choose another output folder, or delete this one to start afresh");
                }
            }
            return null;
        }
        return Provenance.fromJson(Files.readString(file, StandardCharsets.UTF_8), file);
    }

    /** @return the folder */
    public Path dir() {
        return dir;
    }

    /** @return the inputs recorded for this run */
    public Provenance provenance() {
        return provenance;
    }

    /** Unlocks the folder. */
    @Override
    public void close() throws IOException {
        lock.close();
    }
}
