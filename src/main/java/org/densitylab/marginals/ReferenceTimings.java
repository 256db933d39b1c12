package org.densitylab.marginals;

import java.util.List;
import org.densitylab.util.ReferenceData;

/**
 * The runtimes published with the marginals paper's reference code ({@code benchmark/runtimes.h5} of
 * {@code guerra-antonio/Learning-QM}, the data of paper 2's runtime figure): mean seconds per state over 1000
 * samples for N = 3–5, 100 for N = 6, 50 for N = 7, 8; hardware not stated. MIO+CDAE includes the numpy↔torch
 * conversion; the SDP is cvxpy + SCS (2000 iterations), not run for N = 8. The numbers are data, read through
 * {@link ReferenceData} from {@code org/densitylab/reference/marginals-runtimes.csv}.
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
    public static final List<Case> CASES = ReferenceData.load("marginals-runtimes.csv").rows().stream()
            .map(r -> new Case(r.integer("n"), r.integer("k"), r.number("mio_cdae_s"), r.number("mio_cdae_mio_s"),
                    r.number("sdp_s"), r.number("sdp_sd_s")))
            .toList();

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
