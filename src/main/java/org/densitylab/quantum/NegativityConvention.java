package org.densitylab.quantum;

/**
 * The normalisation of the negativity.
 *
 * <p>{@link #STANDARD}: \(\mathcal N = (\|\rho^{T_S}\|_1 - 1)/2 = \sum_i |\lambda_i^-(\rho^{T_S})|\)
 * (entanglement paper Eq. 3, QuTiP, Qiskit): 0.5 for a Bell pair.
 *
 * <p>{@link #REFERENCE_CODE_2X}: \(\|\rho^{T_S}\|_1 - 1 = 2\mathcal N\), averaged over transposing either
 * side (the two agree), as computed by the entanglement paper's reference code
 * ({@code commons/metrics.py::negativity_dense}); 1.0 for a Bell pair. Its label threshold \(10^{-4}\)
 * equals \(5\cdot10^{-5}\) in the standard normalisation.
 */
public enum NegativityConvention {
    /** \((\|\rho^{T_S}\|_1 - 1)/2\). */
    STANDARD(1.0),
    /** \(\|\rho^{T_S}\|_1 - 1\), twice the standard value. */
    REFERENCE_CODE_2X(2.0);

    private final double factor;

    NegativityConvention(double factor) {
        this.factor = factor;
    }

    /**
     * @param standard a negativity in the standard normalisation
     * @return the same in this normalisation
     */
    public double fromStandard(double standard) {
        return factor * standard;
    }
}
