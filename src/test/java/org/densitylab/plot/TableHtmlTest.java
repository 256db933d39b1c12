package org.densitylab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableHtmlTest extends QuietTest {
    @Test
    void numbersShowFourSignificantDigitsWithoutRoundOffNoise() {
        assertEquals("0.5", TableHtml.number(0.1 + 0.2 + 0.2));              // 0.5000000000000001
        assertEquals("0.1875", TableHtml.number(0.18749999999999997));
        assertEquals("97.4", TableHtml.number(97.40));
        assertEquals("-0.57", TableHtml.number(86.39 - 86.96));
        assertEquals("0.7727", TableHtml.number(0.7727017849140938));
        assertEquals("12346", TableHtml.number(12345.6), "the integer part is never rounded away");
        assertEquals("1.63e-4", TableHtml.number(1.6304e-4));
        assertEquals("1e-10", TableHtml.number(1e-10));
        assertEquals("2.5e9", TableHtml.number(2.5e9));
        assertEquals("0", TableHtml.number(0.0));
        assertEquals("\u2013", TableHtml.number(Double.NaN));
    }

    @Test
    void headersAreReadable() {
        assertEquals("fidelity SD", TableHtml.header("fidelitySd"));
        assertEquals("negative eigenvalues (MIO)", TableHtml.header("negMio"));
        assertEquals("success (model + MIO)", TableHtml.header("hybridSuccess"));
        assertEquals("mean abs error", TableHtml.header("meanAbsError"), "other camelCase identifiers become words");
        assertEquals("entangled cuts %", TableHtml.header("entangled cuts %"));
        assertEquals("N", TableHtml.header("N"));
    }

    @Test
    void aSmallTableRendersAsOneHtmlTable() {
        Table t = Table.create("fig <2>", IntColumn.create("rank", 2, 3), DoubleColumn.create("fidelitySd", 0.05004201, Double.NaN));
        assertEquals("<table class=\"densitylab-table\">\n<caption>fig &lt;2&gt; (2 rows \u00d7 2 columns)</caption>\n"
                + "<thead><tr><th>rank</th><th>fidelity SD</th></tr></thead>\n<tbody>\n"
                + "<tr><td>2</td><td style=\"text-align:right\">0.05004</td></tr>\n"
                + "<tr><td>3</td><td style=\"text-align:right\">\u2013</td></tr>\n"
                + "</tbody>\n</table>", TableHtml.html(t));
    }

    @Test
    void aWidePerRankTableIsSplitIntoPartsThatRepeatTheKeys() {
        Table t = Table.create("N3k2", IntColumn.create("N", 3, 3, 3, 3, 3, 3, 3), IntColumn.create("k", 2, 2, 2, 2, 2, 2, 2), IntColumn.create("rank", 2, 3, 4, 5, 6, 7, 8),
                IntColumn.create("samples", 500, 500, 500, 500, 500, 500, 500));
        String[] values = {"fidelity", "fidelitySd", "success", "guess", "guessSd", "hybridSuccess", "hybridFidelity", "negMio",
            "negHybrid"};
        for (String v : values) {
            t.addColumns(DoubleColumn.create(v, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5));
        }
        String html = TableHtml.html(t);
        assertEquals(2, html.split("<table ", -1).length - 1, "13 columns: two parts");
        assertTrue(html.contains("(7 rows \u00d7 13 columns, part 1 of 2)") && html.contains("part 2 of 2"), html);
        String second = html.substring(html.indexOf("part 2 of 2"));
        assertTrue(second.startsWith("part 2 of 2)</caption>\n<thead><tr><th>N</th><th>k</th><th>rank</th><th>samples</th>"
                + "<th>success (model + MIO)</th><th>fidelity (model + MIO)</th><th>negative eigenvalues (MIO)</th>"
                + "<th>negative eigenvalues (model + MIO)</th></tr>"), second);
        for (String part : html.split("<table ")) {
            assertTrue(part.split("<th>", -1).length - 1 <= TableHtml.MAX_COLUMNS, part);
        }
    }

    @Test
    void aWideShortTableIsTransposed() {
        Table t = Table.create("consistency", StringColumn.create("predictor", "CNN", "PPT"));
        for (int i = 0; i < 11; i++) {
            t.addColumns(DoubleColumn.create("c" + i, 0.25 * i, 1.0 / 3));
        }
        String html = TableHtml.html(t);
        assertTrue(html.startsWith("<table class=\"densitylab-table\">\n<caption>consistency (2 rows \u00d7 12 columns, transposed)</caption>\n"
                + "<thead><tr><th>predictor</th><th>CNN</th><th>PPT</th></tr></thead>\n<tbody>\n"
                + "<tr><th style=\"text-align:left\">c0</th><td style=\"text-align:right\">0</td><td style=\"text-align:right\">0.3333</td></tr>\n"
                + "<tr><th style=\"text-align:left\">c1</th><td style=\"text-align:right\">0.25</td>"), html);
        assertEquals(1, html.split("<table ", -1).length - 1);
    }

    @Test
    void textUsesTheSameFormat() {
        Table t = Table.create("t", StringColumn.create("model", "model1"), DoubleColumn.create("fidelitySd", 0.18749999999999997));
        String text = TableHtml.text(t);
        assertTrue(text.contains("fidelity SD") && text.contains("0.1875") && !text.contains("0.18749"), text);
    }
}
