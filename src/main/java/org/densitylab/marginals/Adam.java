package org.densitylab.marginals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.densitylab.nn.Denormals;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma &amp; Ba) with PyTorch's update rule and defaults β = (0.9, 0.999), ε = 1e-8, no weight decay
 * (the reference optimiser, docs/papers.md#training-the-cdae). For step t ≥ 1:
 * \[ m \leftarrow \beta_1 m + (1-\beta_1) g,\quad v \leftarrow \beta_2 v + (1-\beta_2) g^2,\quad
 *    \theta \leftarrow \theta - \frac{\eta}{1-\beta_1^t}\,\frac{m}{\sqrt{v}/\sqrt{1-\beta_2^t} + \epsilon}. \]
 * Its state (m, v, t) is held here in plain arrays so that a checkpoint restores it exactly. Frozen parameters
 * (transfer learning) are skipped.
 */
public final class Adam {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPS = 1e-8;

    private final Map<String, INDArray> m = new LinkedHashMap<>();
    private final Map<String, INDArray> v = new LinkedHashMap<>();
    private long step;

    /**
     * Fresh state (zeros) for the given parameters.
     *
     * @param params the parameters by name
     */
    public Adam(Map<String, INDArray> params) {
        params.forEach((k, p) -> {
            m.put(k, p.ulike().assign(0));
            v.put(k, p.ulike().assign(0));
        });
    }

    /**
     * One update in place, \(\theta \leftarrow \theta - \dots\) as in the class comment.
     *
     * @param params the parameters (changed in place)
     * @param grads  their gradients
     * @param lr     learning rate η
     * @param frozen names of parameters left unchanged
     */
    public void update(Map<String, INDArray> params, Map<String, INDArray> grads, double lr, Set<String> frozen) {
        step++;
        double bc2 = 1 - Math.pow(BETA2, step);
        for (Map.Entry<String, INDArray> e : params.entrySet()) {
            if (frozen.contains(e.getKey())) {
                continue;
            }
            // ND4J's fused Adam op (one pass; it writes the step into its first argument) computes
            // lr·√(1−β2^t)/(1−β1^t) · m/(√v + ε'), which is PyTorch's rule above for ε' = ε·√(1−β2^t)
            INDArray u = grads.get(e.getKey()).dup();
            Nd4j.exec(new AdamUpdater(u, v.get(e.getKey()), m.get(e.getKey()), lr, BETA1, BETA2, EPS * Math.sqrt(bc2),
                    Math.toIntExact(step - 1)));
            e.getValue().subi(u);
        }
        Denormals.flushEvery(step, m.values());
        Denormals.flushEvery(step, v.values());
    }

    /** @return the number of updates done */
    public long step() {
        return step;
    }

    /** @return first moments by name (live) */
    public Map<String, INDArray> firstMoments() {
        return m;
    }

    /** @return second moments by name (live) */
    public Map<String, INDArray> secondMoments() {
        return v;
    }

    /**
     * Restores a saved state.
     *
     * @param step the update count t
     * @param m    first moments by name
     * @param v    second moments by name
     */
    void restore(long step, Map<String, INDArray> m, Map<String, INDArray> v) {
        this.step = step;
        m.forEach((k, a) -> this.m.get(k).assign(a));
        v.forEach((k, a) -> this.v.get(k).assign(a));
    }
}
