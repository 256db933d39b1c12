package org.densitylab.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The one display format of every table the library shows (tablesaw-core has no HTML writer): numbers with
 * {@value #DIGITS} significant digits ({@link #number}), readable headers instead of column identifiers
 * ({@link #header}), the first {@value #HEAD} and last {@value #TAIL} rows of long tables, and tables wider than
 * {@value #MAX_COLUMNS} columns split into parts that each repeat the leading key columns (model, N, k, rank …), or
 * transposed when they have at most {@value #TRANSPOSE_ROWS} rows.
 * The data keep their identifiers and full precision; only the rendering changes.
 */
public final class TableHtml {
    static final int HEAD = 30;
    static final int TAIL = 5;
    /** Significant digits of a displayed number (more when its integer part has more digits). */
    public static final int DIGITS = 4;
    /** Widest table rendered in one piece. */
    public static final int MAX_COLUMNS = 10;
    /** Wide tables with at most this many rows are shown transposed (one row per column) instead of split. */
    public static final int TRANSPOSE_ROWS = 6;

    /** Readable headers of the column identifiers used by the library's tables. */
    private static final Map<String, String> HEADERS = Map.ofEntries(
            Map.entry("fidelitySd", "fidelity SD"), Map.entry("guess", "random guessing"),
            Map.entry("guessSd", "random guessing SD"), Map.entry("hybridSuccess", "success (model + MIO)"),
            Map.entry("hybridFidelity", "fidelity (model + MIO)"), Map.entry("negMio", "negative eigenvalues (MIO)"),
            Map.entry("negMioSd", "negative eigenvalues SD (MIO)"),
            Map.entry("negHybrid", "negative eigenvalues (model + MIO)"), Map.entry("minEigenvalue", "min eigenvalue"),
            Map.entry("maxMarginalError", "max marginal error"), Map.entry("mioCdae", "MIO+CDAE (s)"),
            Map.entry("mioCdaeSd", "MIO+CDAE SD (s)"), Map.entry("mioCdaeMio", "MIO+CDAE+MIO (s)"),
            Map.entry("mioCdaeMioSd", "MIO+CDAE+MIO SD (s)"), Map.entry("sdpSamples", "SDP samples"),
            Map.entry("sdp", "SDP (s)"), Map.entry("sdpSd", "SDP SD (s)"),
            Map.entry("sdpMaxMarginalError", "SDP max marginal error"), Map.entry("sdpMinEigenvalue", "SDP min eigenvalue"),
            Map.entry("sdpStatus", "SDP status"), Map.entry("refMioCdae", "MIO+CDAE, reference (s)"),
            Map.entry("refMioCdaeMio", "MIO+CDAE+MIO, reference (s)"), Map.entry("refSdp", "SDP, reference (s)"),
            Map.entry("valFidelity", "validation fidelity"), Map.entry("valSuccess", "validation success"),
            Map.entry("lr", "learning rate"));

    private TableHtml() {
    }

    /**
     * @param table a table
     * @return an HTML rendering: one {@code <table>} element, or several in a {@code <div>} when the table is
     *         wider than {@value #MAX_COLUMNS} columns
     */
    public static String html(Table table) {
        if (transposed(table)) {
            return transposedHtml(table);
        }
        List<List<Column<?>>> parts = parts(table);
        if (parts.size() == 1) {
            return part(table, parts.get(0), "");
        }
        StringBuilder sb = new StringBuilder("<div class=\"densitylab-tables\">\n");
        for (int p = 0; p < parts.size(); p++) {
            sb.append(part(table, parts.get(p), ", part " + (p + 1) + " of " + parts.size())).append('\n');
        }
        return sb.append("</div>").toString();
    }

    /**
     * @param table a table
     * @return the table as aligned text in the same display format (headers, digits, parts) as {@link #html}
     */
    public static String text(Table table) {
        StringBuilder sb = new StringBuilder();
        for (List<Column<?>> part : parts(table)) {
            Table t = Table.create(table.name());
            for (Column<?> c : part) {
                String[] cells = new String[table.rowCount()];
                for (int r = 0; r < cells.length; r++) {
                    cells[r] = cell(c, r);
                }
                t.addColumns(StringColumn.create(header(c.name()), cells));
            }
            sb.append(sb.length() == 0 ? "" : "\n").append(t.print(HEAD + TAIL + 1));
        }
        return sb.toString();
    }

    /** Whether a table is wide but short enough ({@value #TRANSPOSE_ROWS} rows or fewer) to show transposed. */
    private static boolean transposed(Table table) {
        return table.columnCount() > MAX_COLUMNS && table.rowCount() <= TRANSPOSE_ROWS;
    }

    /** One row per column of the table, one column per row (headed by the row's first cell). */
    private static String transposedHtml(Table table) {
        StringBuilder sb = new StringBuilder(256);
        Column<?> first = table.column(0);
        sb.append("<table class=\"densitylab-table\">\n<caption>").append(escape(table.name())).append(" (")
                .append(table.rowCount()).append(" rows \u00d7 ").append(table.columnCount())
                .append(" columns, transposed)</caption>\n<thead><tr><th>").append(escape(header(first.name()))).append("</th>");
        for (int r = 0; r < table.rowCount(); r++) {
            sb.append("<th>").append(escape(cell(first, r))).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (Column<?> c : table.columns().subList(1, table.columnCount())) {
            sb.append("<tr><th style=\"text-align:left\">").append(escape(header(c.name()))).append("</th>");
            for (int r = 0; r < table.rowCount(); r++) {
                sb.append(isDecimal(c) ? "<td style=\"text-align:right\">" : "<td>").append(escape(cell(c, r))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>").toString();
    }

    /** The columns of each part: all of them, or the leading key columns followed by a share of the others. */
    private static List<List<Column<?>>> parts(Table table) {
        List<Column<?>> all = table.columns();
        List<List<Column<?>>> parts = new ArrayList<>();
        int keys = 0;
        while (keys < all.size() && keys < MAX_COLUMNS / 2 && !isDecimal(all.get(keys))) {
            keys++;
        }
        int values = all.size() - keys;
        if (all.size() <= MAX_COLUMNS || values == 0) {
            parts.add(all);
            return parts;
        }
        int n = (values + MAX_COLUMNS - keys - 1) / (MAX_COLUMNS - keys);
        int per = (values + n - 1) / n;
        for (int start = keys; start < all.size(); start += per) {
            List<Column<?>> part = new ArrayList<>(all.subList(0, keys));
            part.addAll(all.subList(start, Math.min(all.size(), start + per)));
            parts.add(part);
        }
        return parts;
    }

    private static boolean isDecimal(Column<?> c) {
        return c instanceof DoubleColumn || c instanceof FloatColumn;
    }

    private static String part(Table table, List<Column<?>> columns, String suffix) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<table class=\"densitylab-table\">\n<caption>").append(escape(table.name()))
                .append(" (").append(table.rowCount()).append(" rows \u00d7 ").append(table.columnCount())
                .append(" columns").append(suffix).append(")</caption>\n<thead><tr>");
        for (Column<?> c : columns) {
            sb.append("<th>").append(escape(header(c.name()))).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        int n = table.rowCount();
        boolean cut = n > HEAD + TAIL + 1;
        for (int r = 0; r < n; r++) {
            if (cut && r == HEAD) {
                sb.append("<tr><td colspan=\"").append(columns.size()).append("\">\u2026</td></tr>\n");
                r = n - TAIL;
            }
            sb.append("<tr>");
            for (Column<?> c : columns) {
                sb.append(isDecimal(c) ? "<td style=\"text-align:right\">" : "<td>").append(escape(cell(c, r))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>").toString();
    }

    private static String cell(Column<?> c, int row) {
        if (c.isMissing(row)) {
            return "\u2013";
        }
        if (c instanceof DoubleColumn d) {
            return number(d.getDouble(row));
        }
        if (c instanceof FloatColumn f) {
            return number(f.getFloat(row));
        }
        return c.getString(row);
    }

    /**
     * The displayed form of a number: {@value #DIGITS} significant digits (all digits of the integer part),
     * trailing zeros dropped, scientific notation below 10⁻³ and from 10⁹ on, an en dash for NaN.
     *
     * @param x a number
     * @return e.g. "0.5" for 0.5000000000000001, "0.1875" for 0.18749999999999997, "97.4", "12346", "1.63e-4"
     */
    public static String number(double x) {
        if (Double.isNaN(x)) {
            return "\u2013";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "\u221e" : "\u2212\u221e";
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a < 1e-3 || a >= 1e9) {
            BigDecimal b = new BigDecimal(x).round(new MathContext(DIGITS - 1)).stripTrailingZeros();
            int exponent = b.precision() - b.scale() - 1;
            return b.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
        }
        int integerDigits = Math.max(1, (int) Math.floor(Math.log10(a)) + 1);
        BigDecimal b = new BigDecimal(x).round(new MathContext(Math.max(DIGITS, integerDigits))).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    /**
     * The readable header of a column identifier: the library's identifiers by name ("fidelitySd" → "fidelity SD",
     * "negMio" → "negative eigenvalues (MIO)"), other camelCase identifiers as lower-case words; names that
     * already contain a space are kept.
     *
     * @param name a column name
     * @return the header shown
     */
    public static String header(String name) {
        String known = HEADERS.get(name);
        if (known != null) {
            return known;
        }
        if (name.contains(" ") || !name.matches("[a-z]+([A-Z][a-z0-9]*)+")) {
            return name;
        }
        StringBuilder sb = new StringBuilder();
        for (String word : name.split("(?=[A-Z])")) {
            sb.append(sb.length() == 0 ? "" : " ").append(word.equals("Sd") ? "SD" : word.toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    /**
     * @param s text, possibly null
     * @return the text with {@code < > & "} escaped for HTML (empty for null)
     */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
