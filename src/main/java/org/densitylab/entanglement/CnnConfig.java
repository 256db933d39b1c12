package org.densitylab.entanglement;

import org.densitylab.quantum.Bipartitions;

/**
 * The CNN backbone of paper 1 (docs/papers.md#cnn): {@code convLayers} convolutions of kernel k×k, stride 1, no
 * padding, ReLU after each; channels \(c_1 = 2r\), \(c_i = c_{i-1}\sqrt{\cdot}\) by the "sqrt" rule (ratios 16, 4, 2
 * for r = 16); flatten (C, H, W); {@code fcLayers} dense layers of {@code width} with ReLU; a dense layer to one logit
 * per bipartition, sigmoid. The paper's network: N = 3, 3 convolutions, k = 2, 5 dense layers of 128, r = 16: 1,033,891
 * parameters.
 *
 * @param qubits     N
 * @param convLayers number of convolutions (2 or 3 in the paper's ablation, Fig. A1)
 * @param kernel     kernel size
 * @param fcLayers   dense layers before the output
 * @param width      units per dense layer
 * @param ratio      first channel ratio r
 */
public record CnnConfig(int qubits, int convLayers, int kernel, int fcLayers, int width, int ratio) {

    /**
     * @throws IllegalArgumentException if the convolutions do not fit the input or a size is not positive
     */
    public CnnConfig {
        if (qubits < 2 || qubits > 8 || convLayers < 1 || kernel < 1 || fcLayers < 1 || width < 1 || ratio < 1) {
            throw new IllegalArgumentException("bad CNN configuration: " + this.toString(qubits, convLayers, kernel, fcLayers, width, ratio));
        }
        int out = (1 << qubits) - convLayers * (kernel - 1);
        if (out < 1) {
            throw new IllegalArgumentException(convLayers + " convolutions of kernel " + kernel + " do not fit a "
                    + (1 << qubits) + "x" + (1 << qubits) + " input");
        }
    }

    private String toString(int q, int c, int k, int f, int w, int r) {
        return "qubits=" + q + ", convLayers=" + c + ", kernel=" + k + ", fcLayers=" + f + ", width=" + w + ", ratio=" + r;
    }

    /**
     * @param qubits N
     * @return the paper's network for N qubits
     */
    public static CnnConfig paper(int qubits) {
        return new CnnConfig(qubits, 3, 2, 5, 128, 16);
    }

    /** @return matrix dimension d = 2^N */
    public int dim() {
        return 1 << qubits;
    }

    /** @return number of outputs m = 2^(N−1) − 1 */
    public int outputs() {
        return Bipartitions.count(qubits);
    }

    /**
     * @param layer 0-based convolution index
     * @return its output channels: 2r, then each previous ratio's square root applied
     */
    public int channels(int layer) {
        int c = 2;
        double r = ratio;
        for (int i = 0; i <= layer; i++) {
            c = (int) (c * r);
            r = Math.sqrt(r);
        }
        return c;
    }

    /** @return the side of the last feature map */
    public int featureSide() {
        return dim() - convLayers * (kernel - 1);
    }

    /** @return the number of trainable parameters */
    public long parameters() {
        long p = 0;
        int in = 2;
        for (int l = 0; l < convLayers; l++) {
            int out = channels(l);
            p += (long) out * in * kernel * kernel + out;
            in = out;
        }
        long features = (long) in * featureSide() * featureSide();
        for (int l = 0; l < fcLayers; l++) {
            p += features * width + width;
            features = width;
        }
        return p + features * outputs() + outputs();
    }
}
