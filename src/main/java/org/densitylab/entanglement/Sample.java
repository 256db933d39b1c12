package org.densitylab.entanglement;

import java.util.List;
import org.densitylab.quantum.DensityMatrix;

/**
 * A generated state with what its construction tells about it.
 *
 * @param state          the density matrix
 * @param productGroups  groups of qubits known to be in a product with the rest (the reference code's
 *                       {@code not_ent_qbits}): each group is a set of qubits the construction left unentangled
 *                       from the others
 * @param pptFlag        the reference code's "ppt flag": near-PPT cuts whose both sides hold an
 *                       entangled qubit are labelled entangled (docs/papers.md#labels)
 * @param separable      whether the construction makes the state fully separable (every cut separable)
 * @param truth          per-cut true status where the construction or theory fixes it (1 entangled,
 *                       0 separable, −1 unknown), or {@code null} when only the labels decide
 */
public record Sample(DensityMatrix state, List<int[]> productGroups, boolean pptFlag, boolean separable, int[] truth) {

    /**
     * @param state a state about which the construction says nothing
     * @return the sample
     */
    public static Sample of(DensityMatrix state) {
        return new Sample(state, List.of(), false, false, null);
    }

    /**
     * @param state a state separable by construction
     * @return the sample
     */
    public static Sample separable(DensityMatrix state) {
        return new Sample(state, List.of(), false, true, null);
    }

    /**
     * @param flag the ppt flag
     * @return this sample with the flag set
     */
    public Sample withPptFlag(boolean flag) {
        return new Sample(state, productGroups, flag, separable, truth);
    }
}
