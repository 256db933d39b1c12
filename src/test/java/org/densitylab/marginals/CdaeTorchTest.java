package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CDAE and its loss against PyTorch 1.13 (Debian's python3-torch): {@code fixtures/make_cdae_torch.py} builds
 * the paper's network from PyTorch's own Conv2d / ConvTranspose2d layers with fixed weights (S = 1, N = 3), runs one
 * batch of two states in float64, and records the output, the three loss terms (polar factor from
 * {@code torch.linalg.svd}, marginals, trace) and autograd's gradients of three losses (model2 = polar, model1 =
 * polar + marginal, model1 + trace) with respect to every parameter. The same weights are loaded here, in PyTorch's
 * layouts, so the test also pins our weight layouts and our transposed convolution to PyTorch's definitions.
 *
 * <p>Errors are relative, per array: \(\|x - x_{\rm torch}\|_2 / \|x_{\rm torch}\|_2\).
 * <ul>
 *   <li>Our float64 network: {@value #FLOAT64_TOLERANCE}. Both sides compute the same sums in a different
 *       order, so only double round-off separates them (observed: at most 1.8e-14, on a gradient).</li>
 *   <li>Our float32 network (the one trained): {@value #FLOAT32_TOLERANCE}. The fixture's weights and inputs are
 *       float32 numbers, so only float32 arithmetic (unit round-off 6e-8) separates the two, grown by the sums of
 *       the layers (observed on the output: 2.9e-7; on the loss terms: at most 6.2e-7) and then by the polar
 *       term's gradient, which divides by \(\sigma_i + \sigma_j\): the untrained network's output is nearly
 *       singular (singular values 0.23 down to 4.2e-4; the smallest is recorded in the fixture). Observed on the
 *       gradients: at most 1.4e-5, so the tolerance leaves a factor of about 15 for other native builds.</li>
 * </ul>
 */
class CdaeTorchTest extends QuietTest {
    private static final int N = 3;
    private static final int K = 2;
    private static final int SCALE = 1;
    private static final double FLOAT64_TOLERANCE = 1e-10;
    private static final double FLOAT32_TOLERANCE = 2e-4;

    /** A fixture line: its shape and values. */
    private record Entry(long[] shape, double[] values) {
        INDArray array() {
            return Nd4j.create(values, shape, 'c');
        }
    }

    private static Map<String, Entry> fixture;

    @BeforeAll
    static void load() throws IOException {
        fixture = new HashMap<>();
        try (InputStream in = CdaeTorchTest.class.getResourceAsStream("/fixtures/cdae-torch.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ");
                // param NAME SHAPE v.. | input SHAPE v.. | term NAME v | grad LOSS NAME SHAPE v..
                int head = switch (f[0]) {
                    case "param", "term" -> 2;
                    case "grad" -> 3;
                    default -> 1;
                };
                String key = String.join(" ", Arrays.copyOfRange(f, 0, head));
                long[] shape = f[0].equals("term") ? new long[] {1}
                        : Arrays.stream(f[head].split(",")).mapToLong(Long::parseLong).toArray();
                int first = f[0].equals("term") ? head : head + 1;
                double[] v = new double[f.length - first];
                boolean float32 = f[0].equals("param") || f[0].equals("input") || f[0].equals("target");
                for (int i = 0; i < v.length; i++) {
                    v[i] = float32 ? Float.parseFloat(f[first + i]) : Double.parseDouble(f[first + i]);
                }
                fixture.put(key, new Entry(shape, v));
            }
        }
    }

    /**
     * PyTorch's layouts to ours: Conv2d [out, in, k, k] → [k, k, in, out]; ConvTranspose2d [in, out, k, k] →
     * [k, k, out, in]; both are the permutation (2, 3, 1, 0).
     */
    private static INDArray ours(INDArray torch) {
        return torch.rank() == 4 ? torch.permute(2, 3, 1, 0).dup('c') : torch;
    }

    private static Cdae network(DataType type) {
        Map<String, INDArray> w = new LinkedHashMap<>();
        for (Cdae.Layer l : Cdae.LAYERS) {
            for (String suffix : new String[] {"_W", "_b"}) {
                w.put(l.name() + suffix, ours(fixture.get("param " + l.name() + suffix).array()).castTo(type));
            }
        }
        return Cdae.of(N, SCALE, w);
    }

    private static double relativeError(INDArray ours, INDArray torch) {
        INDArray t = torch.castTo(DataType.DOUBLE);
        return ours.castTo(DataType.DOUBLE).sub(t).norm2Number().doubleValue() / t.norm2Number().doubleValue();
    }

    private static double term(String name) {
        return fixture.get("term " + name).values()[0];
    }

    /** Largest relative error over the output, the three terms and every gradient of the three losses. */
    private static Map<String, Double> errors(DataType type) {
        Map<String, Double> err = new LinkedHashMap<>();
        INDArray input = fixture.get("input").array().castTo(type);
        INDArray target = fixture.get("target").array().castTo(type);
        err.put("output", relativeError(network(type).output(input), fixture.get("output").array()));
        CdaeLoss.Spec[] specs = {CdaeLoss.Spec.model2(K), CdaeLoss.Spec.model1(K), CdaeLoss.Spec.model1(K).withTraceTerm()};
        for (CdaeLoss.Spec spec : specs) {
            CdaeLoss loss = CdaeLoss.attach(network(type), spec);
            CdaeLoss.Step step = loss.gradients(input, target);
            CdaeLoss.Value v = step.value();
            err.merge("term polar", Math.abs(v.polar() - term("polar")) / term("polar"), Math::max);
            err.merge("term marginal", Math.abs(v.marginal() - term("marginal")) / term("marginal"), Math::max);
            err.merge("term trace", Math.abs(v.trace() - term("trace")) / term("trace"), Math::max);
            for (Map.Entry<String, INDArray> g : step.gradients().entrySet()) {
                INDArray expected = ours(fixture.get("grad " + spec.label() + " " + g.getKey()).array());
                err.put(spec.label() + " d/d" + g.getKey(), relativeError(g.getValue(), expected));
            }
            assertEquals(Cdae.LAYERS.size() * 2, step.gradients().size(), "a gradient per parameter array");
        }
        return err;
    }

    private static void assertWithin(Map<String, Double> errors, double tolerance, String what) {
        String worst = errors.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
        assertTrue(errors.get(worst) <= tolerance, what + ": largest relative error " + errors.get(worst) + " at " + worst
                + " (all: " + errors + ")");
    }

    @Test
    void float64NetworkLossAndGradientsEqualPyTorch() {
        assertWithin(errors(DataType.DOUBLE), FLOAT64_TOLERANCE, "float64");
    }

    @Test
    void float32NetworkLossAndGradientsEqualPyTorchToFloat32Accuracy() {
        assertWithin(errors(DataType.FLOAT), FLOAT32_TOLERANCE, "float32");
    }
}
