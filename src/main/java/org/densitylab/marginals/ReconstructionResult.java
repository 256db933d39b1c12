package org.densitylab.marginals;

import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.HermitianEigen;

/**
 * A reconstruction and its diagnostics.
 *
 * @param method        the method's name
 * @param state         the reconstructed matrix (Hermitian, trace 1; positive semidefinite when the method
 *                      succeeded), or null if the method produced none (a network output that cannot be
 *                      normalised, an SDP that timed out)
 * @param iterations    iterations of an iterative method (eigen-decompositions), 0 for a closed form
 * @param converged     whether the state is positive semidefinite (\(\lambda_{\min} \ge -10^{-10}\)) with every
 *                      marginal within the tolerance
 * @param marginalError the largest entry-wise deviation of a marginal of the state from its target (NaN without
 *                      a state)
 * @param minEigenvalue the smallest eigenvalue of the state (NaN without a state)
 * @param seconds       the time of the method on the calling thread (for {@code sdp}: the solver's time)
 */
public record ReconstructionResult(String method, ComplexMatrix state, int iterations, boolean converged,
        double marginalError, double minEigenvalue, double seconds) {

    /**
     * Diagnoses a state.
     *
     * @param method     method name
     * @param problem    the problem
     * @param state      the state, or null
     * @param iterations iterations
     * @param tolerance  largest marginal error counted as converged
     * @param seconds    time taken
     * @return the result
     */
    static ReconstructionResult of(String method, MarginalProblem problem, ComplexMatrix state, int iterations,
            double tolerance, double seconds) {
        if (state == null) {
            return new ReconstructionResult(method, null, iterations, false, Double.NaN, Double.NaN, seconds);
        }
        double err = problem.marginalError(state);
        double min = HermitianEigen.eigenvalues(state)[0];
        return new ReconstructionResult(method, state, iterations, err <= tolerance && min >= -Reconstruction.PSD_TOLERANCE,
                err, min, seconds);
    }

    /** @return whether the state is positive semidefinite within the paper's tolerance ({@link Reconstruction#isPsd}) */
    public boolean isPsd() {
        return state != null && minEigenvalue >= -Reconstruction.PSD_TOLERANCE;
    }
}
