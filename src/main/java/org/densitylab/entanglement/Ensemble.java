package org.densitylab.entanglement;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The ensemble of paper 1 (docs/papers.md#ensemble): M (the {@link Separator}) splits the states into domains \(t_i
 * &lt; M &lt; t_{i+1}\) with \(t = (0, 10^{-4}, 2\cdot10^{-4}, 5\cdot10^{-4}, 10^{-3}, 2\cdot10^{-3}, 5\cdot10^{-3},
 * 10^{-2}, 2\cdot10^{-2}, 5\cdot10^{-2}, 10^{-1})\); member i, a Siamese network, is trained on the training states of
 * domain i (the reference code's last training domain is (0.05, 0.1)) and selected on the validation states of its
 * domain; at test time each state goes to the member of its domain, and a state with M ≥ 0.1 or exactly on a threshold
 * to the last member (the paper's last domain is [0.05, ∞)).
 */
public final class Ensemble {
    /** Domain boundaries. */
    public static final double[] THRESHOLDS = {0, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 5e-2, 1e-1};
    /** Number of members. */
    public static final int MEMBERS = THRESHOLDS.length - 1;

    private final Separator separator;
    private final List<EntanglementNet> members;

    Ensemble(Separator separator, List<EntanglementNet> members) {
        this.separator = separator;
        this.members = List.copyOf(members);
    }

    /**
     * The domain of a value of M at test time.
     *
     * @param m the separability measure
     * @return i with \(t_i &lt; m &lt; t_{i+1}\), or the last member otherwise
     */
    public static int route(double m) {
        for (int i = 0; i < MEMBERS; i++) {
            if (THRESHOLDS[i] < m && m < THRESHOLDS[i + 1]) {
                return i;
            }
        }
        return MEMBERS - 1;
    }

    /** The indices of the states whose M lies strictly inside domain i (training and validation). */
    static int[] domain(float[] m, int i) {
        return IntStream.range(0, m.length).filter(k -> THRESHOLDS[i] < m[k] && m[k] < THRESHOLDS[i + 1]).toArray();
    }

    /**
     * Trains fresh members, as the paper does (checkpoints under {@code dir/member-i}; a rerun resumes).
     *
     * @param separator  a trained separability measure
     * @param train      training states
     * @param validation validation sets
     * @param options    training options of every member
     * @param dir        checkpoint directory, or null
     * @return the ensemble
     * @throws IOException if a checkpoint cannot be written
     * @throws IllegalArgumentException if a domain has fewer training states than one batch
     */
    public static Ensemble train(Separator separator, LabelledStates train, List<LabelledStates> validation,
            TrainingOptions options, Path dir) throws IOException {
        return train(separator, train, validation, options, dir, null);
    }

    /**
     * Trains the members, fresh ({@code initial} null, the paper) or fine-tuned from a copy of a trained
     * Siamese network (the CPU schedule: ten paper-length trainings do not fit a 2-core machine). A domain
     * with fewer training states than one batch keeps the starting network unchanged when warm-starting.
     *
     * @param separator  a trained separability measure
     * @param train      training states
     * @param validation validation sets
     * @param options    training options of every member
     * @param dir        checkpoint directory, or null
     * @param initial    the Siamese network every member starts from, or null for fresh members
     * @return the ensemble
     * @throws IOException if a checkpoint cannot be written
     * @throws IllegalArgumentException if a domain has fewer training states than one batch (fresh members)
     */
    public static Ensemble train(Separator separator, LabelledStates train, List<LabelledStates> validation,
            TrainingOptions options, Path dir, EntanglementNet initial) throws IOException {
        float[] m = separator.measureAll(train);
        List<float[]> valM = new ArrayList<>();
        for (LabelledStates v : validation) {
            valM.add(separator.measureAll(v));
        }
        List<EntanglementNet> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            int[] idx = domain(m, i);
            if (idx.length < options.batchSize() && initial != null) {
                members.add(initial);
                continue;
            }
            if (idx.length < options.batchSize()) {
                throw new IllegalArgumentException("ensemble domain " + i + " (" + THRESHOLDS[i] + " < M < " + THRESHOLDS[i + 1]
                        + ") holds " + idx.length + " training states, fewer than one batch of " + options.batchSize()
                        + "; train on more states or a smaller batch");
            }
            List<LabelledStates> val = new ArrayList<>();
            for (int v = 0; v < validation.size(); v++) {
                int[] vi = domain(valM.get(v), i);
                if (vi.length > 0) {
                    val.add(validation.get(v).subset(vi));
                }
            }
            members.add(Trainer.train(initial != null ? initial.config() : CnnConfig.paper(train.qubits()), EntanglementNet.Kind.SIAMESE, train.subset(idx), val,
                    options, dir == null ? null : dir.resolve("member-" + i), initial).best());
        }
        return new Ensemble(separator, members);
    }

    /**
     * The number of states in each domain of M (the routing of {@link #route}).
     *
     * @param m the separability measure of each state
     * @return counts per member
     */
    public static int[] routed(float[] m) {
        int[] n = new int[MEMBERS];
        for (float v : m) {
            n[route(v)]++;
        }
        return n;
    }

    /**
     * Probabilities from each state's routed member.
     *
     * @param data the states
     * @return {@code size × m}
     */
    public float[] predict(LabelledStates data) {
        return predict(data, separator.measureAll(data));
    }

    /**
     * Probabilities from each state's routed member, with M already computed.
     *
     * @param data the states
     * @param m    M of each state (the ensemble separator's {@code measureAll(data)})
     * @return {@code size × m}
     */
    public float[] predict(LabelledStates data, float[] m) {
        if (m.length != data.size()) {
            throw new IllegalArgumentException(m.length + " values of M for " + data.size() + " states");
        }
        int outputs = data.outputs();
        float[] out = new float[data.size() * outputs];
        for (int i = 0; i < MEMBERS; i++) {
            int member = i;
            int[] idx = IntStream.range(0, data.size()).filter(k -> route(m[k]) == member).toArray();
            if (idx.length == 0) {
                continue;
            }
            float[] p = Evaluation.predict(members.get(i), data.subset(idx));
            for (int k = 0; k < idx.length; k++) {
                System.arraycopy(p, k * outputs, out, idx[k] * outputs, outputs);
            }
        }
        return out;
    }
}
