package org.densitylab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class NotebooksTest extends QuietTest {
    @Test
    void committedRunsAreFoundByFolderNameAndFileReadable(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("cpu-ablation-seed2"));
        Files.createDirectories(root.resolve("cpu-ablation"));
        Files.createDirectories(root.resolve("cpu-verified-cnn"));
        Files.createDirectories(root.resolve("cpu-ablation-broken"));   // no ablation.csv: not a run
        Table a = Table.create("a", StringColumn.create("x", "p"), DoubleColumn.create("y", 0.5));
        Path csv = root.resolve("cpu-ablation/ablation.csv");
        assertEquals(a, Notebooks.saved(a, csv), "returns the table, to show");
        Notebooks.saved(a, root.resolve("cpu-ablation-seed2").resolve("ablation.csv"));
        Notebooks.saved(a, root.resolve("cpu-verified-cnn").resolve("ablation.csv"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)));
        assertEquals(List.of(root.resolve("cpu-ablation/ablation.csv"), root.resolve("cpu-ablation-seed2/ablation.csv")),
                Notebooks.runs(root, "ablation", "ablation.csv"), "sorted by folder, only folders holding the file");
        List<Table> tables = Notebooks.tables(root, "ablation", "ablation.csv");
        assertEquals("cpu-ablation: ablation.csv", tables.get(0).name());
        assertEquals(0.5, tables.get(1).doubleColumn("y").getDouble(0), 0, "written and read back");
        assertTrue(Notebooks.runs(root.resolve("missing"), "", "x.csv").isEmpty(), "a missing folder has no runs");
    }

    @Test
    void aFigureIsSavedAndReturnedAsTheSameImage(@TempDir Path dir) throws Exception {
        XYChart c = HouseStyle.xy("t", "x", "y");
        HouseStyle.series(c, "CNN", new double[] {1, 2}, new double[] {1, 2}, null, false);
        var image = Notebooks.figure(HouseStyle.colourAll(c), dir.resolve("run1/f.png"));
        var saved = javax.imageio.ImageIO.read(dir.resolve("run1/f.png").toFile());
        assertEquals(saved.getWidth(), image.getWidth());
        assertEquals(saved.getRGB(450, 230), image.getRGB(450, 230));
        assertEquals(1, Notebooks.images(dir, "run", "f.png").size());
    }
}
