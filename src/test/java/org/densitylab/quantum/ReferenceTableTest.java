package org.densitylab.quantum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.densitylab.QuietTest;
import org.densitylab.linalg.ComplexMatrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares the library with values computed independently by QuTiP 4.7 / NumPy
 * ({@code src/test/resources/fixtures/make_reference.py}, see the README there).
 */
class ReferenceTableTest extends QuietTest {
    private static final double TOL = 1e-12;

    private record Entry(String id, int n, String kind, Map<String, List<double[]>> lines, List<String[]> keyed) {
    }

    private static final Map<String, Entry> STATES = new LinkedHashMap<>();
    private static final List<String[]> PAIRS = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                ReferenceTableTest.class.getResourceAsStream("/fixtures/reference-states.txt"), StandardCharsets.UTF_8))) {
            Entry cur = null;
            for (String line; (line = r.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                switch (f[0]) {
                    case "state" -> {
                        cur = new Entry(f[1], Integer.parseInt(f[2]), f[3], new LinkedHashMap<>(), new ArrayList<>());
                        STATES.put(f[1], cur);
                    }
                    case "ptrace", "ptranspose" -> cur.keyed().add(f);
                    case "fidelity", "tracedist" -> PAIRS.add(f);
                    default -> cur.lines().computeIfAbsent(f[0], k -> new ArrayList<>()).add(numbers(f, 1));
                }
            }
        }
    }

    private static double[] numbers(String[] f, int from) {
        double[] v = new double[f.length - from];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(f[from + i]);
        }
        return v;
    }

    private static ComplexMatrix matrix(double[] interleaved) {
        int d = (int) Math.round(Math.sqrt(interleaved.length / 2.0));
        return ComplexMatrix.ofInterleaved(d, d, interleaved);
    }

    private static DensityMatrix state(String id) {
        return DensityMatrix.of(matrix(STATES.get(id).lines().get("matrix").get(0)));
    }

    private static int[] qubits(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    @Test
    void theTableIsComplete() {
        assertEquals(36, STATES.size());
        assertEquals(64, PAIRS.size());
    }

    @TestFactory
    List<DynamicTest> perStateQuantities() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Entry e : STATES.values()) {
            tests.add(DynamicTest.dynamicTest(e.id() + " (" + e.kind() + ")", () -> {
                DensityMatrix rho = state(e.id());
                assertEquals(e.n(), rho.numQubits());
                assertArrayEquals(e.lines().get("negativity").get(0), rho.negativities(), TOL, "negativities");
                List<Bipartition> cuts = Bipartitions.of(e.n());
                double[] realign = e.lines().get("realignment").get(0);
                for (int j = 0; j < cuts.size(); j++) {
                    assertEquals(realign[j], rho.realignment(cuts.get(j)), 1e-11, "realignment of " + cuts.get(j));
                }
                assertEquals(e.lines().get("purity").get(0)[0], rho.purity(), TOL, "purity");
                assertEquals(e.lines().get("entropy").get(0)[0], rho.entropy(), 1e-9, "entropy");
                assertEquals(e.lines().get("mineig").get(0)[0], rho.eigenvalues()[0], TOL, "min eigenvalue");
                assertEquals((int) e.lines().get("rank").get(0)[0], rho.rank(), "rank");
                for (String[] k : e.keyed()) {
                    ComplexMatrix expected = matrix(numbers(k, 2));
                    ComplexMatrix actual = k[0].equals("ptrace") ? rho.keep(qubits(k[1])).matrix()
                            : rho.partialTranspose(qubits(k[1]));
                    assertTrue(actual.maxAbsDiff(expected) < TOL, k[0] + " " + k[1] + ": " + actual.maxAbsDiff(expected));
                }
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> pairQuantities() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] p : PAIRS) {
            tests.add(DynamicTest.dynamicTest(p[0] + " " + p[1] + " " + p[2], () -> {
                DensityMatrix a = state(p[1]);
                DensityMatrix b = state(p[2]);
                double expected = Double.parseDouble(p[3]);
                double actual = p[0].equals("fidelity") ? a.fidelity(b) : a.traceDistance(b);
                // the table stores ‖√a√b‖₁² with round-off eigenvalues clipped, as computed here
                assertEquals(expected, actual, p[0].equals("fidelity") ? 1e-10 : 1e-12);
            }));
        }
        return tests;
    }
}
