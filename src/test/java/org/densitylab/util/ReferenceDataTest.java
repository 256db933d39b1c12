package org.densitylab.util;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.densitylab.QuietTest;
import org.densitylab.entanglement.EntanglementExperiment;
import org.densitylab.marginals.ReferenceNumbers;
import org.densitylab.marginals.ReferenceTimings;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The papers' reference numbers as the library reads them from {@code org/densitylab/reference/}. The expected
 * values were looked up by hand in the papers (paper 1 Tables II and III) and in the reference code's published data
 * (paper 2: fidelity data behind Figs. 2–4 and the runtime file), independently of the CSV files.
 */
class ReferenceDataTest extends QuietTest {
    private static final Set<String> TEXT_COLUMNS = Set.of("source", "case", "table", "model");

    @Test
    void entanglementTablesAreThePapers() {
        // paper 1 Table II: Siamese CNN on Acín 50.81, ensemble on Horodecki 88.63; Table III: CNN on UPB 95.78
        assertEquals(50.81, EntanglementExperiment.TABLE_II.get("Siamese CNN")[4]);
        assertEquals(88.63, EntanglementExperiment.TABLE_II.get("Ensemble")[2]);
        assertEquals(95.78, EntanglementExperiment.TABLE_III.get("CNN")[3]);
        assertArrayEquals(new double[] {98.43, 91.49, 83.04, 87.39, 1.04}, EntanglementExperiment.TABLE_III.get("Siamese CNN"));
        assertEquals(Set.of("CNN", "Siamese CNN", "Ensemble"), EntanglementExperiment.TABLE_II.keySet());
    }

