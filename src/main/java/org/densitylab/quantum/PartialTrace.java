package org.densitylab.quantum;

import org.densitylab.linalg.ComplexMatrix;

/**
 * Partial traces of any \(2^N\times2^N\) matrix (not only density matrices: MIO outputs and network outputs
 * are Hermitian with trace 1 but not positive). Big-endian: qubit 0 is the most significant bit.
 */
public final class PartialTrace {
    private PartialTrace() {
    }

    /**
     * The reduced matrix on the given qubits, \((X_K)_{ab} = \sum_t X_{(a,t),(b,t)}\); the kept qubits keep
     * their relative order and become qubits 0..|K|−1 (QuTiP's {@code ptrace}).
     *
     * @param x      a square matrix of dimension \(2^N\)
     * @param qubits the qubits to keep, at least one
     * @return \(\mathrm{tr}_{\bar K} X\)
     * @throws IllegalArgumentException for a matrix that is not \(2^N\times2^N\) or a bad qubit list
     */
    public static ComplexMatrix keep(ComplexMatrix x, int... qubits) {
        if (!x.isSquare()) {
            throw new IllegalArgumentException("a partial trace needs a square matrix, got " + x.rows() + "x" + x.cols());
        }
        int n = Qubits.qubitsOf(x.rows());
        int[] k = Qubits.checkedSorted(n, qubits);
        return ComplexMatrix.ofInterleaved(1 << k.length, 1 << k.length, keep(x.toInterleaved(), n, k));
    }

    /**
     * The reduced matrix of an interleaved 2^n×2^n array (re, im per entry, row-major) on sorted, valid qubits,
     * without wrapping it in a matrix (for hot loops).
     *
     * @param data the interleaved matrix
     * @param n    its number of qubits
     * @param k    the qubits to keep, sorted, at least one
     * @return the interleaved reduced matrix
     */
    public static double[] keep(double[] data, int n, int[] k) {
        if (k.length == 0) {
            throw new IllegalArgumentException("keep at least one qubit (tracing out everything leaves the number 1)");
        }
        int dim = 1 << n;
        int[] kept = Qubits.spread(n, k);
        int[] traced = Qubits.spread(n, Qubits.complement(n, k));
        int dk = kept.length;
        double[] out = new double[2 * dk * dk];
        for (int a = 0; a < dk; a++) {
            for (int b = 0; b < dk; b++) {
                double sr = 0;
                double si = 0;
                for (int t : traced) {
                    int o = 2 * ((kept[a] | t) * dim + (kept[b] | t));
                    sr += data[o];
                    si += data[o + 1];
                }
                out[2 * (a * dk + b)] = sr;
                out[2 * (a * dk + b) + 1] = si;
            }
        }
        return out;
    }
}
