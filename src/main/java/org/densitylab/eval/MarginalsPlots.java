package org.densitylab.eval;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Plots like the marginals paper's Fig. 2–3: mean marginal fidelity ± SD against the target rank for each of our
 * models and random guessing, with the reference implementation's numbers ({@link ReferenceNumbers}) drawn beside
 * them (dashed), and the success rates.
 */
public final class MarginalsPlots {
    private MarginalsPlots() {
    }

    /**
     * Fidelity against rank (paper Fig. 2): one series per table of ours ({@code fidelity ± fidelitySd}), our
     * random guessing (from the first table), and the reference's model1 and random guessing if given.
     *
     * @param title     chart title
     * @param ours      our results by label ({@link MarginalsEvaluation#table} layout)
     * @param reference the reference numbers ({@link ReferenceNumbers#model1}) or null
     * @return the chart
     */
    public static XYChart fidelityVsRank(String title, Map<String, Table> ours, Table reference) {
        XYChart c = new XYChartBuilder().width(720).height(440).title(title).xAxisTitle("rank of the target state")
                .yAxisTitle("mean fidelity of the marginals").build();
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        Table first = null;
        for (Map.Entry<String, Table> e : ours.entrySet()) {
            add(c, e.getKey() + " (ours)", e.getValue(), "fidelity", "fidelitySd", false);
            first = first == null ? e.getValue() : first;
        }
        if (first != null) {
            add(c, "random guessing (ours)", first, "guess", "guessSd", false);
        }
        if (reference != null) {
            add(c, "model1 (reference code)", reference, "fidelity", "fidelitySd", true);
            add(c, "random guessing (reference code)", reference, "guess", "guessSd", true);
        }
        return c;
    }

    /**
     * Success rates (fraction of PSD reconstructions) against rank, for the model and model+MIO pipelines.
     *
     * @param title     chart title
     * @param ours      our results by label
     * @param reference reference numbers or null
     * @return the chart
     */
    public static XYChart successVsRank(String title, Map<String, Table> ours, Table reference) {
        XYChart c = new XYChartBuilder().width(720).height(440).title(title).xAxisTitle("rank of the target state")
                .yAxisTitle("success rate").build();
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        for (Map.Entry<String, Table> e : ours.entrySet()) {
            add(c, e.getKey() + " (ours)", e.getValue(), "success", null, false);
            add(c, e.getKey() + " + MIO (ours)", e.getValue(), "hybridSuccess", null, false);
        }
        if (reference != null) {
            add(c, "model1 (reference code)", reference, "success", null, true);
            if (reference.doubleColumn("hybridSuccess").countMissing() == 0) {
                add(c, "model1 + MIO (reference code)", reference, "hybridSuccess", null, true);
            }
        }
        return c;
    }

    private static void add(XYChart c, String name, Table t, String y, String err, boolean dashed) {
        double[] x = t.intColumn("rank").asDoubleArray();
        double[] v = t.doubleColumn(y).asDoubleArray();
        XYSeries s;
        if (err == null) {
            s = c.addSeries(name, x, v);
        } else {
            double[] e = t.doubleColumn(err).asDoubleArray();
            for (int i = 0; i < e.length; i++) {
                e[i] = Double.isNaN(e[i]) ? 0 : e[i];
            }
            s = c.addSeries(name, x, v, e);
        }
        s.setMarker(dashed ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        if (dashed) {
            s.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
    }

    /**
     * Saves a chart as PNG atomically (temporary file + rename).
     *
     * @param chart the chart
     * @param file  the PNG file
     * @throws IOException if writing fails
     */
    public static void savePng(XYChart chart, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "plot", ".png.tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(chart, os, BitmapEncoder.BitmapFormat.PNG);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