    @Test
    void marginalsNumbersAreTheReferenceCodes() {
        Table n3k2 = ReferenceNumbers.model1(3, 2);       // rank 2: 0.8953 ± 0.0371, guess 0.6747 ± 0.0720, 86 %
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), n3k2.intColumn("rank").asList());
        assertEquals(0.8953, n3k2.doubleColumn("fidelity").get(0));
        assertEquals(0.0371, n3k2.doubleColumn("fidelitySd").get(0));
        assertEquals(0.6747, n3k2.doubleColumn("guess").get(0));
        assertEquals(0.0720, n3k2.doubleColumn("guessSd").get(0));
        assertEquals(0.86, n3k2.doubleColumn("success").get(0), 1e-15);
        Table n4k3 = ReferenceNumbers.model1(4, 3);       // rank 13: 0.9666 ± 0.0045, guess 0.8673 ± 0.0126
        assertEquals(13, n4k3.intColumn("rank").get(3));
        assertEquals(0.9666, n4k3.doubleColumn("fidelity").get(3));
        assertEquals(0.0126, n4k3.doubleColumn("guessSd").get(3));
        Table n6k5 = ReferenceNumbers.model1(6, 5);       // rank 61: 0.9429 without an SD
        assertEquals(0.9429, n6k5.doubleColumn("fidelity").get(3));
        assertTrue(n6k5.doubleColumn("fidelitySd").isMissing(3));
        Table n8k7 = ReferenceNumbers.model1(8, 7);       // rank 256: 0.9289 ± 0.0005, guess 0.8790 ± 0.0008
        assertEquals(256, n8k7.intColumn("rank").get(6));
        assertEquals(0.0005, n8k7.doubleColumn("fidelitySd").get(6));
        assertEquals(0.8790, n8k7.doubleColumn("guess").get(6));
        // model1 + MIO, N4k2, ranks 10..16: 3, 16, 35, 41, 59, 60, 79 %
        assertArrayEquals(new double[] {0.03, 0.16, 0.35, 0.41, 0.59, 0.60, 0.79},
                ReferenceNumbers.hybrid(4, 2).doubleColumn("hybridSuccess").asDoubleArray(), 1e-15);
        Table neg = ReferenceNumbers.negativeEigenvalues(6, 5);   // ≈ 0.185 at rank 58, 0.17 at 64
        assertEquals(List.of(58, 64), neg.intColumn("rank").asList());
        assertArrayEquals(new double[] {0.185, 0.17}, neg.doubleColumn("negMio").asDoubleArray());
        ReferenceTimings.Case n6 = ReferenceTimings.forQubits(6);  // N6k3: 0.03669 s, SDP 78.1 s (SD 0.23)
        assertEquals(new ReferenceTimings.Case(6, 3, 0.03669, 0.05551, 78.1, 0.23), n6);
        assertTrue(Double.isNaN(ReferenceTimings.forQubits(8).sdp()), "the SDP was not run for N = 8");
        for (String c : ReferenceNumbers.model1Cases()) {  // every case: ranks 2^N-6 .. 2^N
            int n = c.charAt(1) - '0';
            int k = c.charAt(3) - '0';
            int d = 1 << n;
            assertEquals(List.of(d - 6, d - 5, d - 4, d - 3, d - 2, d - 1, d), ReferenceNumbers.model1(n, k).intColumn("rank").asList(), c);
        }
    }

    @Test
    void everyShippedFileParsesAndCitesItsSource() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", ReferenceData.FOLDER))) {
            List<Path> csv = files.filter(p -> p.toString().endsWith(".csv")).toList();
            assertEquals(5, csv.size(), csv.toString());
            for (Path p : csv) {
                ReferenceData data = ReferenceData.load(p.getFileName().toString());
                assertTrue(data.rows().size() >= 6, p.toString());
                for (ReferenceData.Row r : data.rows()) {
                    assertTrue(r.text("source").matches(".*paper [12].*"), p + ": " + r.text("source"));
                    for (String c : data.header()) {
                        if (!TEXT_COLUMNS.contains(c)) {
                            r.number(c);   // a number or empty
                        }
                    }
                }
            }
        }
    }

    @Test
    void malformedDataGetsAClearError() throws IOException {
        String bad = assertThrows(IllegalStateException.class,
                () -> parse("case,rank,source\nN3k2,2,paper 2 Fig. 2\nN3k2,abc,paper 2 Fig. 2\n").rows().get(1).number("rank"))
                .getMessage();
        assertEquals("reference data bad.csv, line 3, column rank: 'abc' is not a number (leave the field empty where"
                + " the source gives none)", bad);
        assertTrue(assertThrows(IllegalStateException.class, () -> parse("case,rank,source\nN3k2,2\n")).getMessage()
                .contains("bad.csv, line 2: 2 fields where the header has 3"));
        assertTrue(assertThrows(IllegalStateException.class, () -> parse("case,rank\nN3k2,2\n")).getMessage()
                .contains("has no source column"));
        assertTrue(assertThrows(IllegalStateException.class, () -> parse("case,rank,source\nN3k2,2,\n")).getMessage()
                .contains("line 2: empty source"));
        assertTrue(assertThrows(IllegalStateException.class, () -> parse("case,source\nN3k2,x\n").rows().get(0).number("rank"))
                .getMessage().contains("has no column rank (columns: case,source)"));
        assertTrue(assertThrows(IllegalStateException.class, () -> parse("n,source\nNaN,x\n").rows().get(0).number("n"))
                .getMessage().contains("'NaN' is not a number"));
        assertTrue(assertThrows(IllegalStateException.class, () -> ReferenceData.load("no-such-file.csv")).getMessage()
                .contains("org/densitylab/reference/no-such-file.csv is missing"));
        assertEquals(Double.NaN, parse("n,source\n,x\n").rows().get(0).number("n"));
    }

    @Test
    void aMalformedResourceIsReportedWithItsPathAndLine() {
        // src/test/resources/org/densitylab/reference/malformed-for-test.csv: line 3 has a decimal comma (5 fields)
        String msg = assertThrows(IllegalStateException.class, () -> ReferenceData.load("malformed-for-test.csv"))
                .getMessage();
        assertEquals("reference data org/densitylab/reference/malformed-for-test.csv, line 3: 5 fields where the header"
                + " has 4 (case,rank,fidelity,source)", msg);
    }

    private static ReferenceData parse(String text) throws IOException {
        return ReferenceData.read("bad.csv", new BufferedReader(new StringReader(text)));
    }
}
