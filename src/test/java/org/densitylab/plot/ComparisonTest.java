package org.densitylab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ComparisonTest extends QuietTest {
    @Test
    void oursThePapersAndTheDifferenceOneUnderTheOther() {
        Table ours = Table.create("ours", StringColumn.create("model", "CNN", "PPT criterion"),
                DoubleColumn.create("Pure", 97.62, 80.0), DoubleColumn.create("Mixed", 86.29, 70.0));
        Table paper = Table.create("paper", StringColumn.create("model", "PPT criterion", "CNN"),
                DoubleColumn.create("Pure", Double.NaN, 97.40), DoubleColumn.create("Mixed", Double.NaN, 86.39));
        Table c = Comparison.table("Table II", ours, paper);
        assertEquals(List.of("model", "source", "Pure", "Mixed"), c.columnNames());
        assertEquals(List.of("CNN", "CNN", "CNN", "PPT criterion"), c.stringColumn("model").asList(), "a paper row without values is left out");
        assertEquals(List.of("ours", "paper", "difference", "ours"), c.stringColumn("source").asList());
        assertEquals(97.62 - 97.40, c.doubleColumn("Pure").getDouble(2), 1e-12);
        assertEquals(86.29 - 86.39, c.doubleColumn("Mixed").getDouble(2), 1e-12);
        String html = TableHtml.html(c);
        assertEquals(true, html.contains("<tr><td>CNN</td><td>difference</td><td style=\"text-align:right\">0.22</td>"
                + "<td style=\"text-align:right\">-0.1</td></tr>"), html);
    }

    @Test
    void keysMayBeSeveralColumnsAndRowsWithoutAPaperRowStayAlone() {
        Table ours = Table.create("ours", IntColumn.create("N", 3, 3), IntColumn.create("rank", 2, 9), IntColumn.create("samples", 50, 50),
                DoubleColumn.create("fidelity", 0.8, 0.9));
        Table paper = Table.create("ref", IntColumn.create("N", new int[] {3}), IntColumn.create("rank", new int[] {2}), DoubleColumn.create("fidelity", 0.75),
                DoubleColumn.create("success", 1.0));
        Table c = Comparison.table("N3", ours, paper);
        assertEquals(List.of("N", "rank", "source", "fidelity"), c.columnNames(), "only what both tables have");
        assertEquals(List.of("ours", "paper", "difference", "ours"), c.stringColumn("source").asList());
        assertEquals(0.05, c.doubleColumn("fidelity").getDouble(2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Comparison.table("x", ours.selectColumns("N"), paper));
    }

    @Test
    void columnsReadFromCsvAsIntegersOrEmptyTextAreComparedAsNumbers() {
        Table ours = Table.read().csv("N,rank,success,hybridFidelity\n5,26,1,\n5,27,1,\n", "ours");
        Table paper = Table.create("ref", IntColumn.create("N", new int[] {5}), IntColumn.create("rank", new int[] {27}), DoubleColumn.create("success", 0.98),
                DoubleColumn.create("hybridFidelity", 1.0));
        Table c = Comparison.table("N5", ours, paper);
        assertEquals(List.of("N", "rank", "source", "success", "hybridFidelity"), c.columnNames());
        assertEquals(List.of("ours", "ours", "paper", "difference"), c.stringColumn("source").asList());
        assertEquals(0.02, c.doubleColumn("success").getDouble(3), 1e-12);
        assertEquals(true, c.doubleColumn("hybridFidelity").isMissing(3));
    }
}
