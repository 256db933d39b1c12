package org.densitylab.marginals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.densitylab.nn.Quiet;
import org.densitylab.util.Parallel;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training loss of the marginals paper, Eq. 6, attached to a {@link Cdae} graph.
 * For raw outputs \(Z_b\) (not hermitised, not normalised) and targets \(\rho_b\), b = 1..B:
 * \[ L = \frac{1}{Bn^2}\sum_b\|W_b - I\|_F^2
 *   + \sum_{|J| = k}\frac{1}{2B\,4^k}\sum_b\|\mathrm{tr}_{J^c}Z_b - \mathrm{tr}_{J^c}\rho_b\|_F^2
 *   \;\Bigl[+ \frac1B\sum_b(\mathrm{tr}\,\mathrm{Re}Z_b - 1)^2\Bigr] \]
 * (polar term; marginal term, model1 only; optional trace term)
 * with \(W_b\) the unitary polar factor of \(Z_b\) and J over all k-subsets (lexicographic). The marginal term is
 * the reference code's MSE over both channels, summed (not averaged) over subsets.
 * <ul>
 *   <li><b>model1</b> = polar + marginal; <b>model2</b> = polar only (paper Fig. 2; the reference code has no
 *       model2). The marginal term is still computed for model2 as a diagnostic.</li>
 *   <li><b>trace term</b>: present in every version of the reference code although the paper says it is not needed
 *       (docs/papers.md#variants-of-paper-2); the code's reference traces t_b are the float32 traces of the first
 *       batch's inputs (≈ 1 ± 1e-7), here the exact value 1. Off by default.</li>
 * </ul>
 *
 * <p>Mechanics. The partial traces are linear, so they stay in the graph: reshape {@code [B,2,n,n]} to one axis per row
 * and column qubit, permute the kept qubits first, and contract the traced row and column indices with
 * \(\mathrm{vec}(I_{2^{N-k}})\). SameDiff cannot differentiate an SVD, so the polar term enters the graph as the
 * surrogate \(\sum G\odot Z\) with the constant \(G = \partial L_{\rm pol}/\partial Z\) computed outside by {@link
 * PolarTerm} (docs/papers.md#loss-eq-6-and-the-polar-term); its gradient with respect to every weight equals that of
 * \(L_{\rm pol}\). Reported values use the true \(L_{\rm pol}\). G depends on Z, yet {@link #gradients} runs the
 * network forward only once: a listener on the graph computes G when Z has been computed and writes it into the
 * placeholder array before any op reads it (only the surrogate's backward op does).
 */
public final class CdaeLoss {
    /** Name of the target placeholder {@code [batch, 2, n, n]} (ρ; only its marginals are used). */
    public static final String TARGET = "target";
    /** Name of the placeholder receiving \(\partial L_{\rm pol}/\partial Z\). */
    public static final String POLAR_GRADIENT = "polarGradient";
    static final String MARGINAL = "marginalLoss";
    static final String TRACE = "traceLoss";
    static final String TOTAL = "total";

    /**
     * Which terms the loss has.
     *
     * @param k            marginal size (the paper trains with k = N−1)
     * @param marginalTerm include the marginal term (model1) or not (model2)
     * @param traceTerm    include the reference code's trace term
     */
    public record Spec(int k, boolean marginalTerm, boolean traceTerm) {
        /**
         * The paper's model1: polar + marginal terms (Eq. 6).
         *
         * @param k marginal size
         * @return the spec
         */
        public static Spec model1(int k) {
            return new Spec(k, true, false);
        }

        /**
         * The paper's model2: polar term only (Fig. 2).
         *
         * @param k marginal size (used for the diagnostic marginal term)
         * @return the spec
         */
        public static Spec model2(int k) {
            return new Spec(k, false, false);
        }

        /** @return this spec plus the reference code's trace term \((\mathrm{tr\,Re}Z - 1)^2\) */
        public Spec withTraceTerm() {
            return new Spec(k, marginalTerm, true);
        }

        /** @return "model1", "model2", with "+trace" when the trace term is on */
        public String label() {
            return (marginalTerm ? "model1" : "model2") + (traceTerm ? "+trace" : "");
        }
    }

    /**
     * The loss terms of one batch (means over the batch as in Eq. 6).
     *
     * @param polar    \(\frac{1}{Bn^2}\sum_b\|W_b - I\|_F^2\)
     * @param marginal the marginal term (computed also when it is not part of the loss)
     * @param trace    \(\frac1B\sum_b(\mathrm{tr\,Re}Z_b - 1)^2\) (computed also when not part of the loss)
     * @param spec     which terms make up {@link #total()}
     */
    public record Value(double polar, double marginal, double trace, Spec spec) {
        /** @return the loss: polar + (marginal if model1) + (trace if enabled) */
        public double total() {
            return polar + (spec.marginalTerm() ? marginal : 0) + (spec.traceTerm() ? trace : 0);
        }
    }

    /**
     * Loss value and gradients of one batch.
     *
     * @param value     the loss terms
     * @param gradients \(\partial L/\partial\theta\) by parameter name
     * @param output    the raw network output Z of the batch
     */
    public record Step(Value value, Map<String, INDArray> gradients, INDArray output) {
    }

    private final Cdae net;
    private final Spec spec;
    private final SameDiff sd;
    private final String[] paramNames;
    private final PolarListener listener = new PolarListener();
    private boolean gradientsBuilt;

    private CdaeLoss(Cdae net, Spec spec) {
        this.net = net;
        this.spec = spec;
        this.sd = net.graph();
        this.paramNames = net.parameters().keySet().toArray(String[]::new);
        sd.addListeners(listener);
    }

    /**
     * Adds the loss of Eq. 6 to a network's graph (once per network).
     *
     * @param net  the network
     * @param spec the terms
     * @return the loss
     * @throws IllegalArgumentException if k is not in 1..N−1 or the network already has a loss
     */
    public static CdaeLoss attach(Cdae net, Spec spec) {
        int n = net.numQubits();
        Marginals.checkK(n, spec.k());
        SameDiff sd = net.graph();
        if (sd.hasVariable(TOTAL)) {
            throw new IllegalArgumentException("this network already has a loss attached; build a new Cdae");
        }
        int d = net.dim();
        DataType t = net.dataType();
        SDVariable z = sd.getVariable(Cdae.OUTPUT);
        SDVariable target = sd.placeHolder(TARGET, t, -1, 2, d, d);
        SDVariable g = sd.placeHolder(POLAR_GRADIENT, t, -1, 2, d, d);
        List<SDVariable> terms = new ArrayList<>();
        for (int[] j : Marginals.subsets(n, spec.k())) {
            SDVariable diff = keep(sd, z.sub(target), n, j, t);
            terms.add(diff.mul(diff).mean());
        }
        SDVariable marginal = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            marginal = marginal.add(terms.get(i));
        }
        marginal = sd.identity(MARGINAL, marginal);
        INDArray diag = Nd4j.zeros(t, 1, 2, d, d);
        for (int i = 0; i < d; i++) {
            diag.putScalar(new long[] {0, 0, i, i}, 1.0);
        }
        SDVariable trRe = z.mul(sd.constant(diag)).sum(1, 2, 3);
        SDVariable dev = trRe.sub(1.0);
        SDVariable trace = sd.identity(TRACE, dev.mul(dev).mean());
        // a marginal term left out of the loss enters with weight 0, so that the single gradient pass still reports
        // it; a trace term left out is not in the graph's loss at all (its backward pass over the whole output would
        // be work for a zero gradient) and is reported from Z by the listener instead
        SDVariable total = z.mul(g).sum().add(spec.marginalTerm() ? marginal : marginal.mul(0.0));
        if (spec.traceTerm()) {
            total = total.add(trace);
        }
        sd.identity(TOTAL, total);
        sd.setLossVariables(TOTAL);
        return new CdaeLoss(net, spec);
    }

    /**
     * The partial trace keeping the sorted qubits {@code keep} of every matrix of a {@code [B, 2, n, n]} tensor
     * (both channels, the trace is real-linear), big-endian: \((X_J)_{ab} = \sum_c X_{(a,c),(b,c)}\).
     *
     * @return {@code [B, 2, 2^k, 2^k]}
     */
    static SDVariable keep(SameDiff sd, SDVariable x, int n, int[] keep, DataType t) {
        int[] traced = IntStream.range(0, n).filter(q -> Arrays.binarySearch(keep, q) < 0).toArray();
        long[] split = new long[2 + 2 * n];
        split[0] = -1;
        split[1] = 2;
        Arrays.fill(split, 2, split.length, 2);
        int[] perm = new int[2 + 2 * n];
        perm[1] = 1;
        int p = 2;
        for (int q : keep) {
            perm[p++] = 2 + q;
        }
        for (int q : keep) {
            perm[p++] = 2 + n + q;
        }
        for (int q : traced) {
            perm[p++] = 2 + q;
        }
        for (int q : traced) {
            perm[p++] = 2 + n + q;
        }
        int a = 1 << keep.length;
        int m = 1 << traced.length;
        INDArray vecI = Nd4j.zeros(t, (long) m * m, 1);
        for (int c = 0; c < m; c++) {
            vecI.putScalar((long) c * m + c, 0, 1.0);
        }
        SDVariable r = sd.reshape(x, split).permute(perm);
        r = sd.reshape(r, -1, (long) m * m).mmul(sd.constant(vecI));
        return sd.reshape(r, -1, 2, a, a);
    }

    /** @return the terms of this loss */
    public Spec spec() {
        return spec;
    }

    /** @return the network */
    public Cdae network() {
        return net;
    }

    /**
     * The loss terms of a batch (forward pass only).
     *
     * @param input  MIO outputs \(\tilde X\), {@code [B, 2, n, n]}
     * @param target targets ρ, {@code [B, 2, n, n]}
     * @return the terms of Eq. 6
     * @throws IllegalArgumentException for mismatched shapes
     */
    public Value value(INDArray input, INDArray target) {
        return forward(input, target);
    }

    /**
     * Loss and its gradient with respect to every weight (paper Eq. 6; polar part by
     * docs/papers.md#loss-eq-6-and-the-polar-term).
     *
     * @param input  MIO outputs \(\tilde X\), {@code [B, 2, n, n]}
     * @param target targets ρ, {@code [B, 2, n, n]}
     * @return value, gradients by parameter name, and the raw output
     * @throws IllegalArgumentException for mismatched shapes
     */
    public Step gradients(INDArray input, INDArray target) {
        int d = net.dim();
        check(input, "input", d);
        check(target, "target", d);
        if (input.size(0) != target.size(0)) {
            throw new IllegalArgumentException("input and target batches differ: " + input.size(0) + " vs " + target.size(0));
        }
        // one pass: the listener fills the G placeholder in place as soon as Z exists, before any op reads G
        Pass pass = new Pass(Nd4j.zeros(net.dataType(), input.size(0), 2, d, d));
        Map<String, INDArray> ph = placeholders(input, target, pass.g);
        Map<String, INDArray> grads;
        listener.pass = pass;
        try {
            if (!gradientsBuilt) {
                // SameDiff prints one line per op while it builds the gradient graph
                grads = Quiet.call(() -> sd.calculateGradients(ph, paramNames));
                gradientsBuilt = true;
            } else {
                grads = sd.calculateGradients(ph, paramNames);
            }
        } finally {
            listener.pass = null;
        }
        if (pass.z == null || Double.isNaN(pass.marginal) || Double.isNaN(pass.trace)) {
            throw new IllegalStateException("the gradient pass did not report the output and loss terms");
        }
        return new Step(new Value(pass.polar, pass.marginal, pass.trace, spec), new LinkedHashMap<>(grads), pass.z);
    }

    /** What one gradient pass saw: the output, the loss terms, and the polar gradient it filled in. */
    private static final class Pass {
        final INDArray g;
        INDArray z;
        double polar;
        double marginal = Double.NaN;
        double trace = Double.NaN;

        Pass(INDArray g) {
            this.g = g;
        }
    }

    /**
     * Hooks the forward half of {@code calculateGradients}: when the op producing Z has run, computes the polar value
     * and \(G = \partial L_{\rm pol}/\partial Z\) (docs/papers.md#loss-eq-6-and-the-polar-term) and writes G into the
     * placeholder array, which only the surrogate's gradient reads later; records the marginal and trace terms. This
     * avoids a second forward pass per step.
     */
    private final class PolarListener extends BaseListener {
        volatile Pass pass;

        @Override
        public boolean isActive(Operation operation) {
            return true;
        }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                INDArray[] outputs) {
            Pass p = pass;
            if (p == null || op.getOutputsOfOp() == null) {
                return;
            }
            List<String> names = op.getOutputsOfOp();
            for (int i = 0; i < names.size() && i < outputs.length; i++) {
                switch (names.get(i)) {
                    case Cdae.OUTPUT -> {
                        p.z = outputs[i].dup();
                        double[] gr = new double[(int) outputs[i].length()];
                        p.polar = polar(p.z, gr);
                        p.g.assign(Nd4j.create(gr, p.z.shape(), 'c').castTo(p.g.dataType()));
                        if (!spec.traceTerm()) {
                            p.trace = trace(p.z);
                        }
                    }
                    case MARGINAL -> p.marginal = outputs[i].getDouble(0);
                    case TRACE -> p.trace = outputs[i].getDouble(0);
                    default -> {
                    }
                }
            }
        }
    }

    private Value forward(INDArray input, INDArray target) {
        int d = net.dim();
        check(input, "input", d);
        check(target, "target", d);
        if (input.size(0) != target.size(0)) {
            throw new IllegalArgumentException("input and target batches differ: " + input.size(0) + " vs " + target.size(0));
        }
        Map<String, INDArray> ph = new LinkedHashMap<>();
        ph.put(Cdae.INPUT, input.castTo(net.dataType()));
        ph.put(TARGET, target.castTo(net.dataType()));
        Map<String, INDArray> out = sd.output(ph, Cdae.OUTPUT, MARGINAL, TRACE);
        double polar = polar(out.get(Cdae.OUTPUT), null);
        return new Value(polar, out.get(MARGINAL).getDouble(0), out.get(TRACE).getDouble(0), spec);
    }

    /** The trace term \(\frac1B\sum_b(\mathrm{tr\,Re}Z_b - 1)^2\) of a batch of raw outputs, in float64. */
    private static double trace(INDArray z) {
        int b = (int) z.size(0);
        int d = (int) z.size(2);
        double sum = 0;
        for (int s = 0; s < b; s++) {
            double tr = 0;
            for (int i = 0; i < d; i++) {
                tr += z.getDouble(s, 0, i, i);
            }
            sum += (tr - 1) * (tr - 1);
        }
        return sum / b;
    }

    /**
     * The polar term \(\frac{1}{Bn^2}\sum_b\|W_b - I\|_F^2\) of a batch of raw outputs and, if {@code g} is not null,
     * its gradient with respect to Z in the same {@code [B, 2, n, n]} layout
     * (docs/papers.md#loss-eq-6-and-the-polar-term), per sample in float64 on {@link Parallel#pool()}.
     */
    private static double polar(INDArray z, double[] g) {
        int b = (int) z.size(0);
        int d = (int) z.size(2);
        int dd = d * d;
        double[] flat = z.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double scale = 1.0 / ((double) b * dd);
        double[] per = new double[b];
        Runnable all = () -> IntStream.range(0, b).parallel().forEach(s -> {
            // channel 0 at 2 s dd, channel 1 at (2 s + 1) dd; the gradient array has the same layout
            per[s] = polar(flat, 2 * s * dd, (2 * s + 1) * dd, d, scale, g);
        });
        Parallel.pool().submit(all).join();
        double sum = 0;
        for (double x : per) {
            sum += x;
        }
        return sum;
    }

    private static double polar(double[] flat, int reOff, int imOff, int d, double scale, double[] g) {
        int dd = d * d;
        double[] re = Arrays.copyOfRange(flat, reOff, reOff + dd);
        double[] im = Arrays.copyOfRange(flat, imOff, imOff + dd);
        if (g == null) {
            return PolarTerm.valueAndGradient(re, im, 0, d, scale, null, null);
        }
        double[] gr = new double[dd];
        double[] gi = new double[dd];
        double v = PolarTerm.valueAndGradient(re, im, 0, d, scale, gr, gi);
        System.arraycopy(gr, 0, g, reOff, dd);
        System.arraycopy(gi, 0, g, imOff, dd);
        return v;
    }

    private Map<String, INDArray> placeholders(INDArray input, INDArray target, INDArray g) {
        Map<String, INDArray> ph = new LinkedHashMap<>();
        ph.put(Cdae.INPUT, input.castTo(net.dataType()));
        ph.put(TARGET, target.castTo(net.dataType()));
        ph.put(POLAR_GRADIENT, g);
        return ph;
    }

    private static void check(INDArray a, String what, int d) {
        long[] s = a.shape();
        if (s.length != 4 || s[1] != 2 || s[2] != d || s[3] != d) {
            throw new IllegalArgumentException(what + " must be [batch, 2, " + d + ", " + d + "], got " + Arrays.toString(s));
        }
    }
}
