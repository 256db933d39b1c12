package org.densitylab.plot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Ours beside the paper's, in the one layout every notebook uses: for each row of our results the row itself
 * ("ours"), the paper's row with the same keys ("paper") and their difference ours − paper ("difference"), one
 * under the other. Keys are the columns both tables share that are decimal in neither (model, test set, N, k,
 * rank …); the compared values are the other shared columns, in our order (a column read from CSV as integers or
 * as empty text counts as numbers).
 */
public final class Comparison {
    /** Name of the column that says which row is ours, the paper's or the difference. */
    public static final String SOURCE = "source";

    private Comparison() {
    }

    /**
     * @param name  the table's name
     * @param ours  our results
     * @param paper the paper's (or its reference code's) numbers, with the same column names
     * @return key columns, {@value #SOURCE}, then the shared decimal columns; rows without a paper row (or whose
     *         paper row has no value) keep only "ours"
     * @throws IllegalArgumentException if the tables share no decimal column
     */
    public static Table table(String name, Table ours, Table paper) {
        return table(name, ours, paper, "paper");
    }

    /**
     * As {@link #table(String, Table, Table)}, with another name for the second source (e.g. "reference code").
     *
     * @param name       the table's name
     * @param ours       our results
     * @param paper      the other numbers, with the same column names
     * @param paperLabel what the {@value #SOURCE} column calls them
     * @return the comparison
     */
    public static Table table(String name, Table ours, Table paper, String paperLabel) {
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column<?> c : ours.columns()) {
            if (!paper.containsColumn(c.name())) {
                continue;
            }
            if (decimal(c) || decimal(paper.column(c.name()))) {
                values.add(c.name());
            } else {
                keys.add(c.name());
            }
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("the tables '" + ours.name() + "' and '" + paper.name()
                    + "' have no numeric column in common; give the paper's numbers the same column names as ours");
        }
        Table out = Table.create(name);
        for (String k : keys) {
            out.addColumns(ours.column(k).emptyCopy());
        }
        out.addColumns(StringColumn.create(SOURCE));
        for (String v : values) {
            out.addColumns(DoubleColumn.create(v));
        }
        Map<String, Integer> paperRows = new HashMap<>();
        for (int r = 0; r < paper.rowCount(); r++) {
            paperRows.putIfAbsent(key(paper, keys, r), r);
        }
        for (int r = 0; r < ours.rowCount(); r++) {
            Integer p = paperRows.get(key(ours, keys, r));
            if (p != null && allMissing(paper, p, values)) {
                p = null;
            }
            add(out, keys, ours, r, "ours", values, ours, r, null, -1);
            if (p != null) {
                add(out, keys, ours, r, paperLabel, values, paper, p, null, -1);
                add(out, keys, ours, r, "difference", values, ours, r, paper, p);
            }
        }
        return out;
    }

    private static boolean allMissing(Table t, int row, List<String> values) {
        for (String v : values) {
            if (!t.column(v).isMissing(row)) {
                return false;
            }
        }
        return true;
    }

    private static String key(Table t, List<String> keys, int row) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            sb.append(t.column(k).getString(row)).append('\u0000');
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void add(Table out, List<String> keys, Table keySource, int keyRow, String source, List<String> values,
            Table a, int rowA, Table b, int rowB) {
        for (String k : keys) {
            ((Column<Object>) out.column(k)).append(keySource.column(k).get(keyRow));
        }
        out.stringColumn(SOURCE).append(source);
        for (String v : values) {
            double x = number(a.column(v), rowA);
            out.doubleColumn(v).append(b == null ? x : x - number(b.column(v), rowB));
        }
    }

    private static boolean decimal(Column<?> c) {
        return c instanceof DoubleColumn || c.type().equals(tech.tablesaw.api.ColumnType.FLOAT);
    }

    /** A cell as a number: numeric columns as they are, text (e.g. an all-empty CSV column) parsed, empty as NaN. */
    private static double number(Column<?> c, int row) {
        if (c instanceof NumericColumn<?> n) {
            return n.isMissing(row) ? Double.NaN : n.getDouble(row);
        }
        String s = c.getString(row).strip();
        try {
            return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column '" + c.name() + "' holds '" + s + "' in row " + (row + 1)
                    + ", not a number; compare only numeric columns", e);
        }
    }
}
