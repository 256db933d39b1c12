package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The CDAE's forward pass against a plain float64 loop implementation of the Appendix A architecture with
 * PyTorch's definitions (Conv2d: \(y_o(i,j) = b_o + \sum_{c,a,e} W_{aec o}\,x_c(i+a-p, j+e-p)\); ConvTranspose2d:
 * \(y_o(s i + a - p, s j + e - p) \mathrel{+}= W_{aeoc}\,x_c(i,j)\); 2×2 max pooling; tanh). This checks whatever
 * native build runs the tests (the generic one, or the oneDNN build of {@code mvn -Ponednn}), for several batch
 * sizes in a row because the oneDNN builds are known to go wrong intermittently on dense layers.
 */
class CdaeReferenceTest extends QuietTest {
    /** float32 network vs float64 loops: relative error of the whole output. */
    private static final double FLOAT_TOLERANCE = 1e-5;
    private static final double DOUBLE_TOLERANCE = 1e-12;

    /** The reference forward pass of one sample {@code [2][n][n]}. */
    static double[][][] reference(Map<String, INDArray> p, double[][][] x) {
        double[][][] h = x;
        for (Cdae.Layer l : Cdae.LAYERS) {
            double[][][][] w = weights(p.get(l.name() + "_W"));
            double[] b = p.get(l.name() + "_b").castTo(DataType.DOUBLE).toDoubleVector();
            h = l.transposed() ? deconv(h, w, b, l.stride(), l.pad()) : conv(h, w, b, l.pad());
            if (l.name().equals("d6")) {
                break;
            }
            tanh(h);
            if (!l.transposed()) {
                h = maxPool(h);
            }
        }
        return h;
    }

    static double[][][][] weights(INDArray w) {
        long[] s = w.shape();
        double[][][][] out = new double[(int) s[0]][(int) s[1]][(int) s[2]][(int) s[3]];
        for (int a = 0; a < s[0]; a++) {
            for (int e = 0; e < s[1]; e++) {
                for (int i = 0; i < s[2]; i++) {
                    for (int j = 0; j < s[3]; j++) {
                        out[a][e][i][j] = w.getDouble(a, e, i, j);
                    }
                }
            }
        }
        return out;
    }

    /** Stride-1 convolution, weights [k][k][in][out]. */
    static double[][][] conv(double[][][] x, double[][][][] w, double[] b, int pad) {
        int k = w.length;
        int cin = x.length;
        int cout = b.length;
        int h = x[0].length;
        int ho = h + 2 * pad - k + 1;
        double[][][] y = new double[cout][ho][ho];
        for (int o = 0; o < cout; o++) {
            for (int i = 0; i < ho; i++) {
                for (int j = 0; j < ho; j++) {
                    double s = b[o];
                    for (int c = 0; c < cin; c++) {
                        for (int a = 0; a < k; a++) {
                            for (int e = 0; e < k; e++) {
                                int r = i + a - pad;
                                int q = j + e - pad;
                                if (r >= 0 && r < h && q >= 0 && q < h) {
                                    s += w[a][e][c][o] * x[c][r][q];
                                }
                            }
                        }
                    }
                    y[o][i][j] = s;
                }
            }
        }
        return y;
    }

    /** Transposed convolution, weights [k][k][out][in]; output size s·(h−1) + k − 2p. */
    static double[][][] deconv(double[][][] x, double[][][][] w, double[] b, int stride, int pad) {
        int k = w.length;
        int cin = x.length;
        int cout = b.length;
        int h = x[0].length;
        int ho = stride * (h - 1) + k - 2 * pad;
        double[][][] y = new double[cout][ho][ho];
        for (int o = 0; o < cout; o++) {
            for (double[] row : y[o]) {
                java.util.Arrays.fill(row, b[o]);
            }
            for (int c = 0; c < cin; c++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < h; j++) {
                        for (int a = 0; a < k; a++) {
                            for (int e = 0; e < k; e++) {
                                int r = stride * i + a - pad;
                                int q = stride * j + e - pad;
                                if (r >= 0 && r < ho && q >= 0 && q < ho) {
                                    y[o][r][q] += w[a][e][o][c] * x[c][i][j];
                                }
                            }
                        }
                    }
                }
            }
        }
        return y;
    }

    static double[][][] maxPool(double[][][] x) {
        int h = x[0].length / 2;
        double[][][] y = new double[x.length][h][h];
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < h; i++) {
                for (int j = 0; j < h; j++) {
                    y[c][i][j] = Math.max(Math.max(x[c][2 * i][2 * j], x[c][2 * i][2 * j + 1]),
                            Math.max(x[c][2 * i + 1][2 * j], x[c][2 * i + 1][2 * j + 1]));
                }
            }
        }
        return y;
    }

    static void tanh(double[][][] x) {
        for (double[][] m : x) {
            for (double[] r : m) {
                for (int j = 0; j < r.length; j++) {
                    r[j] = Math.tanh(r[j]);
                }
            }
        }
    }

    private void check(Cdae net, int batch, double tolerance) {
        int d = net.dim();
        INDArray in = Nd4j.zeros(net.dataType(), batch, 2, d, d);
        double[][][][] x = new double[batch][2][d][d];
        for (int s = 0; s < batch; s++) {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        x[s][c][i][j] = rng.nextDouble(-0.3, 0.3);
                        in.putScalar(new long[] {s, c, i, j}, x[s][c][i][j]);
                    }
                }
            }
        }
        INDArray out = net.output(in);
        double err = 0;
        double norm = 0;
        for (int s = 0; s < batch; s++) {
            double[][][] ref = reference(net.parameters(), x[s]);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        double e = out.getDouble(s, c, i, j) - ref[c][i][j];
                        err += e * e;
                        norm += ref[c][i][j] * ref[c][i][j];
                    }
                }
            }
        }
        double rel = Math.sqrt(err / norm);
        assertTrue(norm > 0 && rel < tolerance, "N=" + net.numQubits() + " " + net.dataType() + " batch " + batch
                + ": relative error " + rel);
    }

    @Test
    void float64NetworkEqualsTheLoopReferenceForThreeAndFourQubits() {
        Cdae net = Cdae.create(3, 1, 11L, DataType.DOUBLE);
        check(net, 2, DOUBLE_TOLERANCE);
        check(net.forQubits(4), 1, DOUBLE_TOLERANCE);
    }

    @Test
    void float32NetworkEqualsTheLoopReferenceForSeveralBatchSizesInARow() {
        Cdae net = Cdae.create(3, 2, 12L);
        for (int batch : new int[] {1, 5, 3, 1, 7}) {
            check(net, batch, FLOAT_TOLERANCE);
        }
        check(net.forQubits(4), 2, FLOAT_TOLERANCE);
    }
}
