package org.densitylab.marginals;

import java.util.Arrays;
import java.util.Objects;
import org.densitylab.quantum.DensityMatrix;

/**
 * A prescribed marginal: the reduced state \(\sigma_J = \mathrm{tr}_{J^c}\rho\) on the qubits
 * \(J = (j_1 < \dots < j_k)\), with its tensor factors in ascending label order (\(j_1\) the most
 * significant bit; docs/papers.md#marginals). Immutable.
 *
 * @param qubits the kept qubits, strictly ascending, non-negative (a copy is stored and returned)
 * @param state  the reduced state, of \(k = |J|\) qubits
 */
public record Marginal(int[] qubits, DensityMatrix state) {
    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if the qubits are not strictly ascending and non-negative, or the
     *                                  state's size does not match their number
     */
    public Marginal {
        Objects.requireNonNull(qubits, "qubits");
        Objects.requireNonNull(state, "state");
        qubits = qubits.clone();
        if (qubits.length == 0) {
            throw new IllegalArgumentException("a marginal needs at least one qubit");
        }
        for (int t = 0; t < qubits.length; t++) {
            if (qubits[t] < 0 || (t > 0 && qubits[t] <= qubits[t - 1])) {
                throw new IllegalArgumentException("marginal qubits must be distinct non-negative labels in ascending"
                        + " order (the factor order of the reduced state), got " + Arrays.toString(qubits));
            }
        }
        if (state.numQubits() != qubits.length) {
            throw new IllegalArgumentException("a marginal on qubits " + Arrays.toString(qubits) + " needs a "
                    + (1 << qubits.length) + "x" + (1 << qubits.length) + " state (" + qubits.length
                    + " qubits), got " + state.dim() + "x" + state.dim());
        }
    }

    /**
     * @param qubits kept qubits, strictly ascending
     * @param state  \(\sigma_J\), of {@code qubits.length} qubits
     * @return the marginal
     */
    public static Marginal of(int[] qubits, DensityMatrix state) {
        return new Marginal(qubits, state);
    }

    /** @return a copy of the kept qubits, ascending */
    @Override
    public int[] qubits() {
        return qubits.clone();
    }

    /** @return \(k = |J|\) */
    public int size() {
        return qubits.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Marginal m && Arrays.equals(qubits, m.qubits) && state.equals(m.state);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(qubits) + state.hashCode();
    }

    @Override
    public String toString() {
        return "Marginal" + Arrays.toString(qubits) + " " + state;
    }
}
