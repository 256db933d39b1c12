package org.densitylab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.densitylab.marginals.Cdae;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NativeHelpersTest {
    @Test
    void oneStateWithoutHelpersEqualsTheSameStateInALargeBatch() {
        Cdae net = Cdae.create(3, 2, 7);
        int per = 2 * 64;
        int copies = (int) (NativeHelpers.SMALL / 64) + 4;
        float[] one = new float[per];
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < per; i++) {
            one[i] = (float) r.nextDouble(-0.2, 0.2);
        }
        float[] many = new float[copies * per];
        for (int c = 0; c < copies; c++) {
            System.arraycopy(one, 0, many, c * per, per);
        }
        boolean before = Nd4j.getEnvironment().helpersAllowed();
        float[] small = net.predict(one, 1);
        assertEquals(before, Nd4j.getEnvironment().helpersAllowed(), "the helper switch is restored");
        float[] large = net.predict(many, copies);
        for (int c : new int[] {0, copies - 1}) {
            for (int i = 0; i < per; i++) {
                assertEquals(large[c * per + i], small[i], 1e-5, "copy " + c + ", element " + i);
            }
        }
        assertTrue(NativeHelpers.sized(NativeHelpers.SMALL, () -> !Nd4j.getEnvironment().helpersAllowed()) || !before,
                "a small call runs without helpers");
    }
}
