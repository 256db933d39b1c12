package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

class RuntimeBenchmarkTest extends QuietTest {
    @Test
    void tableHasTheColumnsTheRangeAndTheReferenceNumbersAndThePlotShowsThem() {
        RuntimeBenchmark.Config cfg = new RuntimeBenchmark.Config(3, 4, 1, 2, 0, 4, 0, 10, 3L);
        List<RuntimeBenchmark.Row> rows = RuntimeBenchmark.run(cfg);
        Table t = RuntimeBenchmark.table(rows);
        assertEquals(List.of("N", "k", "marginals", "samples", "mioCdae", "mioCdaeSd", "mioCdaeMio", "mioCdaeMioSd",
                "sdpSamples", "sdp", "sdpSd", "sdpMaxMarginalError", "sdpMinEigenvalue", "sdpStatus", "refMioCdae",
                "refMioCdaeMio", "refSdp"), t.columnNames());
        assertArrayEquals(new int[] {3, 4}, t.intColumn("N").asIntArray());
        assertArrayEquals(new int[] {2, 2}, t.intColumn("k").asIntArray());
        assertArrayEquals(new int[] {3, 6}, t.intColumn("marginals").asIntArray());
        assertArrayEquals(new int[] {2, 2}, t.intColumn("samples").asIntArray());
        for (int i = 0; i < 2; i++) {
            assertTrue(t.doubleColumn("mioCdae").get(i) > 0);
            assertTrue(t.doubleColumn("mioCdaeMio").get(i) > 0);
            assertTrue(t.doubleColumn("sdp").isMissing(i), "no SDP solves asked for");
        }
        assertEquals(0.000997, t.doubleColumn("refMioCdae").get(0));
        assertEquals(0.002806, t.doubleColumn("refMioCdaeMio").get(1));
        assertEquals(0.0565, t.doubleColumn("refSdp").get(1));

        XYChart c = RuntimeBenchmark.plot("runtime", t);
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertArrayEquals(t.doubleColumn("mioCdae").asDoubleArray(), c.getSeriesMap().get("MIO+CDAE (ours)").getYData(), 0);
        assertArrayEquals(new double[] {0.00970, 0.0565}, c.getSeriesMap().get("SDP (reference, SCS)").getYData(), 0);
        assertArrayEquals(new double[] {3, 4}, c.getSeriesMap().get("MIO+CDAE+MIO (reference)").getXData(), 0.125);
        assertTrue(!c.getSeriesMap().containsKey("SDP (ours, cvxopt)"), "NaN series are left out");
    }

    @Test
    void referenceTimingsAreTheSpecsTable() {
        assertEquals(6, ReferenceTimings.CASES.size());
        assertEquals(2767, ReferenceTimings.forQubits(7).sdp());
        assertEquals(4, ReferenceTimings.forQubits(8).k());
        assertTrue(Double.isNaN(ReferenceTimings.forQubits(8).sdp()));
    }
}
