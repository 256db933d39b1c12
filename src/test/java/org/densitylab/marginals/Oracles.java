package org.densitylab.marginals;

import org.densitylab.linalg.ComplexMatrix;

/**
 * Independent brute-force truths for the marginals tests: written from the definitions with plain bit loops,
 * sharing no code with the library's index tables.
 */
final class Oracles {
    private Oracles() {
    }

    /** Bit of qubit q (big-endian) in basis index i of an n-qubit register. */
    static int bit(int i, int n, int q) {
        return (i >> (n - 1 - q)) & 1;
    }

    /**
     * tr_{J^c} X for any matrix X, from the definition: (σ)_{ab} = Σ over pairs (i, j) whose bits agree off J and
     * whose bits on J read a, b (J ascending, first qubit most significant).
     */
    static double[] partialTraceKeep(double[] x, int n, int[] keep) {
        int d = 1 << n;
        int k = keep.length;
        int dk = 1 << k;
        double[] out = new double[2 * dk * dk];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                boolean agree = true;
                for (int q = 0; q < n && agree; q++) {
                    boolean inJ = false;
                    for (int t : keep) {
                        inJ |= t == q;
                    }
                    if (!inJ && bit(i, n, q) != bit(j, n, q)) {
                        agree = false;
                    }
                }
                if (!agree) {
                    continue;
                }
                int a = 0;
                int b = 0;
                for (int t = 0; t < k; t++) {
                    a = 2 * a + bit(i, n, keep[t]);
                    b = 2 * b + bit(j, n, keep[t]);
                }
                out[2 * (a * dk + b)] += x[2 * (i * d + j)];
                out[2 * (a * dk + b) + 1] += x[2 * (i * d + j) + 1];
            }
        }
        return out;
    }

    static double maxAbsDiff(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("lengths " + a.length + " vs " + b.length);
        }
        double m = 0;
        for (int q = 0; q < a.length; q++) {
            m = Math.max(m, Math.abs(a[q] - b[q]));
        }
        return m;
    }

    /**
     * A Pauli string as a phased permutation: code p has digit (base 4) for qubit q at position N−1−q
     * (0 = I, 1 = X, 2 = Y, 3 = Z). P|j⟩ = phase(j) |j ⊕ flip⟩ with X|b⟩ = |1−b⟩, Y|0⟩ = i|1⟩, Y|1⟩ = −i|0⟩,
     * Z|b⟩ = (−1)^b |b⟩.
     */
    static final class Pauli {
        final int n;
        final int weight;
        final int flip;
        /** phase of column j as (re, im). */
        final double[] phase;

        Pauli(int n, int code) {
            this.n = n;
            int w = 0;
            int f = 0;
            int d = 1 << n;
            phase = new double[2 * d];
            int[] ops = new int[n];
            for (int q = n - 1; q >= 0; q--) {
                ops[q] = code & 3;
                code >>= 2;
            }
            for (int q = 0; q < n; q++) {
                if (ops[q] != 0) {
                    w++;
                }
                if (ops[q] == 1 || ops[q] == 2) {
                    f |= 1 << (n - 1 - q);
                }
            }
            weight = w;
            flip = f;
            for (int j = 0; j < d; j++) {
                double re = 1;
                double im = 0;
                for (int q = 0; q < n; q++) {
                    int b = bit(j, n, q);
                    double fr;
                    double fi;
                    switch (ops[q]) {
                        case 2 -> {
                            fr = 0;
                            fi = b == 0 ? 1 : -1;
                        }
                        case 3 -> {
                            fr = b == 0 ? 1 : -1;
                            fi = 0;
                        }
                        default -> {
                            fr = 1;
                            fi = 0;
                        }
                    }
                    double nr = re * fr - im * fi;
                    double ni = re * fi + im * fr;
                    re = nr;
                    im = ni;
                }
                phase[2 * j] = re;
                phase[2 * j + 1] = im;
            }
        }

        /** c_P = tr(X P)/2^N = Σ_j X[j, j⊕flip]·phase(j) / 2^N, as (re, im). */
        double[] coefficient(double[] x) {
            int d = 1 << n;
            double re = 0;
            double im = 0;
            for (int j = 0; j < d; j++) {
                int o = 2 * (j * d + (j ^ flip));
                double xr = x[o];
                double xi = x[o + 1];
                re += xr * phase[2 * j] - xi * phase[2 * j + 1];
                im += xr * phase[2 * j + 1] + xi * phase[2 * j];
            }
            return new double[] {re / d, im / d};
        }

        /** out += c · P, P[j⊕flip, j] = phase(j). */
        void addTo(double[] out, double[] c) {
            int d = 1 << n;
            for (int j = 0; j < d; j++) {
                int o = 2 * ((j ^ flip) * d + j);
                out[o] += c[0] * phase[2 * j] - c[1] * phase[2 * j + 1];
                out[o + 1] += c[0] * phase[2 * j + 1] + c[1] * phase[2 * j];
            }
        }
    }

    /** Σ_{|supp P| ≤ k} c_P(low) P + Σ_{|supp P| > k} c_P(high) P over all 4^N Pauli strings. */
    static double[] pauliReplacement(double[] low, double[] high, int n, int k) {
        double[] out = new double[low.length];
        for (int code = 0; code < 1 << (2 * n); code++) {
            Pauli p = new Pauli(n, code);
            p.addTo(out, p.coefficient(p.weight <= k ? low : high));
        }
        return out;
    }

    static ComplexMatrix matrix(int d, double... reIm) {
        return ComplexMatrix.ofInterleaved(d, d, reIm);
    }
}
