package org.densitylab.bench;

import java.util.List;
import java.util.SplittableRandom;
import org.densitylab.data.ChunkBuffers;
import org.densitylab.marginals.Reconstruction;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.marginals.Marginal;
import org.densitylab.marginals.Marginals;
import org.densitylab.marginals.MarginalsDataset;
import org.densitylab.marginals.Mio;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.RandomStates;
import org.densitylab.marginals.Adam;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.densitylab.marginals.PolarTerm;
import org.densitylab.marginals.CdaeLoss;
import org.densitylab.marginals.Cdae;

/**
 * Bench case {@code cdae}: training throughput of the CDAE (S = 10, batch 100, model1 loss with k = N−1: forward
 * pass, closed-form polar gradient, backward pass, Adam update) for N = 3, 4, 5, and the latency of one
 * reconstruction MIO → CDAE → MIO for N3k2, N4k2, N5k2 (against PyTorch: {@code bench --vs-pytorch}, {@link PeerBench};
 * against the reference code's published timings: {@code bench runtime}). Case {@code cdae-parts}: the parts of one
 * training step separately (forward pass, polar value and gradient by SVD, the full gradient pass, Adam).
 *
 * <p>Which native build runs matters most: a oneDNN build (the default where the CPU has AVX2, {@link
 * org.densitylab.nn.NativeBuild}) trains several times faster than the generic one ({@code DENSITYLAB_ND4J=generic}).
 */
public final class CdaeBench {
    private CdaeBench() {
    }

    /** An S = 10 network with the model1 loss (k = N − 1) and one batch of inputs and targets. */
    record Step(Cdae net, CdaeLoss loss, INDArray in, INDArray tg) {
        static Step of(int n, int batch) {
            Cdae net = Cdae.create(n, Cdae.PAPER_SCALE, n);
            ChunkBuffers data = MarginalsDataset.generate(MarginalsDataset.Spec.of(n, n - 1, batch), n);
            int d = 1 << n;
            long[] shape = {batch, 2, d, d};
            return new Step(net, CdaeLoss.attach(net, CdaeLoss.Spec.model1(n - 1)), Nd4j.create(data.floats("input"), shape, 'c'),
                    Nd4j.create(data.floats("target"), shape, 'c'));
        }
    }

    /**
     * Runs the case.
     *
     * @param b the bench
     */
    public static void run(Bench b) {
        for (int n = 3; n <= 5; n++) {
            Step st = Step.of(n, 100);
            Adam adam = new Adam(st.net().parameters());
            b.measure("CDAE training N=" + n + " k=" + (n - 1) + " S=10 batch 100", "samples", 100, 10, call -> {
                        CdaeLoss.Step s = st.loss().gradients(st.in(), st.tg());
                        adam.update(st.net().parameters(), s.gradients(), 1e-4, java.util.Set.of());
                        return s.value().total();
                    });
        }
        latency(b);
    }

    /**
     * Case {@code cdae-parts}: each part of a training step at N = 3, 4, 5 (S = 10, batch 100, model1, k = N−1).
     *
     * @param b the bench
     */
    public static void parts(Bench b) {
        for (int n = 3; n <= 5; n++) {
            int batch = 100;
            Step st = Step.of(n, batch);
            Cdae net = st.net();
            CdaeLoss loss = st.loss();
            INDArray in = st.in();
            INDArray tg = st.tg();
            int d = 1 << n;
            String at = " N=" + n;
            b.measure("CDAE forward pass" + at, "samples", batch, call -> net.output(in).getDouble(0));
            b.measure("CDAE loss value (forward + polar by SVD)" + at, "samples", batch, call -> loss.value(in, tg).total());
            CdaeLoss.Step step = loss.gradients(in, tg);
            b.measure("CDAE gradient pass (one forward + backward)" + at, "samples", batch,
                    call -> loss.gradients(in, tg).value().total());
            double[] z = step.output().castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').data().asDouble();
            b.measure("polar value + gradient, EJML float64, serial" + at, "samples", batch, call -> {
                double sum = 0;
                double[] gr = new double[d * d];
                double[] gi = new double[d * d];
                for (int s = 0; s < batch; s++) {
                    double[] re = java.util.Arrays.copyOfRange(z, 2 * s * d * d, (2 * s + 1) * d * d);
                    double[] im = java.util.Arrays.copyOfRange(z, (2 * s + 1) * d * d, (2 * s + 2) * d * d);
                    sum += PolarTerm.valueAndGradient(re, im, 0, d, 1e-4, gr, gi);
                }
                return sum;
            });
            Adam adam = new Adam(net.parameters());
            b.measure("Adam update (" + String.format(java.util.Locale.ROOT, "%,d", net.parameterCount()) + " parameters)" + at, "steps", 1, call -> {
                adam.update(net.parameters(), step.gradients(), 1e-9, java.util.Set.of());
                return adam.step();
            });
        }
    }

    private static void latency(Bench b) {
        for (int n = 3; n <= 5; n++) {
            int k = 2;
            Cdae net = Cdae.create(n, Cdae.PAPER_SCALE, n);
            SplittableRandom rng = new SplittableRandom(n);
            DensityMatrix rho = RandomStates.hilbertSchmidt(n, 1 << n, rng);
            List<Marginal> marginals = Marginals.of(rho, k);
            ComplexMatrix seed = RandomStates.hilbertSchmidt(n, 1 << n, rng).matrix();
            b.measure("MIO + CDAE + MIO, N=" + n + " k=" + k + ", one state", "states", 1, call -> {
                        ComplexMatrix x = Reconstruction.reconstruct(net, seed, marginals, true);
                        return x == null ? 0 : x.re(0, 0);
                    });
        }
    }
}
