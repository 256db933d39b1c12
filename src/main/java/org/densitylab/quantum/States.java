package org.densitylab.quantum;

/** Named pure states. */
public final class States {
    private States() {
    }

    /**
     * @param n number of qubits, at least 2
     * @return \(|GHZ_n\rangle = (|0\dots0\rangle + |1\dots1\rangle)/\sqrt2\)
     */
    public static Ket ghz(int n) {
        requireAtLeastTwo(n);
        int d = 1 << n;
        double[] a = new double[2 * d];
        a[0] = Math.sqrt(0.5);
        a[2 * (d - 1)] = Math.sqrt(0.5);
        return Ket.wrap(n, a);
    }

    /**
     * @param n number of qubits, at least 2
     * @return \(|W_n\rangle = \frac1{\sqrt n}\sum_j |0\dots1_j\dots0\rangle\)
     */
    public static Ket w(int n) {
        requireAtLeastTwo(n);
        double[] a = new double[2 << n];
        for (int q = 0; q < n; q++) {
            a[2 * (1 << q)] = 1 / Math.sqrt(n);
        }
        return Ket.wrap(n, a);
    }

    /** @return the Bell state \(|\Phi^+\rangle = (|00\rangle + |11\rangle)/\sqrt2\) */
    public static Ket bell() {
        return ghz(2);
    }

    /** @return \(|+\rangle = (|0\rangle+|1\rangle)/\sqrt2\) */
    public static Ket plus() {
        return Ket.wrap(1, new double[] {Math.sqrt(0.5), 0, Math.sqrt(0.5), 0});
    }

    /**
     * @param n number of qubits
     * @return \(|0\dots0\rangle\)
     */
    public static Ket zero(int n) {
        return Ket.basis(n, 0);
    }

    private static void requireAtLeastTwo(int n) {
        if (n < 2 || n > 24) {
            throw new IllegalArgumentException("GHZ and W states need 2..24 qubits, got " + n);
        }
    }
}
