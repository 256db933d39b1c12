package org.densitylab.plot;

import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * An HTML rendering of a Tablesaw table for notebooks (tablesaw-core has no HTML writer): a caption with
 * the table name and size, a header row, and the first {@value #HEAD} and last {@value #TAIL} rows of long
 * tables.
 */
public final class TableHtml {
    static final int HEAD = 20;
    static final int TAIL = 5;

    private TableHtml() {
    }

    /**
     * @param table a table
     * @return an HTML {@code <table>} element
     */
    public static String html(Table table) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<table class=\"densitylab-table\">\n<caption>").append(escape(table.name()))
                .append(" (").append(table.rowCount()).append(" rows \u00d7 ").append(table.columnCount())
                .append(" columns)</caption>\n<thead><tr>");
        for (String name : table.columnNames()) {
            sb.append("<th>").append(escape(name)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        int n = table.rowCount();
        boolean cut = n > HEAD + TAIL + 1;
        for (int r = 0; r < n; r++) {
            if (cut && r == HEAD) {
                sb.append("<tr><td colspan=\"").append(table.columnCount()).append("\">\u2026</td></tr>\n");
                r = n - TAIL;
            }
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                sb.append("<td>").append(escape(c.getString(r))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        return sb.append("</tbody>\n</table>").toString();
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
