package org.densitylab.entanglement;

import java.util.List;
import java.util.random.RandomGenerator;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.QubitOrder;
import org.densitylab.quantum.RandomStates;

/**
 * PPT-entangled test families (docs/papers.md#ppt-entangled-test-families). Each is built in the reference code's
 * little-endian index layout, where the reference code gives it by index, and converted; so qubit labels match the
 * reference code (for Horodecki the two-dimensional party is qubit 2). {@link #randomize} applies the test sets'
 * post-processing: random local unitaries (2 U gates per qubit), trace normalisation, a random permutation.
 */
public final class Pptes {
    private Pptes() {
    }

    /** The families. */
    public enum Family {
        /** P. Horodecki's 2⊗4 state, b ~ U(0.1, 0.9). */
        HORODECKI,
        /** The generalised 2⊗2^(N−1) state of the validation set val_2xd. */
        HORODECKI_2XD,
        /** The UPB ("Shifts") bound-entangled state; separable across every cut. */
        UPB,
        /** The Acín et al. fully-PPT state, a, b, c ~ U(0.01, 100). */
        ACIN
    }

    /**
     * P. Horodecki's 2⊗4 PPT-entangled state: unnormalised entries b on the diagonal at 0,1,2,3,5,6,
     * (1+b)/2 at 4 and 7; b at (0,5), (1,6), (2,7) and \(\sqrt{1-b^2}/2\) at (4,7) (symmetric), divided by
     * 7b + 1. Indices little-endian with qubit 2 the qubit party. PPT across {2}|{0,1}, NPT across the other
     * two cuts; entangled across all three.
     *
     * @param b parameter in (0, 1)
     * @return the state
     */
    public static DensityMatrix horodecki(double b) {
        checkOpen01(b);
        double[][] m = new double[8][8];
        for (int i : new int[] {0, 1, 2, 3, 5, 6}) {
            m[i][i] = b;
        }
        m[4][4] = (1 + b) / 2;
        m[7][7] = (1 + b) / 2;
        symmetric(m, 0, 5, b);
        symmetric(m, 1, 6, b);
        symmetric(m, 2, 7, b);
        symmetric(m, 4, 7, Math.sqrt(1 - b * b) / 2);
        return littleEndian(m, 1 / (7 * b + 1));
    }

    /**
     * The generalised 2⊗d state (docs/papers.md#ppt-entangled-test-families) on N qubits (d = 2^(N−1)): b at (i,i), (i,
     * d+i+1), (d+i+1, i), (d+i+1, d+i+1) for i = 0..d−2; b at (d,d); (1−b)/2 added at (0,0); \(\sqrt{1-b^2}/2\) at (0,
     * d−1) and (d−1, 0); (1+b)/2 added at (d−1, d−1); divided by (2d−1)b + 1. For N = 3 it is
     * \(X^{\otimes3}\rho_H(b)X^{\otimes3}\).
     *
     * @param n number of qubits, at least 2
     * @param b parameter in (0, 1)
     * @return the state
     */
    public static DensityMatrix horodecki2xd(int n, double b) {
        checkOpen01(b);
        int d = 1 << (n - 1);
        double[][] m = new double[2 * d][2 * d];
        for (int i = 0; i <= d - 2; i++) {
            m[i][i] += b;
            m[i][d + i + 1] += b;
            m[d + i + 1][i] += b;
            m[d + i + 1][d + i + 1] += b;
        }
        m[d][d] += b;
        m[0][0] += (1 - b) / 2;
        m[0][d - 1] += Math.sqrt(1 - b * b) / 2;
        m[d - 1][0] += Math.sqrt(1 - b * b) / 2;
        m[d - 1][d - 1] += (1 + b) / 2;
        return littleEndian(m, 1 / ((2 * d - 1) * b + 1));
    }

    /**
     * The UPB bound-entangled state \(\rho = (I_8 - \sum_{i=1}^4|v_i\rangle\langle v_i|)/4\) from Bennett et
     * al.'s "Shifts" product basis (mapped by XH on every qubit): v1 = |000⟩, v2 = ½(−e4−e5+e6+e7),
     * v3 = ½(−e2+e3−e6+e7), v4 = ½(−e1−e3+e5+e7) (little-endian indices). Rank 4, PPT on every cut and —
     * being rank 4 in 2⊗4 — separable across every cut, though not fully separable.
     *
     * @return the state
     */
    public static DensityMatrix upb() {
        double[][] v = {
            {1, 0, 0, 0, 0, 0, 0, 0},
            {0, 0, 0, 0, -0.5, -0.5, 0.5, 0.5},
            {0, 0, -0.5, 0.5, 0, 0, -0.5, 0.5},
            {0, -0.5, 0, -0.5, 0, 0.5, 0, 0.5}};
        double[][] m = new double[8][8];
        for (int i = 0; i < 8; i++) {
            m[i][i] = 1;
            for (double[] x : v) {
                for (int j = 0; j < 8; j++) {
                    m[i][j] -= x[i] * x[j];
                }
            }
        }
        return littleEndian(m, 0.25);
    }

