package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CdaeTest extends QuietTest {
    @Test
    void parameterCountMatchesThePaper() {
        // paper 2 Appendix A: 88 C^2 + 42 C + 2, verified by instantiating the PyTorch model
        assertEquals(884_202L, Cdae.parameterCount(10));
        assertEquals(9_222L, Cdae.parameterCount(1));
        assertEquals(36_042L, Cdae.parameterCount(2));
        assertEquals(222_102L, Cdae.parameterCount(5));
        Cdae net = Cdae.create(3, 10, 1L);
        long counted = net.parameters().values().stream().mapToLong(INDArray::length).sum();
        assertEquals(884_202L, counted);
        assertEquals(90_100L, net.parameters().get("e3_W").length() + net.parameters().get("e3_b").length());
        assertEquals(360_100L, net.parameters().get("d4_W").length() + net.parameters().get("d4_b").length());
    }

    @Test
    void outputShapeForThreeFourAndFiveQubits() {
        Cdae net = Cdae.create(3, 1, 7L);
        for (int n = 3; n <= 5; n++) {
            Cdae m = n == 3 ? net : net.forQubits(n);
            int d = 1 << n;
            INDArray out = m.output(Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 2, d, d));
            assertArrayEquals(new long[] {3, 2, d, d}, out.shape(), "N=" + n);
            assertTrue(out.amaxNumber().doubleValue() > 0, "output is not identically zero");
        }
    }

    @Test
    void initialisationFollowsPyTorchBoundsAndIsSeeded() {
        Cdae a = Cdae.create(3, 10, 5L);
        Cdae b = Cdae.create(3, 10, 5L);
        assertEquals(a.parameters().get("d2_W"), b.parameters().get("d2_W"));
        // bounds 1/sqrt(fan_in): E0 18, E3 900, D2 (transposed, fan_in = C_out k^2) 2500
        assertBound(a.parameters().get("e0_W"), 1 / Math.sqrt(18));
        assertBound(a.parameters().get("e3_b"), 1 / 30.0);
        assertBound(a.parameters().get("d2_W"), 1 / 50.0);
        assertBound(a.parameters().get("d4_W"), 1 / 60.0);
    }

    private static void assertBound(INDArray w, double b) {
        double max = w.amaxNumber().doubleValue();
        assertTrue(max <= b && max > 0.9 * b, "max |w| " + max + " vs bound " + b);
    }

    @Test
    void sameWeightsGiveTheSameOutputAcrossInstances() {
        Cdae a = Cdae.create(4, 1, 3L);
        Cdae b = Cdae.of(4, 1, a.parameters());
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 2, 16, 16);
        assertEquals(a.output(x), b.output(x));
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cdae.create(2, 10, 1L)).getMessage().contains("N=2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cdae.create(3, 0, 1L)).getMessage().contains("got 0"));
        Cdae net = Cdae.create(3, 1, 1L);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> net.output(Nd4j.zeros(1, 2, 16, 16)))
                .getMessage().contains("[1, 2, 16, 16]"));
        Map<String, INDArray> w = new HashMap<>(net.parameters());
        w.put("d6_W", Nd4j.zeros(3, 3, 20, 2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Cdae.of(3, 1, w)).getMessage().contains("d6_W"));
    }
}
