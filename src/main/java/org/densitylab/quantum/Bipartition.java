package org.densitylab.quantum;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A cut \(S\,|\,\bar S\) of an N-qubit register, with \(S\) the listed qubits.
 *
 * @param numQubits register size N
 * @param subset    the qubits of S, ascending (copied; non-empty, not the whole register)
 */
public record Bipartition(int numQubits, int[] subset) {

    /**
     * @param numQubits register size, at least 2
     * @param subset    the qubits on one side
     * @throws IllegalArgumentException if a side would be empty or a qubit is invalid
     */
    public Bipartition {
        subset = Qubits.checkedSorted(numQubits, subset);
        if (subset.length == 0 || subset.length == numQubits) {
            throw new IllegalArgumentException("a bipartition needs qubits on both sides, got "
                    + Arrays.toString(subset) + " of " + numQubits);
        }
    }

    /**
     * @param numQubits register size
     * @param subset    qubits on the first side
     * @return the cut
     */
    public static Bipartition of(int numQubits, int... subset) {
        return new Bipartition(numQubits, subset);
    }

    /** @return the other side \(\bar S\), ascending */
    public int[] complement() {
        return Qubits.complement(numQubits, subset);
    }

    @Override
    public int[] subset() {
        return subset.clone();
    }

    /** @return bit mask of S in a big-endian basis index */
    public int mask() {
        return Qubits.mask(numQubits, subset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bipartition b && b.numQubits == numQubits && Arrays.equals(b.subset, subset);
    }

    @Override
    public int hashCode() {
        return 31 * numQubits + Arrays.hashCode(subset);
    }

    /** @return for example {@code {0}|{1,2}} */
    @Override
    public String toString() {
        return side(subset) + "|" + side(complement());
    }

    private static String side(int[] qs) {
        return Arrays.stream(qs).mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
