package org.densitylab.marginals;

import java.util.random.RandomGenerator;

/**
 * A method that reconstructs a state from prescribed marginals. Implementations are immutable and thread-safe;
 * {@link Reconstructors} makes them by name.
 */
public interface Reconstructor {
    /** @return the method's name, as on the command line (for example {@code alternating-projections}) */
    String name();

    /**
     * Reconstructs one state.
     *
     * @param problem the validated marginals
     * @param rng     the randomness of the method (the Hilbert–Schmidt seed of the MIO, paper Eq. 3), so that a
     *                result depends only on the problem and this stream
     * @return the state and its diagnostics
     */
    ReconstructionResult reconstruct(MarginalProblem problem, RandomGenerator rng);
}
