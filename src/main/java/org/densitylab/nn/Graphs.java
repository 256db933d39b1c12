package org.densitylab.nn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Atomic checkpoint files for SameDiff graphs: every write goes to {@code NAME.tmp} and is renamed over
 * {@code NAME}, so an interrupted run leaves either the old or the new file, never half of one.
 */
public final class Graphs {
    private Graphs() {
    }

    /**
     * Saves a graph with its updater (optimiser) state, atomically.
     *
     * @param sd   the graph
     * @param file the file
     * @throws IOException if writing fails
     */
    public static void save(SameDiff sd, Path file) throws IOException {
        Path tmp = tmp(file);
        Quiet.call(() -> {
            sd.save(tmp.toFile(), true);
            return null;
        });
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Loads a graph saved by {@link #save}.
     *
     * @param file the file
     * @return the graph, with its updater state
     * @throws IOException if the file is missing or cannot be read, naming it
     */
    public static SameDiff load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("checkpoint file " + file + " is missing");
        }
        Quiet.init();
        try {
            return Quiet.call(() -> SameDiff.load(file.toFile(), true));
        } catch (RuntimeException e) {
            throw new IOException("checkpoint " + file + " cannot be read (corrupt or not a DensityLab model): " + e.getMessage(), e);
        }
    }

    /**
     * Writes a text file atomically (UTF-8).
     *
     * @param file the file
     * @param text its content
     * @throws IOException if writing fails
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = tmp(file);
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path tmp(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }
}
