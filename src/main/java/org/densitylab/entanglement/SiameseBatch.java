package org.densitylab.entanglement;

import java.util.random.RandomGenerator;
import org.densitylab.quantum.Bipartitions;
import org.densitylab.quantum.Qubits;
import org.densitylab.quantum.StateVector;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training batch: the states and labels, and for the Siamese network a qubit-permuted copy (one
 * random non-identity permutation per batch), a locally rotated copy (2 random U gates per qubit, drawn per
 * sample; paper 1 Eq. 6), the cut map as a 0/1 matrix, the mask of matched cuts and the λ weights.
 *
 * @param states     {@code [B, 2, d, d]}
 * @param labels     {@code [B, m]}
 * @param permuted   the permuted copy, or null for the CNN
 * @param rotated    the rotated copy, or null
 * @param permMatrix {@code [m, m]} with 1 at (map[j], j), or null
 * @param permMask   {@code [1, m]}, 1 for matched cuts, or null
 * @param lambda     {@code [2]}: λπ, λlu, or null
 */
public record SiameseBatch(INDArray states, INDArray labels, INDArray permuted, INDArray rotated, INDArray permMatrix,
        INDArray permMask, INDArray lambda) {

    /**
     * Builds a batch from the given records.
     *
     * @param data          the states
     * @param indices       which records
     * @param siamese       whether to build the permuted and rotated copies
     * @param lambda        λπ = λlu for this epoch
     * @param referenceCode reproduce the reference code's permutation and matching (3 qubits only): the
     *                      requested permutation is realised by its swaps (the 3-cycle (2,0,1) as SWAP(0,2)) and
     *                      only cuts k with k ≥ P[k] are matched, to P[k]; otherwise exact permutations and the
     *                      correct map of every cut
     * @param rng           random source for the permutation and the rotations
     * @return the batch
     */
    public static SiameseBatch of(LabelledStates data, int[] indices, boolean siamese, double lambda, boolean referenceCode,
            RandomGenerator rng) {
        int n = data.qubits();
        int d = 1 << n;
        int m = data.outputs();
        int b = indices.length;
        int per = 2 * d * d;
        float[] x = new float[b * per];
        float[] y = new float[b * m];
        for (int i = 0; i < b; i++) {
            System.arraycopy(data.states(), indices[i] * per, x, i * per, per);
            for (int j = 0; j < m; j++) {
                y[i * m + j] = data.labels()[indices[i] * m + j];
            }
        }
        INDArray states = Nd4j.create(x, new long[] {b, 2, d, d}, 'c');
        INDArray labels = Nd4j.create(y, new long[] {b, m}, 'c');
        if (!siamese) {
            return new SiameseBatch(states, labels, null, null, null, null, null);
        }
        if (referenceCode && n != 3) {
            throw new IllegalArgumentException("the reference code's permutation matching is defined for 3 qubits, not " + n);
        }
        int[] p = nonIdentityPermutation(n, rng);
        int[] applied = referenceCode ? Permutations.asReferenceCode(p) : p;
        float[] pm = new float[m * m];
        float[] mask = new float[m];
        int[] map = referenceCode ? p : Bipartitions.permutationMap(n, applied);
        for (int j = 0; j < m; j++) {
            boolean matched = !referenceCode || j >= p[j];
            pm[map[j] * m + j] = matched ? 1 : 0;
            mask[j] = matched ? 1 : 0;
        }
        int[] idx = Qubits.permutationIndexMap(n, applied);
        float[] xp = new float[x.length];
        float[] xl = new float[x.length];
        double[] rho = new double[2 * d * d];
        for (int i = 0; i < b; i++) {
            permute(x, i * per, d, idx, xp);
            rotate(x, i * per, n, rng, xl, rho);
        }
        return new SiameseBatch(states, labels, Nd4j.create(xp, new long[] {b, 2, d, d}, 'c'),
                Nd4j.create(xl, new long[] {b, 2, d, d}, 'c'), Nd4j.create(pm, new long[] {m, m}, 'c'),
                Nd4j.create(mask, new long[] {1, m}, 'c'), Nd4j.create(new float[] {(float) lambda, (float) lambda}, new long[] {2}, 'c'));
    }

    /**
     * Copies one two-channel state with its qubits permuted: \(\rho'_{xy} = \rho_{\mathrm{idx}[x],\mathrm{idx}[y]}\).
     *
     * @param x   source states, {@code [*, 2, d, d]} flattened
     * @param o   offset of the state in {@code x} and in {@code out}
     * @param d   dimension
     * @param idx index map of the permutation ({@link Qubits#permutationIndexMap})
     * @param out destination
     */
    static void permute(float[] x, int o, int d, int[] idx, float[] out) {
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                out[o + r * d + c] = x[o + idx[r] * d + idx[c]];
                out[o + d * d + r * d + c] = x[o + d * d + idx[r] * d + idx[c]];
            }
        }
    }

    /**
     * Copies one two-channel state conjugated by fresh random local unitaries \(U = u_0\otimes\dots\otimes u_{n-1}\),
     * each \(u_q\) the product of two random U gates (docs/papers.md#gates-and-local-randomisation): \(\rho' = U\rho
     * U^\dagger\), computed in float64.
     *
     * @param x       source states
     * @param o       offset of the state in {@code x} and in {@code out}
     * @param n       qubits
     * @param rng     random source (n gates drawn, in qubit order)
     * @param out     destination
     * @param scratch interleaved complex scratch of length {@code 2·4^n}
     */
    static void rotate(float[] x, int o, int n, RandomGenerator rng, float[] out, double[] scratch) {
        int d = 1 << n;
        for (int k = 0; k < d * d; k++) {
            scratch[2 * k] = x[o + k];
            scratch[2 * k + 1] = x[o + d * d + k];
        }
        double[][] w = new double[n][];
        for (int q = 0; q < n; q++) {
            w[q] = StateVector.randomLocal(2, rng);
        }
        StateVector.conjugateLocal(scratch, n, w);
        for (int k = 0; k < d * d; k++) {
            out[o + k] = (float) scratch[2 * k];
            out[o + d * d + k] = (float) scratch[2 * k + 1];
        }
    }

    /** A uniformly random permutation other than the identity (the reference code draws r ∈ {1..5} for N = 3). */
    static int[] nonIdentityPermutation(int n, RandomGenerator rng) {
        while (true) {
            int[] p = Permutations.random(n, rng);
            for (int k = 0; k < n; k++) {
                if (p[k] != k) {
                    return p;
                }
            }
        }
    }
}
