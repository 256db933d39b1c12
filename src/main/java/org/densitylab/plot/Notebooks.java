package org.densitylab.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * What every notebook needs from its surroundings, in one place (loaded by {@code notebooks/utils/densitylab.jsh}):
 * the quick-mode switch, the folder of its results, the committed full-data results, and figures saved as PNG and
 * returned as images (rendered as PNG by our kernel and by stock IJava alike).
 */
public final class Notebooks {
    /** Environment variable that switches the notebooks to their small, fast configuration (CI, Binder). */
    public static final String QUICK_ENV = "DENSITYLAB_QUICK";
    /** Environment variable that moves the notebooks' results folder (default {@code ../results/local/notebooks}). */
    public static final String RESULTS_ENV = "DENSITYLAB_RESULTS";

    private Notebooks() {
    }

    /**
     * @return whether {@value #QUICK_ENV} is 1, true or yes (any case)
     */
    public static boolean quick() {
        return Set.of("1", "true", "yes").contains(System.getenv().getOrDefault(QUICK_ENV, "0").toLowerCase(Locale.ROOT));
    }

    /**
     * The folder of one notebook's own results, created if missing.
     *
     * @param notebook the notebook's name, e.g. "10-entanglement-cnn"
     * @return {@code $DENSITYLAB_RESULTS/notebook}, by default {@code ../results/local/notebooks/notebook}
     */
    public static Path results(String notebook) {
        Path dir = Path.of(System.getenv().getOrDefault(RESULTS_ENV, "../results/local/notebooks"), notebook);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the results folder " + dir + " (set " + RESULTS_ENV
                    + " to a writable folder): " + e.getMessage(), e);
        }
        return dir;
    }

    /**
     * The committed full-data results of a paper, next to the notebooks.
     *
     * @param paper "entanglement" or "marginals"
     * @return {@code ../results/paper} (it may be missing in a partial checkout)
     */
    public static Path committed(String paper) {
        return Path.of("..", "results", paper);
    }

    /**
     * Saves a figure as PNG and returns it as an image to show.
     *
     * @param chart the figure
     * @param png   where to save it
     * @return the image
     */
    public static BufferedImage figure(Chart<?, ?> chart, Path png) {
        try {
            HouseStyle.savePng(chart, png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * A figure as an image, without saving it.
     *
     * @param chart the figure
     * @return the image
     */
    public static BufferedImage figure(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Writes a table as CSV atomically and returns it, to show.
     *
     * @param table the table
     * @param csv   the file
     * @return the table
     */
    public static Table saved(Table table, Path csv) {
        try {
            org.densitylab.util.AtomicFiles.write(csv, os -> table.write().csv(os));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
        }
        return table;
    }

    /**
     * Every committed run folder under a results folder whose name contains a text and that holds a file.
     *
     * @param root     e.g. {@link #committed}("marginals")
     * @param contains part of the folder name, e.g. "fig2"
     * @param file     the file each run must hold, e.g. "results.csv"
     * @return the files, sorted by folder name; empty if there is none
     */
    public static List<Path> runs(Path root, String contains, String file) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (var dirs = Files.list(root)) {
            for (Path d : dirs.sorted().toList()) {
                if (d.getFileName().toString().contains(contains) && Files.isRegularFile(d.resolve(file))) {
                    out.add(d.resolve(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The tables of {@link #runs}, each named after its folder.
     *
     * @param root     a results folder
     * @param contains part of the run folder's name
     * @param csv      the CSV file each run holds
     * @return the tables; empty if there is none
     */
    public static List<Table> tables(Path root, String contains, String csv) {
        return read(root, contains, csv, "CSV", p -> Table.read().csv(p.toFile()).setName(p.getParent().getFileName() + ": " + csv));
    }

    /**
     * The images of {@link #runs} (e.g. a committed run's {@code separator.png}), to show.
     *
     * @param root     a results folder
     * @param contains part of the run folder's name
     * @param png      the PNG file each run holds
     * @return the images; empty if there is none
     */
    public static List<BufferedImage> images(Path root, String contains, String png) {
        return read(root, contains, png, "an image", p -> javax.imageio.ImageIO.read(p.toFile()));
    }

    /** Reads one file. */
    private interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private static <T> List<T> read(Path root, String contains, String file, String what, Reader<T> reader) {
        List<T> out = new ArrayList<>();
        for (Path p : runs(root, contains, file)) {
            try {
                out.add(reader.read(p));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("cannot read " + p + " as " + what + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
