package org.densitylab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.densitylab.QuietTest;
import org.densitylab.marginals.Adam;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DenormalsTest extends QuietTest {
    @Test
    void entriesBelowTwoToTheMinus100BecomeZeroAndTheOthersStay() {
        // 2^-100 = 7.8886e-31; Float.MIN_VALUE and -1e-40f are subnormal floats
        float[] in = {Float.MIN_VALUE, -1e-40f, 7.8e-31f, -7.8e-31f, 8.0e-31f, 1e-30f, 1f, 0f, -2.5f, Float.MIN_NORMAL};
        float[] expected = {0f, 0f, 0f, 0f, 8.0e-31f, 1e-30f, 1f, 0f, -2.5f, 0f};
        INDArray a = Nd4j.createFromArray(in);
        Denormals.flush(List.of(a));
        assertArrayEquals(expected, a.toFloatVector(), 0f);
        INDArray b = Nd4j.createFromArray(in);
        Denormals.flushEvery(Denormals.EVERY + 1, List.of(b));
        assertArrayEquals(in, b.toFloatVector(), 0f, "no flush between multiples of EVERY");
        Denormals.flushEvery(3L * Denormals.EVERY, List.of(b));
        assertArrayEquals(expected, b.toFloatVector(), 0f);
    }

    @Test
    void adamsFirstMomentOfADeadParameterDecaysByBeta1AndIsFlushedBeforeItIsSubnormal() {
        // one parameter with gradient 1 once, then exactly 0: m_t = 0.1 * 0.9^(t-1) (PyTorch's rule, β1 = 0.9)
        INDArray p = Nd4j.createFromArray(0.5f);
        Adam adam = new Adam(Map.of("p", p));
        adam.update(Map.of("p", p), Map.of("p", Nd4j.createFromArray(1f)), 1e-3, Set.of());
        boolean flushed = false;
        for (int t = 2; t <= 900; t++) {
            adam.update(Map.of("p", p), Map.of("p", Nd4j.createFromArray(0f)), 1e-3, Set.of());
            double m = adam.firstMoments().get("p").getDouble(0);
            double exact = 0.1 * Math.pow(0.9, t - 1);
            if (m == 0) {
                flushed = true;
                assertTrue(exact < 0x1p-100 * Math.pow(0.9, -Denormals.EVERY), "flushed only near the threshold, t = " + t);
            } else {
                assertEquals(exact, m, exact * 1e-4, "t = " + t);
                assertTrue(Math.abs(m) >= Float.MIN_NORMAL, "never subnormal, t = " + t);
            }
        }
        assertTrue(flushed, "0.1 * 0.9^899 is below 2^-100: the state was flushed");
        assertEquals(0, adam.firstMoments().get("p").getDouble(0));
    }
}
