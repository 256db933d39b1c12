/**
 * The entanglement paper's states, labels and datasets (Pawłowski &amp; Krawczyk; their concepts and classes:
 * {@code docs/papers.md}), for 3 qubits and, where the constructions allow, N qubits.
 *
 * <ul>
 *   <li>{@link org.densitylab.entanglement.PureStates}: circuits from |0…0⟩ (separable, W, GHZ, random entangling),
 *       Haar states;</li>
 *   <li>{@link org.densitylab.entanglement.MixedStates}: mixtures (Eq. 7), Kronecker separable (Eq. A4) and biseparable
 *       (Eq. A5) mixtures;</li>
 *   <li>{@link org.densitylab.entanglement.ReducedStates}: reduced states of 9-qubit circuits
 *       (Eq. 8) and the max-rank training states;</li>
 *   <li>{@link org.densitylab.entanglement.Pptes}: PPT-entangled test families;</li>
 *   <li>{@link org.densitylab.entanglement.Labels}: per-cut negativity labels, the ppt flag, the acceptance filters and
 *       the zero-discord test, plus the <em>true</em> per-cut status where it is known;</li>
 *   <li>{@link org.densitylab.entanglement.EntanglementRecipes}: the paper's datasets (Table I, the
 *       validation and test sets) with a scale factor.</li>
 * </ul>
 *
 * <p>Qubit labels follow the library (qubit 0 = most significant bit); where the reference code
 * gives a matrix by index (little-endian), it is converted. Where the paper and the
 * reference code differ, {@link org.densitylab.entanglement.Variant} chooses; the paper is the default.
 *
 * <p>The entanglement paper's networks (docs/papers.md#cnn): the CNN, the triple Siamese CNN
 * with local-unitary and permutation consistency (paper Eq. 6), the separability measure M and the
 * ensemble, their training and evaluation (paper Eq. 9), and the Table II/III experiment.
 */
package org.densitylab.entanglement;