    /**
     * The Acín et al. state: \(\rho = \frac1n[2|GHZ\rangle\langle GHZ| + a|001\rangle\langle001| +
     * b|010\rangle\langle010| + c|011\rangle\langle011| + \frac1c|100\rangle\langle100| +
     * \frac1b|101\rangle\langle101| + \frac1a|110\rangle\langle110|]\), \(n = 2 + a + 1/a + b + 1/b + c + 1/c\)
     * (little-endian indices). Rank 7, PPT on every cut.
     *
     * @param a positive
     * @param b positive
     * @param c positive
     * @return the state
     */
    public static DensityMatrix acin(double a, double b, double c) {
        if (!(a > 0 && b > 0 && c > 0)) {
            throw new IllegalArgumentException("Acín parameters must be positive, got a=" + a + ", b=" + b + ", c=" + c);
        }
        double[][] m = new double[8][8];
        m[0][0] = 1;
        m[0][7] = 1;
        m[7][0] = 1;
        m[7][7] = 1;
        double[] diag = {a, b, c, 1 / c, 1 / b, 1 / a};
        for (int i = 0; i < 6; i++) {
            m[i + 1][i + 1] = diag[i];
        }
        return littleEndian(m, 1 / (2 + a + 1 / a + b + 1 / b + c + 1 / c));
    }

    /**
     * A random member of a family, before post-processing, with the parameter ranges of the paper.
     *
     * @param family the family
     * @param n      qubits (3 except for {@link Family#HORODECKI_2XD})
     * @param rng    random source
     * @return the state
     */
    public static DensityMatrix random(Family family, int n, RandomGenerator rng) {
        if (family != Family.HORODECKI_2XD && n != 3) {
            throw new IllegalArgumentException(family + " is a 3-qubit family, asked for " + n + " qubits");
        }
        return switch (family) {
            case HORODECKI -> horodecki(0.1 + 0.8 * rng.nextDouble());
            case HORODECKI_2XD -> horodecki2xd(n, 0.1 + 0.8 * rng.nextDouble());
            case UPB -> upb();
            case ACIN -> acin(0.01 + 99.99 * rng.nextDouble(), 0.01 + 99.99 * rng.nextDouble(), 0.01 + 99.99 * rng.nextDouble());
        };
    }

    /**
     * The test sets' post-processing (docs/papers.md#ppt-entangled-test-families): \(\rho \to W\rho W^\dagger\) with W
     * a product of local unitaries (2 random U gates per qubit), then a random permutation (exact, or as the reference
     * code).
     *
     * @param rho     the state
     * @param variant permutation rule
     * @param rng     random source
     * @return the randomised state and the permutation
     */
    public static Permutations.Permuted randomize(DensityMatrix rho, Variant variant, RandomGenerator rng) {
        List<ComplexMatrix> w = RandomStates.localUnitaries(rho.numQubits(), 2, rng);
        return Permutations.permuteRandomly(rho.evolveLocal(w), variant, rng);
    }

    /**
     * A post-processed sample of a family with its labels' ground truth: Horodecki (and 2⊗d for N = 3) is
     * entangled across every cut, UPB separable across every cut, Acín unknown per cut.
     *
     * @param family  the family
     * @param n       qubits
     * @param variant permutation rule
     * @param rng     random source
     * @return the sample, with the ppt flag set (every cut labelled 1, as in the paper)
     */
    public static Sample sample(Family family, int n, Variant variant, RandomGenerator rng) {
        DensityMatrix rho = randomize(random(family, n, rng), variant, rng).state();
        int m = (1 << (n - 1)) - 1;
        int[] truth = new int[m];
        java.util.Arrays.fill(truth, switch (family) {
            case HORODECKI -> 1;
            case HORODECKI_2XD -> n == 3 ? 1 : -1;
            case UPB -> 0;
            case ACIN -> -1;
        });
        if (family == Family.HORODECKI_2XD && n != 3) {
            double[] values = Labels.values(rho);
            for (int j = 0; j < m; j++) {
                truth[j] = values[j] > Labels.THRESHOLD ? 1 : -1;
            }
        }
        return new Sample(rho, List.of(), true, false, truth);
    }

    private static void symmetric(double[][] m, int i, int j, double v) {
        m[i][j] = v;
        m[j][i] = v;
    }

    private static DensityMatrix littleEndian(double[][] m, double scale) {
        ComplexMatrix x = ComplexMatrix.ofReal(m).scale(scale);
        return DensityMatrix.of(x, QubitOrder.LITTLE_ENDIAN, 1e-12);
    }

    private static void checkOpen01(double b) {
        if (!(b > 0 && b < 1)) {
            throw new IllegalArgumentException("Horodecki parameter b must be in (0, 1), got " + b);
        }
    }
}
