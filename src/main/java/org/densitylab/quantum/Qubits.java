package org.densitylab.quantum;

import java.util.Arrays;

/** Checks and index arithmetic for qubit registers in the big-endian convention (qubit 0 = most significant bit). */
public final class Qubits {
    /** Largest register handled by dense matrices here (a 2^12 × 2^12 complex matrix is 256 MiB). */
    public static final int MAX_QUBITS = 12;

    private Qubits() {
    }

    /**
     * The number of qubits of a dimension.
     *
     * @param dim a power of two, at least 2
     * @return \(\log_2 \mathrm{dim}\)
     * @throws IllegalArgumentException if {@code dim} is not a power of two between 2 and 2^MAX_QUBITS
     */
    public static int qubitsOf(int dim) {
        if (dim < 2 || Integer.bitCount(dim) != 1 || dim > (1 << MAX_QUBITS)) {
            throw new IllegalArgumentException("dimension must be a power of two between 2 and 2^" + MAX_QUBITS
                    + " (a register of qubits), got " + dim);
        }
        return Integer.numberOfTrailingZeros(dim);
    }

    /**
     * Bit mask of a set of qubits in a basis index: qubit q is bit \(N-1-q\).
     *
     * @param n      number of qubits
     * @param qubits distinct qubit labels in [0, n)
     * @return the mask
     */
    public static int mask(int n, int... qubits) {
        int m = 0;
        for (int q : qubits) {
            m |= 1 << (n - 1 - q);
        }
        return m;
    }

    /**
     * Validates a set of qubit labels and returns them sorted.
     *
     * @param n      number of qubits in the register
     * @param qubits labels, each in [0, n), no repeats
     * @return a sorted copy
     * @throws IllegalArgumentException naming the bad label
     */
    public static int[] checkedSorted(int n, int... qubits) {
        int[] s = qubits.clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length; i++) {
            if (s[i] < 0 || s[i] >= n) {
                throw new IllegalArgumentException("qubit " + s[i] + " does not exist in a " + n
                        + "-qubit register (valid labels 0.." + (n - 1) + ")");
            }
            if (i > 0 && s[i] == s[i - 1]) {
                throw new IllegalArgumentException("qubit " + s[i] + " is listed twice in " + Arrays.toString(qubits));
            }
        }
        return s;
    }

    /**
     * The qubits not in a set.
     *
     * @param n      register size
     * @param sorted a sorted, valid set
     * @return the complement, ascending
     */
    public static int[] complement(int n, int[] sorted) {
        int[] c = new int[n - sorted.length];
        int k = 0;
        int j = 0;
        for (int q = 0; q < n; q++) {
            if (j < sorted.length && sorted[j] == q) {
                j++;
            } else {
                c[k++] = q;
            }
        }
        return c;
    }

    /**
     * Spreads the bits of a sub-register index onto the index positions of the given qubits: bit
     * {@code t} of {@code sub} (counted from the most significant of {@code qubits.length} bits) goes to
     * qubit {@code qubits[t]}.
     *
     * @param n      register size
     * @param qubits the qubits, in the order of the sub-register
     * @return a table of length \(2^{|qubits|}\) from sub-register index to full-register bits
     */
    public static int[] spread(int n, int[] qubits) {
        int k = qubits.length;
        int[] table = new int[1 << k];
        for (int sub = 0; sub < table.length; sub++) {
            int x = 0;
            for (int t = 0; t < k; t++) {
                if ((sub >> (k - 1 - t) & 1) != 0) {
                    x |= 1 << (n - 1 - qubits[t]);
                }
            }
            table[sub] = x;
        }
        return table;
    }

    /**
     * Checks that an array is a permutation of 0..n-1.
     *
     * @param n register size
     * @param p the candidate permutation
     * @throws IllegalArgumentException naming the problem
     */
    public static void checkPermutation(int n, int[] p) {
        if (p.length != n) {
            throw new IllegalArgumentException("a permutation of " + n + " qubits needs " + n + " entries, got "
                    + Arrays.toString(p));
        }
        checkedSorted(n, p);
    }

    /**
     * The index map of a qubit permutation (new qubit k carries old qubit p[k]): for each new basis index
     * x', the old index x with \(\mathrm{bit}_{p[k]}(x) = \mathrm{bit}_k(x')\). Then
     * \(\rho'_{x'y'} = \rho_{\mathrm{map}[x'],\mathrm{map}[y']}\).
     *
     * @param n register size
     * @param p a permutation of 0..n−1 (not checked)
     * @return the map, of length 2^n
     */
    public static int[] permutationIndexMap(int n, int[] p) {
        int d = 1 << n;
        int[] map = new int[d];
        for (int xp = 0; xp < d; xp++) {
            int x = 0;
            for (int k = 0; k < n; k++) {
                if ((xp >> (n - 1 - k) & 1) != 0) {
                    x |= 1 << (n - 1 - p[k]);
                }
            }
            map[xp] = x;
        }
        return map;
    }
}
