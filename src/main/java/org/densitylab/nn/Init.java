package org.densitylab.nn;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded weight initialisation. */
public final class Init {
    private Init() {
    }

    /**
     * i.i.d. \(U(-b, b)\) entries, drawn in row-major order from {@code rng}.
     *
     * @param rng   random source
     * @param bound b
     * @param dtype data type of the array
     * @param shape its shape
     * @return the array
     */
    public static INDArray uniform(RandomGenerator rng, double bound, DataType dtype, long... shape) {
        NativeBuild.selectQuietly();   // often the first ND4J call of a session: pick the native build before it loads
        long len = 1;
        for (long d : shape) {
            len *= d;
        }
        double[] v = new double[Math.toIntExact(len)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (2 * rng.nextDouble() - 1) * bound;
        }
        return Nd4j.create(v, shape, 'c').castTo(dtype);
    }

    /**
     * PyTorch's default for convolution and linear layers (weights and biases):
     * \(U(-1/\sqrt{\text{fan-in}}, 1/\sqrt{\text{fan-in}})\), float32.
     *
     * @param rng   random source
     * @param fanIn inputs per output unit
     * @param shape the array's shape
     * @return the array
     */
    public static INDArray pytorchDefault(RandomGenerator rng, long fanIn, long... shape) {
        return uniform(rng, 1 / Math.sqrt(fanIn), DataType.FLOAT, shape);
    }
}
