package org.densitylab.marginals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Plots like the marginals paper's Fig. 2–4: mean marginal fidelity ± SD against the target rank for each of our
 * models and random guessing, with the reference implementation's numbers ({@link ReferenceNumbers}) drawn beside
 * them (dashed), the success rates, the hybrid model+MIO success (Fig. 4) and the MIO's negative eigenvalues. Every
 * series goes through {@link #addSeries}, so all plots share one style (also used by the runtime plot).
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

    /**
     * Fig. 3 of the paper for one N: mean marginal fidelity ± SD against the rank of the k = N−1 model tested with
     * k = N−1 and k = N−2 marginals, ours (solid) and the reference code's (dashed), with random guessing.
     *
     * @param numQubits N
     * @param ours      our results by k ({@link MarginalsEvaluation#table} layout)
     * @param reference the reference numbers by k ({@link ReferenceNumbers#model1}); missing k are skipped
     * @return the chart
     */
    public static XYChart figure3(int numQubits, Map<Integer, Table> ours, Map<Integer, Table> reference) {
        XYChart c = new XYChartBuilder().width(720).height(440).title("N=" + numQubits + ": model trained with k="
                + (numQubits - 1)).xAxisTitle("rank of the target state").yAxisTitle("mean fidelity of the marginals").build();
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        for (Map.Entry<Integer, Table> e : ours.entrySet()) {
            add(c, "k=" + e.getKey() + " (ours)", e.getValue(), "fidelity", "fidelitySd", false);
            add(c, "k=" + e.getKey() + " random guessing (ours)", e.getValue(), "guess", "guessSd", false);
        }
        for (Map.Entry<Integer, Table> e : reference.entrySet()) {
            add(c, "k=" + e.getKey() + " (reference code)", e.getValue(), "fidelity", "fidelitySd", true);
            add(c, "k=" + e.getKey() + " random guessing (reference code)", e.getValue(), "guess", "guessSd", true);
        }
        return c;
    }

    /**
     * Fig. 4 of the paper: success rate of the hybrid model+MIO (MIO → CDAE → MIO, paper Eq. 3 applied again)
     * against the rank for each case NxKy, ours (solid) and the reference code's (dashed). Its fidelity is 1 up to
     * round-off whenever it succeeds (the second MIO imposes the marginals exactly), so the success rate is the
     * informative number.
     *
     * @param title     chart title
     * @param ours      our results by case label ({@link MarginalsEvaluation#table} layout)
     * @param reference reference numbers by case label ({@link ReferenceNumbers#hybrid}); may be empty
     * @return the chart
     */
    public static XYChart figure4(String title, Map<String, Table> ours, Map<String, Table> reference) {
        XYChart c = new XYChartBuilder().width(720).height(440).title(title).xAxisTitle("rank of the target state")
                .yAxisTitle("success rate of model + MIO").build();
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        for (Map.Entry<String, Table> e : ours.entrySet()) {
            add(c, e.getKey() + " (ours)", e.getValue(), "hybridSuccess", null, false);
        }
        for (Map.Entry<String, Table> e : reference.entrySet()) {
            add(c, e.getKey() + " (reference code)", e.getValue(), "hybridSuccess", null, true);
        }
        return c;
    }

    /**
     * Proportion of negative eigenvalues of the MIO output against the rank (the reference notebook's "proportion
     * of NE" figure), ours mean ± SD (solid) and the reference numbers (dashed, points where published).
     *
     * @param title     chart title
     * @param ours      tables with columns rank, negMio, negMioSd by label
     * @param reference tables with columns rank, negMio by label; may be empty
     * @return the chart
     */
    public static XYChart negativeEigenvalues(String title, Map<String, Table> ours, Map<String, Table> reference) {
        XYChart c = new XYChartBuilder().width(720).height(440).title(title).xAxisTitle("rank of the target state")
                .yAxisTitle("proportion of negative eigenvalues").build();
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        for (Map.Entry<String, Table> e : ours.entrySet()) {
            add(c, e.getKey() + " (ours)", e.getValue(), "negMio", "negMioSd", false);
        }
        for (Map.Entry<String, Table> e : reference.entrySet()) {
            add(c, e.getKey() + " (reference)", e.getValue(), "negMio", null, true);
        }
        return c;
    }

    /**
     * Adds one series to a chart, in the style shared by every plot of this class: ours solid with circles,
     * reference numbers dashed with diamonds; NaN error bars are drawn as 0, NaN values are left out.
     *
     * @param c         the chart
     * @param name      series name
     * @param x         abscissae
     * @param y         values
     * @param err       error bars (same length) or null
     * @param reference whether these are reference numbers (dashed)
     * @return the series, or null if every value is NaN (nothing drawn)
     */
    public static XYSeries addSeries(XYChart c, String name, double[] x, double[] y, double[] err, boolean reference) {
        int m = 0;
        for (double v : y) {
            m += Double.isNaN(v) ? 0 : 1;
        }
        if (m == 0) {
            return null;
        }
        double[] xs = new double[m];
        double[] ys = new double[m];
        double[] es = new double[m];
        for (int i = 0, j = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                xs[j] = x[i];
                ys[j] = y[i];
                es[j++] = err == null || Double.isNaN(err[i]) ? 0 : err[i];
            }
        }
        XYSeries s = err == null ? c.addSeries(name, xs, ys) : c.addSeries(name, xs, ys, es);
        s.setMarker(reference ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        if (reference) {
            s.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
        return s;
    }

    private static void add(XYChart c, String name, Table t, String y, String err, boolean dashed) {
        addSeries(c, name, t.intColumn("rank").asDoubleArray(), t.doubleColumn(y).asDoubleArray(),
                err == null ? null : t.doubleColumn(err).asDoubleArray(), dashed);
    }

    /**
     * Saves a chart as PNG atomically (temporary file + rename).
     *
     * @param chart the chart
     * @param file  the PNG file
     * @throws IOException if writing fails
     */
    public static void savePng(XYChart chart, Path file) throws IOException {
        org.densitylab.util.AtomicFiles.write(file, os -> BitmapEncoder.saveBitmap(chart, os, BitmapEncoder.BitmapFormat.PNG));
    }
}
