package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AdamTest extends QuietTest {
    /**
     * Six steps with changing gradients, some as small as ε so that where ε enters matters, against PyTorch's update
     * rule written out in float64 (torch.optim.Adam: θ −= lr/(1−β1^t) · m / (√v/√(1−β2^t) + ε)).
     */
    @Test
    void followsPyTorchsRuleOverSeveralSteps() {
        int n = 64;
        float[] start = new float[n];
        for (int i = 0; i < n; i++) {
            start[i] = (float) rng.nextGaussian();
        }
        INDArray p = Nd4j.createFromArray(start.clone());
        INDArray frozen = Nd4j.createFromArray(start.clone());
        Map<String, INDArray> params = Map.of("p", p, "f", frozen);
        Adam adam = new Adam(params);
        double[] theta = new double[n];
        double[] m = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            theta[i] = start[i];
        }
        SplittableRandom r = new SplittableRandom(3);
        double lr = 1e-2;
        for (int t = 1; t <= 6; t++) {
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                g[i] = (float) (r.nextGaussian() * (i % 4 == 0 ? 1e-8 : 1));
            }
            adam.update(params, Map.of("p", Nd4j.createFromArray(g), "f", Nd4j.createFromArray(g)), lr, Set.of("f"));
            for (int i = 0; i < n; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * (double) g[i];
                theta[i] -= lr / (1 - Math.pow(0.9, t)) * m[i] / (Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8);
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(theta[i], p.getDouble(i), 2e-6 * Math.max(1, Math.abs(theta[i])), "parameter " + i);
            assertEquals(start[i], frozen.getFloat(i), 0.0f, "frozen parameter " + i);
        }
        assertEquals(6, adam.step());
    }
}
