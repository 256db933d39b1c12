package org.densitylab.marginals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.densitylab.quantum.Qubits;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.DeConv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The convolutional denoising autoencoder (CDAE) of the marginals paper (Uzcategui-Contreras et al.,
 * arXiv:2410.11145, Appendix A) as a SameDiff graph on NCHW tensors
 * {@code [batch, 2, n, n]} (channel 0 = Re, channel 1 = Im, n = 2^N), C = 10·S channels:
 * <pre>
 * E0 conv 2→C 3×3 s1 p1, tanh, maxpool 2×2 s2     D0 deconv C→C 3×3 s2 p1, tanh
 * E3 conv C→C 3×3 s1 p1, tanh, maxpool 2×2 s2     D2 deconv C→C 5×5 s2 p1, tanh
 * E6 conv C→C 3×3 s1 p1, tanh, maxpool 2×2 s2     D4 deconv C→C 6×6 s2 p0, tanh
 *                                                 D6 conv C→2 3×3 s1 p0 (linear output)
 * </pre>
 * Spatial sizes n → n/8 → 2^{N−2}−1 → 2^{N−1}−1 → 2^N+2 → 2^N (transposed convolution: s·(in−1)+k−2p), so N ≥ 3.
 * No weight shape depends on N: one set of weights serves every register size ({@link #forQubits}, transfer learning,
 * docs/papers.md#transfer-learning). Parameters 88C² + 42C + 2 (884,202 at S = 10, paper 2 Appendix A).
 *
 * <p>Initialisation as PyTorch's defaults (docs/papers.md#cdae-appendix-a), but seeded: every weight and bias
 * \(\sim U(-b, b)\), \(b = 1/\sqrt{\text{fan\_in}}\), fan_in = C_in·k² for a convolution and C_out·k² for a
 * transposed convolution (PyTorch's weight layout).
 *
 * <p>Layouts: convolution weights {@code [k, k, in, out]} (YXIO), transposed-convolution weights
 * {@code [k, k, out, in]}, biases {@code [out]}. Dense products are not used (the known oneDNN dense-layer pitfall
 * of DL4J 1.0.0-M2.1 does not apply).
 *
 * <pre>{@code
 * Cdae net = Cdae.create(3, 10, 42L);              // N = 3, S = 10, seeded
 * float[] out = net.predict(inputs, batch);      // [batch, 2, 8, 8]
 * Cdae n4 = net.forQubits(4);                     // the same weights for N = 4
 * }</pre>
 */
public final class Cdae {
    /** The paper's scale S (C = 10·S = 100 channels). */
    public static final int PAPER_SCALE = 10;
    /** Name of the input placeholder {@code [batch, 2, n, n]}. */
    public static final String INPUT = "input";
    /** Name of the raw network output {@code [batch, 2, n, n]} (not Hermitian, not normalised). */
    public static final String OUTPUT = "output";

    /**
     * One learnable layer.
     *
     * @param name       its name (paper Appendix A numbering)
     * @param transposed transposed convolution (decoder upsampling) or convolution
     * @param in         input channels, 0 for C
     * @param out        output channels, 0 for C
     * @param kernel     kernel size
     * @param stride     stride
     * @param pad        zero padding
     */
    record Layer(String name, boolean transposed, int in, int out, int kernel, int stride, int pad) {
        int inChannels(int c) {
            return in == 0 ? c : in;
        }

        int outChannels(int c) {
            return out == 0 ? c : out;
        }

        long[] weightShape(int c) {
            return transposed ? new long[] {kernel, kernel, outChannels(c), inChannels(c)}
                    : new long[] {kernel, kernel, inChannels(c), outChannels(c)};
        }

        /** PyTorch's fan_in: weight.size(1)·k², i.e. C_in·k² (conv) or C_out·k² (transposed conv). */
        int fanIn(int c) {
            return (transposed ? outChannels(c) : inChannels(c)) * kernel * kernel;
        }
    }

    static final List<Layer> LAYERS = List.of(
            new Layer("e0", false, 2, 0, 3, 1, 1),
            new Layer("e3", false, 0, 0, 3, 1, 1),
            new Layer("e6", false, 0, 0, 3, 1, 1),
            new Layer("d0", true, 0, 0, 3, 2, 1),
            new Layer("d2", true, 0, 0, 5, 2, 1),
            new Layer("d4", true, 0, 0, 6, 2, 0),
            new Layer("d6", false, 0, 2, 3, 1, 0));

    /** Names of the encoder layers (frozen by the reference code's transfer learning, docs/papers.md#transfer-learning). */
    public static final List<String> ENCODER = List.of("e0", "e3", "e6");
    /** Names of the decoder layers. */
    public static final List<String> DECODER = List.of("d0", "d2", "d4", "d6");

    private final int numQubits;
    private final int scale;
    private final DataType dtype;
    private final SameDiff sd;
    private final Map<String, INDArray> params;

    private Cdae(int numQubits, int scale, DataType dtype, Map<String, INDArray> weights) {
        this.numQubits = numQubits;
        this.scale = scale;
        this.dtype = dtype;
        this.sd = SameDiff.create();
        Map<String, INDArray> p = new LinkedHashMap<>();
        int n = 1 << numQubits;
        SDVariable h = sd.placeHolder(INPUT, dtype, -1, 2, n, n);
        for (Layer layer : LAYERS) {
            SDVariable w = sd.var(layer.name() + "_W", weights.get(layer.name() + "_W"));
            SDVariable b = sd.var(layer.name() + "_b", weights.get(layer.name() + "_b"));
            p.put(w.name(), w.getArr());
            p.put(b.name(), b.getArr());
            if (layer.transposed()) {
                h = sd.cnn().deconv2d(h, w, b, DeConv2DConfig.builder().kH(layer.kernel()).kW(layer.kernel())
                        .sH(layer.stride()).sW(layer.stride()).pH(layer.pad()).pW(layer.pad()).dH(1).dW(1)
                        .isSameMode(false).dataFormat(DeConv2DConfig.NCHW).build());
            } else {
                h = sd.cnn().conv2d(h, w, b, Conv2DConfig.builder().kH(layer.kernel()).kW(layer.kernel())
                        .sH(layer.stride()).sW(layer.stride()).pH(layer.pad()).pW(layer.pad()).dH(1).dW(1)
                        .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW).weightsFormat(WeightsFormat.YXIO)
                        .build());
            }
            if (layer.name().equals("d6")) {
                break;
            }
            h = sd.math().tanh(h);
            if (!layer.transposed()) {
                h = sd.cnn().maxPooling2d(h, Pooling2DConfig.builder().kH(2).kW(2).sH(2).sW(2).pH(0).pW(0).dH(1).dW(1)
                        .paddingMode(PaddingMode.VALID).isNHWC(false).build());
            }
        }
        sd.identity(OUTPUT, h);
        this.params = Collections.unmodifiableMap(p);
    }

    /**
     * A freshly initialised float32 CDAE (PyTorch's default law, seeded; docs/papers.md#cdae-appendix-a).
     *
     * @param numQubits N, 3..{@value Qubits#MAX_QUBITS}
     * @param scale     S ≥ 1 (C = 10·S channels; the paper: {@link #PAPER_SCALE})
     * @param seed      seed of the initial weights
     * @return the network
     * @throws IllegalArgumentException for N or S out of range
     */
    public static Cdae create(int numQubits, int scale, long seed) {
        return create(numQubits, scale, seed, DataType.FLOAT);
    }

    /**
     * A freshly initialised CDAE in the given precision (float64 for gradient checks).
     *
     * @param numQubits N, 3..{@value Qubits#MAX_QUBITS}
     * @param scale     S ≥ 1
     * @param seed      seed of the initial weights
     * @param dtype     {@link DataType#FLOAT} or {@link DataType#DOUBLE}
     * @return the network
     * @throws IllegalArgumentException for N, S or the type out of range
     */
    public static Cdae create(int numQubits, int scale, long seed, DataType dtype) {
        checkShape(numQubits, scale, dtype);
        int c = 10 * scale;
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, INDArray> w = new LinkedHashMap<>();
        for (Layer layer : LAYERS) {
            double bound = 1 / Math.sqrt(layer.fanIn(c));
            w.put(layer.name() + "_W", org.densitylab.nn.Init.uniform(rng, bound, dtype, layer.weightShape(c)));
            w.put(layer.name() + "_b", org.densitylab.nn.Init.uniform(rng, bound, dtype, layer.outChannels(c)));
        }
        return new Cdae(numQubits, scale, dtype, w);
    }

    /**
     * A CDAE with the given weights (copied), e.g. from a checkpoint or a model for another N.
     *
     * @param numQubits N, 3..{@value Qubits#MAX_QUBITS}
     * @param scale     S ≥ 1
     * @param weights   every parameter by name ({@link #parameters()} of a network of the same S)
     * @return the network, in the weights' precision
     * @throws IllegalArgumentException if a parameter is missing, unknown or of the wrong shape
     */
    public static Cdae of(int numQubits, int scale, Map<String, INDArray> weights) {
        Objects.requireNonNull(weights, "weights");
        INDArray first = weights.get("e0_W");
        DataType dtype = first == null ? DataType.FLOAT : first.dataType();
        checkShape(numQubits, scale, dtype);
        int c = 10 * scale;
        Map<String, INDArray> copy = new LinkedHashMap<>();
        for (Layer layer : LAYERS) {
            copy.put(layer.name() + "_W", checked(weights, layer.name() + "_W", layer.weightShape(c), dtype));
            copy.put(layer.name() + "_b", checked(weights, layer.name() + "_b", new long[] {layer.outChannels(c)}, dtype));
        }
        if (weights.size() != copy.size()) {
            throw new IllegalArgumentException("unknown CDAE parameters " + weights.keySet() + "; expected " + copy.keySet());
        }
        return new Cdae(numQubits, scale, dtype, copy);
    }

    /**
     * The same weights (copied) in a graph for another register size: the architecture is fully
     * convolutional, so the N−1 model loads unchanged into the N model (docs/papers.md#transfer-learning).
     *
     * @param n the new N, 3..{@value Qubits#MAX_QUBITS}
     * @return the network for N qubits
     */
    public Cdae forQubits(int n) {
        return of(n, scale, params);
    }

    /**
     * The parameter count 88C² + 42C + 2 with C = 10·S (paper 2 Appendix A), from the layer table.
     *
     * @param scale S ≥ 1
     * @return the number of learnable scalars (884,202 at S = 10)
     */
    public static long parameterCount(int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale S must be >= 1, got " + scale);
        }
        int c = 10 * scale;
        long total = 0;
        for (Layer layer : LAYERS) {
            long w = 1;
            for (long d : layer.weightShape(c)) {
                w *= d;
            }
            total += w + layer.outChannels(c);
        }
        return total;
    }

    /**
     * The network applied to a batch: \(Z = \mathrm{CDAE}(\tilde X)\), raw (neither Hermitian nor normalised).
     * Small inputs (one state at N ≤ 5) run without oneDNN, which would cost more to set up than the work
     * ({@link org.densitylab.nn.NativeHelpers}).
     *
     * @param input {@code [batch, 2, n, n]} in the network's precision
     * @return {@code [batch, 2, n, n]}
     * @throws IllegalArgumentException for a wrong shape
     */
    public INDArray output(INDArray input) {
        int n = dim();
        long[] s = input.shape();
        if (s.length != 4 || s[1] != 2 || s[2] != n || s[3] != n) {
            throw new IllegalArgumentException("CDAE for N=" + numQubits + " expects input [batch, 2, " + n + ", " + n
                    + "], got " + java.util.Arrays.toString(s));
        }
        return org.densitylab.nn.NativeHelpers.sized(s[0] * n * n,
                () -> sd.output(Map.of(INPUT, input.castTo(dtype)), OUTPUT).get(OUTPUT));
    }

    /**
     * The network applied to {@code count} two-channel matrices stored one after the other.
     *
     * @param inputs {@code count·2·n²} floats, record-major ([2, n, n] each)
     * @param count  number of matrices ≥ 1
     * @return the raw outputs in the same layout
     * @throws IllegalArgumentException if the array length is not {@code count·2·n²}
     */
    public float[] predict(float[] inputs, int count) {
        int n = dim();
        if (count < 1 || inputs.length != (long) count * 2 * n * n) {
            throw new IllegalArgumentException("expected " + count + " x 2 x " + n + " x " + n + " floats, got " + inputs.length);
        }
        INDArray in = Nd4j.create(inputs, new long[] {count, 2, n, n}, 'c');
        return output(in).castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /** @return the register size N */
    public int numQubits() {
        return numQubits;
    }

    /** @return n = 2^N */
    public int dim() {
        return 1 << numQubits;
    }

    /** @return the scale S (C = 10·S) */
    public int scale() {
        return scale;
    }

    /** @return the precision of the weights and activations */
    public DataType dataType() {
        return dtype;
    }

    /** @return the number of learnable scalars */
    public long parameterCount() {
        return parameterCount(scale);
    }

    /**
     * The learnable arrays by name ({@code e0_W}, {@code e0_b}, …), live: in-place changes change the network.
     *
     * @return an unmodifiable ordered view
     */
    public Map<String, INDArray> parameters() {
        return params;
    }

    /**
     * The graph, for attaching a loss ({@link CdaeLoss}).
     *
     * @return the SameDiff instance holding this network
     */
    public SameDiff graph() {
        return sd;
    }

    static void checkShape(int numQubits, int scale, DataType dtype) {
        if (numQubits < 3 || numQubits > Qubits.MAX_QUBITS) {
            throw new IllegalArgumentException("the CDAE needs 3 <= N <= " + Qubits.MAX_QUBITS
                    + " (three 2x2 poolings of a 2^N grid), got N=" + numQubits);
        }
        if (scale < 1) {
            throw new IllegalArgumentException("scale S must be >= 1, got " + scale);
        }
        if (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) {
            throw new IllegalArgumentException("the CDAE runs in FLOAT or DOUBLE, got " + dtype);
        }
    }

    private static INDArray checked(Map<String, INDArray> w, String name, long[] shape, DataType dtype) {
        INDArray a = w.get(name);
        if (a == null) {
            throw new IllegalArgumentException("CDAE parameter '" + name + "' is missing");
        }
        if (!java.util.Arrays.equals(a.shape(), shape)) {
            throw new IllegalArgumentException("CDAE parameter '" + name + "' has shape " + java.util.Arrays.toString(a.shape())
                    + " but this network needs "
                    + java.util.Arrays.toString(shape));
        }
        return a.castTo(dtype).dup('c');
    }
}
