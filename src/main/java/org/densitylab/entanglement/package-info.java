/**
 * The entanglement paper's states, labels and datasets (Pawłowski &amp; Krawczyk; spec
 * {@code entanglement.md} §2–6), for 3 qubits and, where the constructions allow, N qubits.
 *
 * <ul>
 *   <li>{@link org.densitylab.entanglement.PureStates}: circuits from |0…0⟩ (separable, W, GHZ,
 *       random entangling), Haar states (§2);</li>
 *   <li>{@link org.densitylab.entanglement.MixedStates}: mixtures (Eq. 7), Kronecker separable (Eq. A4)
 *       and biseparable (Eq. A5) mixtures (§3.1–3.3);</li>
 *   <li>{@link org.densitylab.entanglement.ReducedStates}: reduced states of 9-qubit circuits
 *       (Eq. 8, §3.4–3.5);</li>
 *   <li>{@link org.densitylab.entanglement.Pptes}: PPT-entangled test families (§6);</li>
 *   <li>{@link org.densitylab.entanglement.Labels}: per-cut negativity labels, the ppt flag, the
 *       acceptance filters and the zero-discord test (§4), plus the <em>true</em> per-cut status where it
 *       is known;</li>
 *   <li>{@link org.densitylab.entanglement.EntanglementRecipes}: the paper's datasets (Table I, the
 *       validation and test sets) with a scale factor.</li>
 * </ul>
 *
 * <p>Qubit labels follow the library (qubit 0 = most significant bit); the reference code's
 * little-endian matrices are converted where the spec writes them by index. Where the paper and the
 * reference code differ, {@link org.densitylab.entanglement.Variant} chooses; the paper is the default.
 *
 * <p>The entanglement paper's networks (spec {@code entanglement.md} §7): the CNN, the triple Siamese CNN
 * with local-unitary and permutation consistency (paper Eq. 6), their training and evaluation.
 */
package org.densitylab.entanglement;
