package org.densitylab.entanglement;

/** Decides whether a generated candidate is kept (the reference code re-draws rejected candidates). */
@FunctionalInterface
public interface Acceptance {
    /** Keeps every state (the "negativity labeled" strategy; filter 'incl'). */
    Acceptance ALL = of(Labels.Filter.INCL);
    /** The max-rank ("weak PPTES") acceptance (docs/papers.md#mixtures). */
    Acceptance ONE_NEAR_ZERO_PER_CUT = (s, v) -> Labels.oneNearZeroEigenvaluePerCut(s.state());
    /** An entangled state (mean value ≥ 1e-4) whose PPT cuts are all proven separable by zero discord. */
    Acceptance NPT_VERIFIED = (s, v) -> mean(v) >= Labels.THRESHOLD && Labels.accepts(Labels.Filter.ZERO_DISCORD, s, v);

    /**
     * @param sample the candidate
     * @param values its label values (2× negativity per cut)
     * @return whether to keep it
     */
    boolean accepts(Sample sample, double[] values);

    /**
     * @param filter one of the reference code's filters
     * @return the acceptance
     */
    static Acceptance of(Labels.Filter filter) {
        return (s, v) -> Labels.accepts(filter, s, v);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
