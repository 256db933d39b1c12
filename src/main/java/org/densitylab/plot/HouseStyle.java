package org.densitylab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The one style of every DensityLab figure: white background, light grid, the legend outside the data (right of
 * the plot), one fixed colour per method or network across all figures ({@link #COLOURS}), error bars in the
 * series' colour, our values solid with circles and the paper's (or its reference code's) dashed with diamonds.
 * Every chart builder of the library starts from {@link #xy}, {@link #category} or {@link #box} and adds its
 * series through {@link #series(XYChart, String, double[], double[], double[], boolean)} or
 * {@link #bars}/{@link #line}; {@link #colour} names the colour of a series.
 */
public final class HouseStyle {
    /** Width of every figure in pixels (room for the legend beside the plot). */
    public static final int WIDTH = 900;
    /** Height of every figure in pixels. */
    public static final int HEIGHT = 460;

    /**
     * The fixed colour of each method or network, by lower-case name (a series name minus a trailing
     * "(ours)", "(paper)", "(reference code)" … qualifier). Colour-blind-safe hues from the Okabe–Ito and Tol
     * palettes; networks of the entanglement paper and methods of the marginals paper share no colour.
     */
    public static final Map<String, Color> COLOURS = colours(
            "CNN", 0x0072B2, "Siamese CNN", 0xD55E00, "Siamese", 0xD55E00, "ensemble", 0x009E73,
            "PPT criterion", 0x555555, "PPT", 0x555555, "realignment criterion", 0x8C564B, "realignment", 0x8C564B,
            "model1", 0x332288, "model2", 0xCC6677, "model1 + MIO", 0x88CCEE, "model2 + MIO", 0xDDCC77,
            "MIO", 0x117733, "CDAE", 0xAA4499, "CDAE+MIO", 0xE69F00, "CDAE + MIO", 0xE69F00,
            "MIO+CDAE", 0xAA4499, "MIO+CDAE+MIO", 0xE69F00, "identity", 0x999933, "depolarize", 0x44AA99,
            "psd-projection", 0x882255, "alternating-projections", 0x56B4E9, "SDP", 0x000000,
            "random guessing", 0x999999,
            "pure", 0x0072B2, "mixed", 0xD55E00, "Horodecki", 0x009E73, "UPB", 0xCC79A7, "Acín", 0xE69F00,
            "Acin", 0xE69F00);

    /** Colours for series whose method is not in {@link #COLOURS}, in order of appearance in a figure. */
    private static final Color[] SPARE = {new Color(0x1B9E77), new Color(0x7570B3), new Color(0xE7298A),
        new Color(0x66A61E), new Color(0xA6761D), new Color(0x1F78B4), new Color(0xB15928), new Color(0x6A3D9A),
        new Color(0xFB9A99), new Color(0x33A02C)};

    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {7f, 5f}, 0f);

    private HouseStyle() {
    }

    /**
     * @param title  the title
     * @param xTitle the x-axis title
     * @param yTitle the y-axis title
     * @return an empty line chart in the house style
     */
    public static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        apply(c.getStyler());
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setMarkerSize(7);
        return c;
    }

    /**
     * @param title  the title
     * @param xTitle the x-axis title
     * @param yTitle the y-axis title
     * @return an empty bar chart in the house style (bars side by side, error bars in the bar's colour)
     */
    public static CategoryChart category(String title, String xTitle, String yTitle) {
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        apply(c.getStyler());
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setAvailableSpaceFill(0.8);
        c.getStyler().setOverlapped(false);
        return c;
    }

    /**
     * @param title  the title
     * @param yTitle the y-axis title
     * @return an empty box plot in the house style
     */
    public static BoxChart box(String title, String yTitle) {
        BoxChart c = new BoxChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle).build();
        apply(c.getStyler());
        c.getStyler().setLegendVisible(false);
        return c;
    }

    private static void apply(Styler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0x888888));
        s.setChartFontColor(Color.BLACK);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setChartPadding(12);
        s.setAntiAlias(true);
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setPlotGridLinesColor(new Color(0xE3E3E3));
            a.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            a.setAxisTickMarksColor(new Color(0x888888));
        }
    }

    /**
     * The method a series name stands for: the name without a trailing parenthesised qualifier such as
     * "(ours)", "(paper)" or "(reference code)".
     *
     * @param seriesName a series name
     * @return the method part
     */
    public static String method(String seriesName) {
        String s = seriesName.strip();
        while (s.endsWith(")") && s.lastIndexOf(" (") > 0) {
            s = s.substring(0, s.lastIndexOf(" (")).strip();
        }
        return s;
    }

    /**
     * The fixed colour of a method, or null if it has none (then {@link #colourAll} picks a spare colour).
     *
     * @param seriesName a series name, e.g. "Siamese CNN (paper)"
     * @return its method's colour from {@link #COLOURS}, or null
     */
    public static Color colour(String seriesName) {
        return COLOURS.get(method(seriesName).toLowerCase(Locale.ROOT));
    }

    /**
     * Adds one line series: ours solid with circles, the paper's dashed with diamonds, in the method's colour. NaN
     * values are left out, NaN error bars drawn as 0; on a logarithmic y axis (set it before adding series) an error
     * bar that would reach zero or below is left out (the SD stays in the table).
     *
     * @param c      the chart
     * @param name   series name
     * @param x      abscissae
     * @param y      values
     * @param err    error bars (same length, e.g. one SD) or null where there is no spread
     * @param paper  whether these are the paper's (or its code's) numbers: dashed
     * @return the series, or null if every value is NaN (nothing drawn)
     */
    public static XYSeries series(XYChart c, String name, double[] x, double[] y, double[] err, boolean paper) {
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
        boolean log = c.getStyler().isYAxisLogarithmic();
        for (int i = 0, j = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                xs[j] = x[i];
                ys[j] = y[i];
                double e = err == null || Double.isNaN(err[i]) ? 0 : err[i];
                es[j++] = log && y[i] - e <= 0 ? 0 : e;   // a bar down to zero or below has no place on a log axis
            }
        }
        XYSeries s = err == null ? c.addSeries(name, xs, ys) : c.addSeries(name, xs, ys, es);
        s.setMarker(paper ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
        s.setLineStyle(paper ? DASHED : SOLID);
        return s;
    }

    /**
     * Adds bars (with error bars where {@code err} is given) to a bar chart.
     *
     * @param c          the chart
     * @param name       series name
     * @param categories the categories
     * @param y          bar heights
     * @param err        error bars or null
     * @return the series
     */
    public static CategorySeries bars(CategoryChart c, String name, List<String> categories, double[] y, double[] err) {
        List<Double> ys = list(y);
        return err == null ? c.addSeries(name, categories, ys) : c.addSeries(name, categories, ys, list(err));
    }

    /**
     * Adds the paper's values to a bar chart as a dashed line with diamonds across the categories.
     *
     * @param c          the chart
     * @param name       series name
     * @param categories the categories
     * @param y          values (NaN where the paper gives none)
     * @return the series
     */
    public static CategorySeries line(CategoryChart c, String name, List<String> categories, double[] y) {
        CategorySeries s = c.addSeries(name, categories, list(y));
        s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.DIAMOND);
        s.setLineStyle(DASHED);
        return s;
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double x : v) {
            out.add(x);
        }
        return out;
    }

    /**
     * Gives every series its method's colour ({@link #COLOURS}; series of the same method, ours and the paper's,
     * share it) and methods without a fixed colour a spare one not used elsewhere in the figure; spreads series
     * on an integer grid (ranks, N) by a small offset so coinciding curves and their error bars stay visible.
     * Call it once after adding every series.
     *
     * @param chart the chart
     * @param <C>   chart type
     * @return the chart
     */
    public static <C extends Chart<?, ?>> C colourAll(C chart) {
        Map<String, ? extends org.knowm.xchart.internal.series.Series> series = chart.getSeriesMap();
        Map<String, Color> chosen = new LinkedHashMap<>();
        Set<Color> used = new LinkedHashSet<>();
        for (String name : series.keySet()) {
            Color fixed = colour(name);
            if (fixed != null) {
                chosen.put(method(name), fixed);
                used.add(fixed);
            }
        }
        int spare = 0;
        for (String name : series.keySet()) {
            String m = method(name);
            if (!chosen.containsKey(m)) {
                while (spare < SPARE.length - 1 && used.contains(SPARE[spare])) {
                    spare++;
                }
                chosen.put(m, SPARE[spare % SPARE.length]);
                used.add(SPARE[spare % SPARE.length]);
            }
        }
        for (var e : series.entrySet()) {
            Color col = chosen.get(method(e.getKey()));
            if (e.getValue() instanceof org.knowm.xchart.internal.series.MarkerSeries ms) {
                ms.setLineColor(col);
                ms.setMarkerColor(col);
            }
            e.getValue().setFillColor(col);
        }
        if (chart instanceof XYChart xy) {
            dodge(xy);
        }
        return chart;
    }

    /** Offsets series on a common integer grid by up to ±0.12 of the smallest x spacing, in order of addition. */
    private static void dodge(XYChart c) {
        List<XYSeries> all = new ArrayList<>(c.getSeriesMap().values());
        if (all.size() < 2 || c.getStyler().isXAxisLogarithmic()) {
            return;
        }
        double spacing = Double.POSITIVE_INFINITY;
        for (XYSeries s : all) {
            double[] x = s.getXData();
            for (int i = 0; i < x.length; i++) {
                if (x[i] != Math.rint(x[i])) {
                    return;   // only series on a common integer grid (ranks, N) are spread
                }
                spacing = i == 0 ? spacing : Math.min(spacing, Math.abs(x[i] - x[i - 1]));
            }
        }
        if (!(spacing > 0) || Double.isInfinite(spacing)) {
            return;
        }
        double step = 0.24 * spacing / (all.size() - 1);
        for (int j = 0; j < all.size(); j++) {
            XYSeries s = all.get(j);
            double[] x = s.getXData().clone();
            double shift = (j - (all.size() - 1) / 2.0) * step;
            for (int i = 0; i < x.length; i++) {
                x[i] += shift;
            }
            s.replaceData(x, s.getYData(), s.getExtraValues());
        }
    }

    /**
     * Saves a chart as PNG atomically, readable by others (temporary file in the same folder, then rename).
     *
     * @param chart the chart
     * @param file  the PNG file
     * @throws IOException if writing fails
     */
    public static void savePng(Chart<?, ?> chart, Path file) throws IOException {
        org.densitylab.util.AtomicFiles.write(file, os -> BitmapEncoder.saveBitmap(chart, os, BitmapEncoder.BitmapFormat.PNG));
    }

    private static Map<String, Color> colours(Object... nameAndRgb) {
        Map<String, Color> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndRgb.length; i += 2) {
            m.put(((String) nameAndRgb[i]).toLowerCase(Locale.ROOT), new Color((Integer) nameAndRgb[i + 1]));
        }
        return Map.copyOf(m);
    }
}
