package org.densitylab.quantum;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.ComplexOps;

/**
 * Random states and unitaries. Every method takes its random source explicitly
 * ({@code new SplittableRandom(seed)} or {@code new Random(seed)}), so results are reproducible.
 */
public final class RandomStates {
    private RandomStates() {
    }

    /**
     * A Haar-random ket by the method of entanglement paper Appendix A3 (Qiskit's
     * {@code random_statevector}): \(x_i \sim U[0,1)\) (0 replaced by 1), \(y_i = -\ln x_i\),
     * \(\gamma_i \sim U[0,2\pi)\), \(\psi_i = \sqrt{y_i/\sum_j y_j}\,e^{i\gamma_i}\). The moduli squared
     * are Dirichlet(1,…,1) and the phases uniform, which is exactly the Haar measure.
     *
     * @param n   number of qubits (1..24)
     * @param rng random source
     * @return the ket
     */
    public static Ket haarKet(int n, RandomGenerator rng) {
        int d = dimOf(n);
        double[] a = new double[2 * d];
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double x = rng.nextDouble();
            double y = -Math.log(x == 0 ? 1 : x);
            a[2 * i] = y;
            sum += y;
        }
        for (int i = 0; i < d; i++) {
            double r = Math.sqrt(a[2 * i] / sum);
            double g = Gates.angle(rng);
            a[2 * i] = r * Math.cos(g);
            a[2 * i + 1] = r * Math.sin(g);
        }
        return Ket.wrap(n, a);
    }

    /**
     * A Haar-random ket as a normalised vector of i.i.d. standard complex Gaussians
     * (docs/papers.md#random-states-of-rank-r).
     *
     * @param n   number of qubits
     * @param rng random source
     * @return the ket
     */
    public static Ket haarKetGaussian(int n, RandomGenerator rng) {
        int d = dimOf(n);
        double[] a = new double[2 * d];
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            a[k] = rng.nextGaussian();
            s += a[k] * a[k];
        }
        double f = 1 / Math.sqrt(s);
        for (int k = 0; k < a.length; k++) {
            a[k] *= f;
        }
        return Ket.wrap(n, a);
    }

    /**
     * A Haar-random unitary: Gram–Schmidt orthonormalisation of a complex Ginibre matrix, which makes the
     * diagonal of R positive and so gives the Haar measure (Mezzadri 2007).
     *
     * @param d   dimension, at least 1
     * @param rng random source
     * @return a d×d unitary
     */
    public static ComplexMatrix haarUnitary(int d, RandomGenerator rng) {
        if (d < 1) {
            throw new IllegalArgumentException("unitary dimension must be >= 1, got " + d);
        }
        double[][] cols = new double[d][];
        for (int c = 0; c < d; c++) {
            cols[c] = ginibre(d, 1, rng);
        }
        ComplexOps.orthonormalize(cols);
        double[] q = new double[2 * d * d];
        for (int c = 0; c < d; c++) {
            for (int i = 0; i < d; i++) {
                q[2 * (i * d + c)] = cols[c][2 * i];
                q[2 * (i * d + c) + 1] = cols[c][2 * i + 1];
            }
        }
        return ComplexMatrix.ofInterleaved(d, d, q);
    }

    /**
     * A Hilbert–Schmidt random density matrix of rank r: \(\rho = GG^\dagger/\mathrm{tr}(GG^\dagger)\) with
     * G a \(2^N\times r\) matrix of i.i.d. standard complex Gaussians. For \(r = 2^N\) this is the
     * Hilbert–Schmidt measure, the MIO seed of the marginals paper.
     *
     * @param n    number of qubits
     * @param rank 1..2^N
     * @param rng  random source
     * @return the state (rank r almost surely)
     */
    public static DensityMatrix hilbertSchmidt(int n, int rank, RandomGenerator rng) {
        int d = dimOf(n);
        if (rank < 1 || rank > d) {
            throw new IllegalArgumentException("rank must be in 1.." + d + " for " + n + " qubits, got " + rank);
        }
        double[] g = ginibre(d, rank, rng);
        double[] gd = ComplexMatrix.ofInterleaved(d, rank, g).dagger().toInterleaved();
        double[] rho = ComplexOps.mult(g, gd, d, rank, d);
        double tr = 0;
        for (int i = 0; i < d; i++) {
            tr += rho[2 * (i * d + i)];
        }
        for (int k = 0; k < rho.length; k++) {
            rho[k] /= tr;
        }
        return DensityMatrix.wrap(n, rho);
    }

    /**
     * A random rank-r state as the marginals paper generates it (docs/papers.md#random-states-of-rank-r): r independent
     * Haar kets mixed with weights \(p \sim \mathrm{Dirichlet}(r,\dots,r)\) (the diagonal of a unitarily rotated r×r
     * Hilbert–Schmidt matrix); r = 1 gives a Haar pure state. For \(r = 2^N\) this is the full-rank Hilbert–Schmidt
     * ensemble.
     *
     * @param n    number of qubits
     * @param rank 1..2^N
     * @param rng  random source
     * @return the state
     */
    public static DensityMatrix rankR(int n, int rank, RandomGenerator rng) {
        int d = dimOf(n);
        if (rank < 1 || rank > d) {
            throw new IllegalArgumentException("rank must be in 1.." + d + " for " + n + " qubits, got " + rank);
        }
        double[] p = rank == 1 ? new double[] {1.0} : dirichlet(rank, rank, rng);
        List<Ket> kets = new ArrayList<>(rank);
        for (int i = 0; i < rank; i++) {
            kets.add(haarKetGaussian(n, rng));
        }
        return DensityMatrix.mixtureOfKets(p, kets);
    }

    /**
     * Mixture of {@code count} Haar kets with weights \(u_i/\sum_j u_j\), \(u_i\sim U[0,1)\) (entanglement
     * paper Eq. 7).
     *
     * @param n     number of qubits
     * @param count number of pure states, at least 1
     * @param rng   random source
     * @return the mixed state
     */
    public static DensityMatrix mixtureOfHaarKets(int n, int count, RandomGenerator rng) {
        double[] p = uniformWeights(count, rng);
        List<Ket> kets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            kets.add(haarKet(n, rng));
        }
        return DensityMatrix.mixtureOfKets(p, kets);
    }

    /**
     * Weights \(u_i/\sum_j u_j\) with \(u_i \sim U[0,1)\) i.i.d., as the entanglement paper's mixtures use.
     *
     * @param k   number of weights, at least 1
     * @param rng random source
     * @return k non-negative weights summing to 1
     */
    public static double[] uniformWeights(int k, RandomGenerator rng) {
        if (k < 1) {
            throw new IllegalArgumentException("need at least one weight, got " + k);
        }
        double[] u = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            u[i] = rng.nextDouble();
            s += u[i];
        }
        if (s == 0) {
            java.util.Arrays.fill(u, 1.0 / k);
            return u;
        }
        for (int i = 0; i < k; i++) {
            u[i] /= s;
        }
        return u;
    }

    /**
     * A symmetric Dirichlet sample \(p_i = g_i/\sum_j g_j\), \(g_i\sim\mathrm{Gamma}(\alpha, 1)\).
     *
     * @param alpha concentration, positive
     * @param k     number of components, at least 1
     * @param rng   random source
     * @return k non-negative weights summing to 1
     */
    public static double[] dirichlet(double alpha, int k, RandomGenerator rng) {
        if (!(alpha > 0) || k < 1) {
            throw new IllegalArgumentException("Dirichlet needs alpha > 0 and k >= 1, got alpha=" + alpha + ", k=" + k);
        }
        double[] g = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            g[i] = gamma(alpha, rng);
            s += g[i];
        }
        for (int i = 0; i < k; i++) {
            g[i] /= s;
        }
        return g;
    }

    /**
     * A Gamma(shape, 1) sample by Marsaglia and Tsang (2000); for shape &lt; 1 through
     * \(\mathrm{Gamma}(a+1)\,U^{1/a}\).
     *
     * @param shape positive shape a
     * @param rng   random source
     * @return the sample
     */
    public static double gamma(double shape, RandomGenerator rng) {
        if (shape < 1) {
            return gamma(shape + 1, rng) * Math.pow(1 - rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1 - rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /**
     * One random unitary per qubit, each the product of g random U gates
     * (docs/papers.md#gates-and-local-randomisation).
     *
     * @param n   number of qubits
     * @param g   gates per qubit (2 in the paper)
     * @param rng random source
     * @return n 2×2 unitaries, qubit 0 first
     */
    public static List<ComplexMatrix> localUnitaries(int n, int g, RandomGenerator rng) {
        List<ComplexMatrix> w = new ArrayList<>(n);
        for (int q = 0; q < n; q++) {
            w.add(Gates.randomLocal(g, rng));
        }
        return w;
    }

    private static double[] ginibre(int rows, int cols, RandomGenerator rng) {
        double[] g = new double[2 * rows * cols];
        for (int k = 0; k < g.length; k++) {
            g[k] = rng.nextGaussian();
        }
        return g;
    }

    private static int dimOf(int n) {
        if (n < 1 || n > 24) {
            throw new IllegalArgumentException("number of qubits must be 1..24, got " + n);
        }
        return 1 << n;
    }
}
