package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.densitylab.QuietTest;
import org.densitylab.data.ChunkBuffers;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.MatrixFunctions;
import org.densitylab.quantum.PartialTrace;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The loss of Eq. 6 against an independent float64 computation: the polar factor from
 * \(W = Z (Z^\dagger Z)^{-1/2}\) (our Hermitian eigen-solver, not an SVD), marginals from
 * {@link PartialTrace#keep}; gradients against central finite differences of that reference.
 */
class CdaeLossTest extends QuietTest {
    private static final int N = 3;
    private static final int K = 2;
    private static final int BATCH = 3;

    /** Independent reference of Eq. 6 (+ trace term) from raw outputs and targets. */
    static double[] reference(INDArray z, INDArray target, int n, int k) {
        int d = 1 << n;
        int b = (int) z.size(0);
        double polar = 0;
        double marginal = 0;
        double trace = 0;
        List<int[]> subsets = Marginals.subsets(n, k);
        for (int s = 0; s < b; s++) {
            ComplexMatrix zs = complex(z, s, d);
            ComplexMatrix w = zs.mult(MatrixFunctions.apply(zs.dagger().mult(zs), x -> 1 / Math.sqrt(x)));
            double f = w.minus(ComplexMatrix.identity(d)).frobeniusNorm();
            polar += f * f / ((double) b * d * d);
            ComplexMatrix ts = complex(target, s, d);
            for (int[] j : subsets) {
                double e = PartialTrace.keep(zs, j).minus(PartialTrace.keep(ts, j)).frobeniusNorm();
                marginal += e * e / (2.0 * b * (1 << (2 * k)));
            }
            trace += (zs.traceRe() - 1) * (zs.traceRe() - 1) / b;
        }
        return new double[] {polar, marginal, trace};
    }

    static ComplexMatrix complex(INDArray a, int s, int d) {
        double[][] re = new double[d][d];
        double[][] im = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                re[i][j] = a.getDouble(s, 0, i, j);
                im[i][j] = a.getDouble(s, 1, i, j);
            }
        }
        return ComplexMatrix.of(re, im);
    }

    private static INDArray[] batch(int n, int k, int size, long seed) {
        ChunkBuffers data = MarginalsDataset.generate(MarginalsDataset.Spec.of(n, k, size), seed);
        int d = 1 << n;
        INDArray in = Nd4j.create(data.floats("input"), new long[] {size, 2, d, d}, 'c').castTo(DataType.DOUBLE);
        INDArray tg = Nd4j.create(data.floats("target"), new long[] {size, 2, d, d}, 'c').castTo(DataType.DOUBLE);
        return new INDArray[] {in, tg};
    }

    @Test
    void polarGradientMatchesFiniteDifferences() {
        int d = 4;
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        for (int i = 0; i < re.length; i++) {
            re[i] = rng.nextGaussian() + (i % (d + 1) == 0 ? 1 : 0);
            im[i] = rng.nextGaussian();
        }
        double[] gr = new double[d * d];
        double[] gi = new double[d * d];
        double scale = 0.37;
        PolarTerm.valueAndGradient(re, im, 0, d, scale, gr, gi);
        double h = 1e-6;
        double worst = 0;
        for (int i = 0; i < re.length; i++) {
            for (double[] arr : new double[][] {re, im}) {
                double keep = arr[i];
                arr[i] = keep + h;
                double up = PolarTerm.valueAndGradient(re, im, 0, d, scale, null, null);
                arr[i] = keep - h;
                double down = PolarTerm.valueAndGradient(re, im, 0, d, scale, null, null);
                arr[i] = keep;
                double fd = (up - down) / (2 * h);
                double an = arr == re ? gr[i] : gi[i];
                worst = Math.max(worst, Math.abs(fd - an));
            }
        }
        assertTrue(worst < 1e-8, "polar gradient vs finite differences: max abs error " + worst);
    }

    @Test
    void polarValueOfAPositiveMatrixIsZeroAndOfMinusIdentityIsFour() {
        int d = 2;
        // Z = diag(2, 1): W = I. Z = -I: W = -I, ||W - I||^2 = 4 d, times scale 1
        assertEquals(0, PolarTerm.valueAndGradient(new double[] {2, 0, 0, 1}, new double[4], 0, d, 1, null, null), 1e-14);
        assertEquals(8, PolarTerm.valueAndGradient(new double[] {-1, 0, 0, -1}, new double[4], 0, d, 1, null, null), 1e-12);
    }

    @Test
    void lossValueMatchesTheIndependentFloat64Reference() {
        Cdae net = Cdae.create(N, 1, 11L, DataType.DOUBLE);
        CdaeLoss loss = CdaeLoss.attach(net, CdaeLoss.Spec.model1(K).withTraceTerm());
        INDArray[] b = batch(N, K, BATCH, 5L);
        CdaeLoss.Value v = loss.value(b[0], b[1]);
        double[] ref = reference(net.output(b[0]), b[1], N, K);
        assertEquals(ref[0], v.polar(), 1e-10);
        assertEquals(ref[1], v.marginal(), 1e-12 * Math.max(1, ref[1]));
        assertEquals(ref[2], v.trace(), 1e-12);
        assertEquals(ref[0] + ref[1] + ref[2], v.total(), 1e-10);
        assertTrue(ref[1] > 1e-4 && ref[0] > 1e-3, "terms are not trivially zero");
    }

    @Test
    void theSingleGradientPassReportsTheTermsAndOutputOfTheIndependentReference() {
        // gradients() runs the network once and takes Z, the polar term and the other terms from that pass
        for (CdaeLoss.Spec spec : new CdaeLoss.Spec[] {CdaeLoss.Spec.model1(K), CdaeLoss.Spec.model2(K)}) {
            Cdae net = Cdae.create(N, 1, 13L, DataType.DOUBLE);
            CdaeLoss loss = CdaeLoss.attach(net, spec);
            INDArray[] b = batch(N, K, BATCH, 8L);
            INDArray z = net.output(b[0]);
            double[] ref = reference(z, b[1], N, K);
            for (int rep = 0; rep < 2; rep++) {
                CdaeLoss.Step step = loss.gradients(b[0], b[1]);
                assertEquals(z, step.output(), spec.label());
                assertEquals(ref[0], step.value().polar(), 1e-10, spec.label());
                assertEquals(ref[1], step.value().marginal(), 1e-12, spec.label());
                assertEquals(ref[2], step.value().trace(), 1e-12, spec.label());
            }
        }
    }

    @Test
    void marginalTermOfNFourUsesTheRightQubitsOfEverySubset() {
        // N = 4, k = 2: six subsets, in-graph reshape/permute partial traces vs PartialTrace.keep
        Cdae net = Cdae.create(4, 1, 3L, DataType.DOUBLE);
        CdaeLoss loss = CdaeLoss.attach(net, CdaeLoss.Spec.model1(2));
        INDArray[] b = batch(4, 2, 2, 9L);
        assertEquals(reference(net.output(b[0]), b[1], 4, 2)[1], loss.value(b[0], b[1]).marginal(), 1e-13);
    }

    /**
     * The gradient check: analytic (graph + closed-form polar) vs central differences (h = 1e-5; max pooling
     * has kinks, so h must stay small) of the float64 loss: marginal and trace terms from the reference above, the
     * polar value from {@link PolarTerm} (its SVD value is checked against the eigen route above to 1e-10; the
     * eigen route itself is too noisy, ~1e-12, for differences at this h), 4 random entries of every parameter array; error |fd − an| / max(1e-3, |fd| + |an|). Observed
     * below 1e-6; a wrong factor or transpose gives O(1).
     */
    static double gradientCheck(CdaeLoss.Spec spec, long seed, java.util.SplittableRandom pick) {
        Cdae net = Cdae.create(N, 1, seed, DataType.DOUBLE);
        CdaeLoss loss = CdaeLoss.attach(net, spec);
        INDArray[] b = batch(N, K, BATCH, seed + 1);
        Map<String, INDArray> grads = loss.gradients(b[0], b[1]).gradients();
        double h = 1e-5;
        double worst = 0;
        for (Map.Entry<String, INDArray> e : net.parameters().entrySet()) {
            INDArray p = e.getValue();
            INDArray g = grads.get(e.getKey());
            for (int t = 0; t < 4; t++) {
                long i = pick.nextLong(p.length());
                double fd = centralDifference(net, p, i, h, b, spec);
                double an = g.getDouble(i);
                worst = Math.max(worst, Math.abs(fd - an) / Math.max(1e-3, Math.abs(fd) + Math.abs(an)));
            }
        }
        return worst;
    }

    private static double centralDifference(Cdae net, INDArray p, long i, double h, INDArray[] b, CdaeLoss.Spec spec) {
        double keep = p.getDouble(i);
        p.putScalar(i, keep + h);
        double up = precise(net.output(b[0]), b[1], spec);
        p.putScalar(i, keep - h);
        double down = precise(net.output(b[0]), b[1], spec);
        p.putScalar(i, keep);
        return (up - down) / (2 * h);
    }

    /** The reference with its polar term replaced by the SVD value (precise to round-off). */
    private static double precise(INDArray z, INDArray target, CdaeLoss.Spec spec) {
        double[] ref = reference(z, target, N, K);
        int d = 1 << N;
        int b = (int) z.size(0);
        double polar = 0;
        for (int s = 0; s < b; s++) {
            double[] re = z.get(org.nd4j.linalg.indexing.NDArrayIndex.point(s), org.nd4j.linalg.indexing.NDArrayIndex.point(0))
                    .dup('c').data().asDouble();
            double[] im = z.get(org.nd4j.linalg.indexing.NDArrayIndex.point(s), org.nd4j.linalg.indexing.NDArrayIndex.point(1))
                    .dup('c').data().asDouble();
            polar += PolarTerm.valueAndGradient(re, im, 0, d, 1.0 / (b * d * d), null, null);
        }
        ref[0] = polar;
        return total(ref, spec);
    }

    private static double total(double[] ref, CdaeLoss.Spec spec) {
        return ref[0] + (spec.marginalTerm() ? ref[1] : 0) + (spec.traceTerm() ? ref[2] : 0);
    }

    @Test
    void gradientOfModel1WithTraceTermPassesFiniteDifferences() {
        double err = gradientCheck(CdaeLoss.Spec.model1(K).withTraceTerm(), 21L, rng);
        assertTrue(err < 1e-6, "relative gradient error " + err);
    }

    @Test
    void gradientOfModel2PassesFiniteDifferences() {
        double err = gradientCheck(CdaeLoss.Spec.model2(K), 22L, rng);
        assertTrue(err < 1e-6, "relative gradient error " + err);
    }

    @Test
    void rejectsBadShapesAndASecondLoss() {
        Cdae net = Cdae.create(N, 1, 1L);
        CdaeLoss loss = CdaeLoss.attach(net, CdaeLoss.Spec.model1(K));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CdaeLoss.attach(net, CdaeLoss.Spec.model2(K)))
                .getMessage().contains("already"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> loss.value(Nd4j.zeros(2, 2, 8, 8), Nd4j.zeros(3, 2, 8, 8))).getMessage().contains("2 vs 3"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CdaeLoss.attach(Cdae.create(N, 1, 1L), CdaeLoss.Spec.model1(3))).getMessage().contains("k = 3"));
    }
}
