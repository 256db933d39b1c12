/**
 * The entanglement paper's networks (spec {@code entanglement.md} §7): the CNN, the triple Siamese CNN
 * with local-unitary and permutation consistency (paper Eq. 6), their training and evaluation.
 */
package org.densitylab.models.entanglement;
