package org.densitylab.quantum;

/**
 * Which qubit is the most significant bit of a basis index.
 *
 * <p>DensityLab uses {@link #BIG_ENDIAN} everywhere. Matrices from Qiskit or from the entanglement paper's
 * reference code are {@link #LITTLE_ENDIAN}: there qubit 0 is the least significant bit, the rightmost
 * tensor factor. Converting between the two reverses the bits of every index; qubit labels keep their
 * meaning (qubit q is qubit q in both).
 */
public enum QubitOrder {
    /** Qubit 0 is the most significant bit (leftmost factor): QuTiP, the marginals paper, DensityLab. */
    BIG_ENDIAN,
    /** Qubit 0 is the least significant bit (rightmost factor): Qiskit, the entanglement paper's code. */
    LITTLE_ENDIAN;

    /**
     * The index of the same basis state in the other order.
     *
     * @param index a basis index of an n-qubit register
     * @param n     register size
     * @return the index with its n low bits reversed
     */
    public static int reverse(int index, int n) {
        return Integer.reverse(index) >>> (32 - n);
    }

    /**
     * Reorders a state vector or a square matrix given in this order into DensityLab's big-endian order
     * (or back: the map is an involution).
     *
     * @param interleaved an interleaved vector (length 2d) or d×d matrix (length 2d²)
     * @param d           dimension, a power of two
     * @return the reordered copy
     */
    double[] toBigEndian(double[] interleaved, int d) {
        if (this == BIG_ENDIAN) {
            return interleaved.clone();
        }
        int n = Qubits.qubitsOf(d);
        boolean vector = interleaved.length == 2 * d;
        double[] out = new double[interleaved.length];
        int cols = vector ? 1 : d;
        for (int i = 0; i < d; i++) {
            int ri = reverse(i, n);
            for (int j = 0; j < cols; j++) {
                int rj = vector ? 0 : reverse(j, n);
                out[2 * (i * cols + j)] = interleaved[2 * (ri * cols + rj)];
                out[2 * (i * cols + j) + 1] = interleaved[2 * (ri * cols + rj) + 1];
            }
        }
        return out;
    }
}
