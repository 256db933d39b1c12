package org.densitylab.marginals;

import java.util.List;

/**
 * The reference implementation's runtimes (spec marginals.md §8.2: {@code benchmark/runtimes.h5} at HEAD of
 * {@code guerra-antonio/Learning-QM}; mean seconds per state over 1000 samples for N = 3–5, 100 for N = 6, 50 for
 * N = 7, 8; hardware not stated, the plotting notebook ran on macOS). MIO+CDAE includes the numpy↔torch conversion;
 * the SDP is cvxpy + SCS ({@code max_iters} 2000), not run for N = 8.
 */
public final class ReferenceTimings {
    private ReferenceTimings() {
    }

    /**
     * One case.
     *
     * @param numQubits   N
     * @param k           marginal size (all k-subsets)
     * @param mioCdae     seconds for MIO + CDAE
     * @param mioCdaeMio  seconds for MIO + CDAE + MIO
     * @param sdp         seconds for the SDP (NaN: not run)
     * @param sdpSd       its SD (NaN: not quoted)
     */
    public record Case(int numQubits, int k, double mioCdae, double mioCdaeMio, double sdp, double sdpSd) {
    }

    /** The six cases N3k2, N4k2, N5k2, N6k3, N7k4, N8k4. */
    public static final List<Case> CASES = List.of(
            new Case(3, 2, 0.000997, 0.001364, 0.00970, Double.NaN),
            new Case(4, 2, 0.001661, 0.002806, 0.0565, Double.NaN),
            new Case(5, 2, 0.003737, 0.006063, 1.735, Double.NaN),
            new Case(6, 3, 0.03669, 0.05551, 78.1, 0.23),
            new Case(7, 4, 0.1988, 0.3672, 2767, 101),
            new Case(8, 4, 1.696, 3.381, Double.NaN, Double.NaN));

    /**
     * @param numQubits N, 3..8
     * @return the reference case for that N
     * @throws IllegalArgumentException for N outside 3..8
     */
    public static Case forQubits(int numQubits) {
        for (Case c : CASES) {
            if (c.numQubits() == numQubits) {
                return c;
            }
        }
        throw new IllegalArgumentException("no reference runtime for N=" + numQubits + " (N = 3..8)");
    }
}
