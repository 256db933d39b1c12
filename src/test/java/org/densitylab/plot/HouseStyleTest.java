package org.densitylab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;

class HouseStyleTest extends QuietTest {
    @Test
    void aMethodKeepsItsColourWhateverTheQualifierAndTheFigure() {
        assertEquals("model1 + MIO", HouseStyle.method("model1 + MIO (reference code)"));
        assertEquals("SDP", HouseStyle.method("SDP (ours, cvxopt)"));
        assertEquals(new Color(0xD55E00), HouseStyle.colour("Siamese CNN (paper)"));
        XYChart a = HouseStyle.xy("a", "x", "y");
        HouseStyle.series(a, "model2 (ours)", new double[] {1, 2}, new double[] {1, 2}, null, false);
        HouseStyle.series(a, "model1 (ours)", new double[] {1, 2}, new double[] {1, 2}, null, false);
        HouseStyle.series(a, "model1 (reference code)", new double[] {1, 2}, new double[] {1, 2}, null, true);
        HouseStyle.colourAll(a);
        XYChart b = HouseStyle.xy("b", "x", "y");
        HouseStyle.series(b, "model1 (ours)", new double[] {5}, new double[] {1}, null, false);
        HouseStyle.colourAll(b);
        Color model1 = a.getSeriesMap().get("model1 (ours)").getLineColor();
        assertEquals(model1, a.getSeriesMap().get("model1 (reference code)").getLineColor());
        assertEquals(model1, b.getSeriesMap().get("model1 (ours)").getLineColor());
        assertNotEquals(model1, a.getSeriesMap().get("model2 (ours)").getLineColor());
        assertEquals(Styler.LegendPosition.OutsideE, a.getStyler().getLegendPosition(), "the legend is outside the data");
    }

    @Test
    void methodsWithoutAFixedColourGetDistinctSpareOnes() {
        CategoryChart c = HouseStyle.category("c", "x", "y");
        List<String> cats = List.of("p", "q");
        for (String name : List.of("2 conv, 2\u00d72 (ours)", "2 conv, 3\u00d73 (ours)", "3 conv, 2\u00d72 (ours)", "CNN (ours)")) {
            HouseStyle.bars(c, name, cats, new double[] {1, 2}, null);
        }
        HouseStyle.colourAll(c);
        Set<Color> colours = new HashSet<>();
        c.getSeriesMap().values().forEach(s -> colours.add(s.getFillColor()));
        assertEquals(4, colours.size());
    }

    @Test
    void coincidingCurvesAreSpreadSymmetricallyAroundTheirAbscissae() {
        XYChart c = HouseStyle.xy("a", "x", "y");
        HouseStyle.series(c, "p", new double[] {2, 3}, new double[] {1, 1}, new double[] {0.1, 0.1}, false);
        HouseStyle.series(c, "q", new double[] {2, 3}, new double[] {1, 1}, new double[] {0.1, 0.1}, false);
        HouseStyle.colourAll(c);
        assertEquals(2 - 0.12, c.getSeriesMap().get("p").getXData()[0], 1e-12);
        assertEquals(3 + 0.12, c.getSeriesMap().get("q").getXData()[1], 1e-12);
        assertEquals(0.1, c.getSeriesMap().get("q").getExtraValues()[1], 0, "error bars kept");
    }

    @Test
    void onALogAxisErrorBarsThatReachZeroAreLeftOut(@TempDir Path dir) throws Exception {
        XYChart c = HouseStyle.xy("t", "N", "seconds");
        c.getStyler().setYAxisLogarithmic(true);
        HouseStyle.series(c, "MIO+CDAE (ours)", new double[] {3, 4}, new double[] {0.01, 0.1}, new double[] {0.02, 0.05}, false);
        assertEquals(0.0, c.getSeriesMap().get("MIO+CDAE (ours)").getExtraValues()[0], 0, "0.01 - 0.02 < 0");
        assertEquals(0.05, c.getSeriesMap().get("MIO+CDAE (ours)").getExtraValues()[1], 0);
        HouseStyle.savePng(HouseStyle.colourAll(c), dir.resolve("log.png"));   // XChart refuses bars below zero
    }

    @Test
    void pngsHaveAWhiteBackgroundAndAreReadableByOthers(@TempDir Path dir) throws Exception {
        XYChart c = HouseStyle.xy("t", "x", "y");
        HouseStyle.series(c, "CNN", new double[] {1, 2}, new double[] {1, 2}, null, false);
        Path png = dir.resolve("t.png");
        HouseStyle.savePng(HouseStyle.colourAll(c), png);
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(HouseStyle.WIDTH, img.getWidth());
        assertEquals(Color.WHITE.getRGB(), img.getRGB(2, 2));
        assertEquals(Color.WHITE.getRGB(), img.getRGB(img.getWidth() / 3, img.getHeight() / 3), "plot area white");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(png)));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }
}
