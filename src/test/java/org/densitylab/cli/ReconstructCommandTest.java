package org.densitylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.densitylab.QuietTest;
import org.densitylab.marginals.MethodComparison;
import org.densitylab.marginals.MethodComparison.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code marginals-reconstruct} on a tiny case. */
class ReconstructCommandTest extends QuietTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private List<String> args(Path dir, String... replace) {
        List<String> a = new ArrayList<>(List.of("--n", "3", "--k", "2", "--methods",
                "identity,psd-projection,alternating-projections", "--samples", "3", "--seed", "4", "--out", dir.toString(),
                "--ranks", "7..8"));
        for (int i = 0; i < replace.length; i += 2) {
            int at = a.indexOf(replace[i]);
            if (at < 0) {
                a.addAll(List.of(replace[i], replace[i + 1]));
            } else {
                a.set(at + 1, replace[i + 1]);
            }
        }
        return a;
    }

    @Test
    void aTinyRunWritesTheColumnsThePlotsAndTheCommand() throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, ReconstructCommand.run(args(dir), out));
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals("method,n,k,rank,samples,success,fidelity,fidelity_sd,state_fidelity,marginal_error,seconds_per_state",
                lines.get(0));
        assertEquals(1 + 3 * 2, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            assertEquals(11, c.length, line);
            assertEquals(List.of("3", "2", "3"), List.of(c[1], c[2], c[4]));
            assertTrue(c[3].equals("7") || c[3].equals("8"));
            if (c[0].equals("alternating-projections")) {
                assertEquals(1.0, Double.parseDouble(c[5]), line);                // all PSD
                assertEquals(1.0, Double.parseDouble(c[6]), 1e-6, line);          // the marginals' fidelity
                assertTrue(Double.parseDouble(c[9]) <= 1e-8, line);               // within the default tolerance
                assertTrue(Double.parseDouble(c[8]) < 1, line);                   // the state itself is not unique
            }
            if (c[0].equals("identity")) {
                assertTrue(Double.parseDouble(c[9]) > 1e-3, line);
            }
        }
        for (String f : List.of("diagnostics.csv", "fidelity.png", "runtime.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertEquals("densitylab marginals-reconstruct " + String.join(" ", args(dir)) + "\n",
                Files.readString(dir.resolve("command.txt")));
        // seeded: a second run gives the same numbers (all but the time column)
        Path again = tmp.resolve("again");
        ReconstructCommand.run(args(again), out);
        assertEquals(withoutTimes(lines), withoutTimes(Files.readAllLines(again.resolve("results.csv"))));
    }

    @Test
    void theCommittedRunsReadBackAsRowsTablesAndPlots() throws Exception {
        Path root = tmp.resolve("results");
        assertEquals(0, ReconstructCommand.run(args(root.resolve("reconstruct-N3k2")), out));
        assertEquals(0, ReconstructCommand.run(args(root.resolve("reconstruct-N3k1"), "--k", "1"), out));
        // the runtime run times alternating projections again: the table keeps the reconstruct-* time of a method
        assertEquals(0, ReconstructCommand.run(args(root.resolve("runtime-sdp-N3k2"), "--methods",
                "identity,alternating-projections"), out));
        var cases = MethodComparison.committed(root, "reconstruct-");
        assertEquals(List.of("N3k2", "N3k1"), List.copyOf(cases.keySet()));        // N, then k from the largest
        List<MethodComparison.Row> rows = cases.get("N3k2");
        // what was written reads back (to the CSV's digits), the iterations from diagnostics.csv
        assertEquals(Files.readString(root.resolve("reconstruct-N3k2").resolve("results.csv")), MethodComparison.csv(rows));
        assertEquals(Files.readString(root.resolve("reconstruct-N3k2").resolve("diagnostics.csv")),
                MethodComparison.diagnosticsCsv(rows));
        assertEquals(6, MethodComparison.fullRank(cases).rowCount());              // 3 methods at rank 8, two cases
        var runtime = MethodComparison.runtimeTable(cases, MethodComparison.committed(root, "runtime-sdp-"));
        assertEquals(List.of("N3k2", "N3k1"), runtime.stringColumn("case").asList());
        Row full = rows.get(5);                                                    // alternating-projections, rank 8
        assertEquals("alternating-projections 8", full.method() + " " + full.rank());
        assertEquals(full.secondsPerState(), runtime.doubleColumn("alternating-projections").getDouble(0), 0);
        assertEquals(4, MethodComparison.successPlot(rows).getSeriesMap().size()); // + the reference code's model1 + MIO
        assertEquals(3, MethodComparison.runtimeVsN(cases).getSeriesMap().size());
        assertEquals(2, MethodComparison.figures(root, MethodComparison::stateFidelityPlot, "N3k1", "N9k2", "N3k2").size());
        var compared = MethodComparison.compare(rows, "alternating-projections", "identity");
        assertEquals(List.of("alternating-projections", "alternating-projections", "identity", "identity"),
                compared.stringColumn("method").asList());
        Files.createDirectories(tmp.resolve("other"));
        Files.writeString(tmp.resolve("other").resolve("results.csv"), "rank,fidelity\n2,0.9\n");
        Exception e = assertThrows(IllegalArgumentException.class, () -> MethodComparison.read(tmp.resolve("other")));
        assertTrue(e.getMessage().contains("other") && e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void badOptionsAreRejectedNamingOptionAndValueBeforeAnythingIsWritten() {
        Path dir = tmp.resolve("never");
        String[][] bad = {
            {"--n", "11", "--n: 11 is too large; give at most 10"},
            {"--n", "three", "--n: 'three' is not a whole number"},
            {"--k", "3", "--k: 3 is not below --n 3"},
            {"--samples", "0", "--samples: 0 is too small"},
            {"--seed", "x1", "--seed: 'x1' is not a whole number"},
            {"--methods", "identity,magic", "unknown method 'magic'"},
            {"--methods", "identity,identity", "--methods lists identity twice"},
            {"--methods", "cdae", "give the trained network with --model"},
            {"--ranks", "0..8", "--ranks must be A..B with 1 <= A <= B <= 2^N = 8, got 0..8"},
            {"--ranks", "5..9", "got 5..9"},
            {"--ranks", "a..b", "--ranks must be A..B with whole numbers, got 'a..b'"},
            {"--tolerance", "-1", "--tolerance: '-1' is not a number greater than 0"},
            {"--tolerance", "NaN", "--tolerance: 'NaN' is not a number greater than 0"},
            {"--iterations", "0", "--iterations: 0 is too small"},
            {"--model", tmp.resolve("none").toString(), "--model " + tmp.resolve("none") + " is given but no cdae method"},
            {"--colour", "red", "unknown option --colour"},
            {"--methods", "cdae+mio", "give the trained network with --model"},
        };
        for (String[] b : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ReconstructCommand.run(args(dir, b[0], b[1]), out), b[0] + " " + b[1]);
            assertTrue(e.getMessage().contains(b[2]), e.getMessage());
            assertFalse(Files.exists(dir), "nothing written for " + b[0] + " " + b[1]);
        }
        List<String> noModel = args(dir, "--methods", "cdae", "--model", tmp.resolve("none").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReconstructCommand.run(noModel, out)).getMessage()
                .contains("--model: " + tmp.resolve("none") + " does not exist"));
        assertFalse(Files.exists(dir));
        List<String> missing = args(dir);
        missing.subList(missing.indexOf("--seed"), missing.indexOf("--seed") + 2).clear();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReconstructCommand.run(missing, out)).getMessage()
                .startsWith("--seed is required"));
        assertFalse(Files.exists(dir));
    }

    private static List<String> withoutTimes(List<String> lines) {
        return lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }
}
