package org.densitylab.entanglement;

import java.util.function.ToIntBiFunction;
import org.densitylab.quantum.Bipartitions;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.QubitOrder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Accuracies (paper 1 Eq. 9): a cut is predicted entangled when p &gt; 0.5; the accuracy of cut j is the share of
 * states whose prediction equals the label, and the table value is their mean over cuts (paper Eq. 9).
 * Also the accuracy against the true per-cut status where it is known, and analytic baselines.
 */
public final class Evaluation {
    /** Inference batch size. */
    public static final int BATCH = 1024;

    private Evaluation() {
    }

    /**
     * Accuracies of one predictor on one set.
     *
     * @param perCut       accuracy (%) per cut against the paper's labels
     * @param mean         their mean (paper Eq. 9)
     * @param meanTruth    accuracy (%) against the true status, over the cuts whose status is known (NaN if none)
     * @param knownShare   share of cuts with a known status
     * @param bce          mean binary cross-entropy (NaN for baselines)
     */
    public record Accuracy(double[] perCut, double mean, double meanTruth, double knownShare, double bce) {
    }

    /**
     * The network's predictions.
     *
     * @param net  a network
     * @param data the states
     * @return probabilities, {@code size × m}, row-major
     */
    public static float[] predict(EntanglementNet net, LabelledStates data) {
        int d = 1 << data.qubits();
        int per = 2 * d * d;
        int m = data.outputs();
        float[] out = new float[data.size() * m];
        for (int first = 0; first < data.size(); first += BATCH) {
            int b = Math.min(BATCH, data.size() - first);
            float[] x = new float[b * per];
            System.arraycopy(data.states(), first * per, x, 0, b * per);
            INDArray p = net.predict(Nd4j.create(x, new long[] {b, 2, d, d}, 'c'));
            System.arraycopy(p.data().asFloat(), 0, out, first * m, b * m);
        }
        return out;
    }

    /**
     * Accuracy of a network.
     *
     * @param net  the network
     * @param data the set
     * @return the accuracies and the BCE
     */
    public static Accuracy of(EntanglementNet net, LabelledStates data) {
        return of(predict(net, data), data);
    }

    /**
     * Accuracy of given probabilities.
     *
     * @param p    probabilities, {@code size × m}
     * @param data the set with its labels
     * @return the accuracies and the BCE
     */
    public static Accuracy of(float[] p, LabelledStates data) {
        double bce = 0;
        for (int k = 0; k < p.length; k++) {
            double q = Math.min(Math.max(p[k], 1e-7), 1 - 1e-7);
            bce -= data.labels()[k] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        Accuracy a = score(data, (i, j) -> p[i * data.outputs() + j] > 0.5f ? 1 : 0);
        return new Accuracy(a.perCut(), a.mean(), a.meanTruth(), a.knownShare(), bce / p.length);
    }

    /**
     * The PPT criterion as a classifier: entangled iff the cut's label value (2·negativity) exceeds the label
     * threshold. It cannot detect PPT entanglement.
     *
     * @param data the set
     * @return its accuracies
     */
    public static Accuracy pptBaseline(LabelledStates data) {
        float[] p = pptPredictions(data);
        return score(data, (i, j) -> p[i * data.outputs() + j] > 0.5f ? 1 : 0);
    }

    /**
     * The PPT criterion's decisions as 0/1 probabilities, {@code size × m}: 1 iff the cut's label value
     * (2·negativity, docs/papers.md#labels) exceeds the label threshold. Exactly invariant under local unitaries and
     * consistent under qubit permutations, so it serves as the reference predictor of {@link Consistency}.
     *
     * @param data the set
     * @return the decisions, row-major
     */
    public static float[] pptPredictions(LabelledStates data) {
        int m = data.outputs();
        float[] p = new float[data.size() * m];
        for (int i = 0; i < data.size(); i++) {
            double[] v = Labels.values(state(data, i));
            for (int j = 0; j < m; j++) {
                p[i * m + j] = v[j] > Labels.THRESHOLD ? 1 : 0;
            }
        }
        return p;
    }

    /**
     * The realignment (CCNR) criterion as a classifier: entangled iff \(\|R(\rho)\|_1 &gt; 1 + 10^{-6}\) for the cut.
     *
     * @param data the set
     * @return its accuracies
     */
    public static Accuracy realignmentBaseline(LabelledStates data) {
        var cuts = Bipartitions.of(data.qubits());
        return score(data, (i, j) -> state(data, i).realignment(cuts.get(j)) > 1 + 1e-6 ? 1 : 0);
    }

    private static DensityMatrix state(LabelledStates data, int i) {
        int d = 1 << data.qubits();
        int per = 2 * d * d;
        double[] x = new double[per];
        for (int k = 0; k < per; k++) {
            x[k] = data.states()[i * per + k];
        }
        return DensityMatrix.fromTwoChannel(x, QubitOrder.BIG_ENDIAN, 1e-5);
    }

    /** Scores a per-(state, cut) 0/1 prediction against labels and truth. */
    static Accuracy score(LabelledStates data, ToIntBiFunction<Integer, Integer> predicted) {
        int m = data.outputs();
        long[] right = new long[m];
        long truthRight = 0;
        long truthKnown = 0;
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < m; j++) {
                int p = predicted.applyAsInt(i, j);
                if (p == data.labels()[i * m + j]) {
                    right[j]++;
                }
                int t = data.truth() == null ? -1 : data.truth()[i * m + j];
                if (t >= 0) {
                    truthKnown++;
                    truthRight += p == t ? 1 : 0;
                }
            }
        }
        double[] per = new double[m];
        double mean = 0;
        for (int j = 0; j < m; j++) {
            per[j] = 100.0 * right[j] / data.size();
            mean += per[j] / m;
        }
        return new Accuracy(per, mean, truthKnown == 0 ? Double.NaN : 100.0 * truthRight / truthKnown,
                (double) truthKnown / ((long) data.size() * m), Double.NaN);
    }
}
