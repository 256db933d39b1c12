package org.densitylab.marginals;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.HermitianEigen;
import org.densitylab.quantum.RandomStates;

/**
 * Alternating projections between the affine set \(\mathcal A\) of Hermitian matrices with the prescribed marginals
 * (its orthogonal projection \(P_{\mathcal A}\) is the MIO, paper Eq. 3; {@link MarginalProblem#project}) and the
 * states \(\mathcal S\) (the Frobenius-nearest state \(P_{\mathcal S}\), {@link StateProjections#nearestState}).
 * Each iteration costs one eigen-decomposition. The iterate that is tested and returned is always
 * \(Y = P_{\mathcal S}(\cdot)\), a state; the loop stops when its largest marginal error is at most the tolerance
 * (converged) or after the iteration cap (not converged, the residual reported): marginals that no state has never
 * loop forever and never report success.
 *
 * <p>Variants:
 * <ul>
 *   <li>{@link Variant#PLAIN}: \(X_{t+1} = P_{\mathcal A}(P_{\mathcal S}(X_t))\) (von Neumann); converges to some
 *       point of \(\mathcal A\cap\mathcal S\) when it is not empty, linearly.</li>
 *   <li>{@link Variant#DYKSTRA}: Dykstra's correction on the \(\mathcal S\) step (\(\mathcal A\) is affine and needs
 *       none): \(Y_t = P_{\mathcal S}(X_t + P_t)\), \(P_{t+1} = X_t + P_t - Y_t\), \(X_{t+1} = P_{\mathcal A}(Y_t)\);
 *       converges to the point of \(\mathcal A\cap\mathcal S\) nearest the start.</li>
 *   <li>{@link Variant#ANDERSON}: Anderson acceleration (type II, memory m) of the plain map
 *       \(g = P_{\mathcal A}\circ P_{\mathcal S}\): with residuals \(f_t = g(X_t) - X_t\),
 *       \(X_{t+1} = g(X_t) - \sum_j \gamma_j\,\Delta g_j\), γ the least-squares fit of \(f_t\) by the last m
 *       residual differences \(\Delta f_j\) (Walker and Ni, SIAM J. Numer. Anal. 49, 2011); a multisecant
 *       quasi-Newton method for \(g(X) = X\) (Fang and Saad, Numer. Linear Algebra Appl. 16, 2009). The step is an affine
 *       combination of points of \(\mathcal A\), so it stays in \(\mathcal A\). The memory restarts when the
 *       residual grows by more than a factor {@value #RESTART_GROWTH} over the best so far.</li>
 * </ul>
 *
 * <p><b>Interior phase</b> ({@link #withInterior}). When the marginals belong to a full-rank state, \(\mathcal A\cap
 * \mathcal S\) has points with every eigenvalue positive, and any \(X \in \mathcal A\) that is positive
 * semidefinite is an exact answer (marginal error at round-off). The interior phase aims there: it iterates
 * \(P_{\mathcal A}\circ P_{\mathcal S_\varepsilon}\), \(\mathcal S_\varepsilon = \{\rho \succeq \varepsilon I,
 * \mathrm{tr}\rho = 1\}\) with ε = floor/2^N ({@link StateProjections#nearestState(double[], int, double, double[])}),
 * with the variant's acceleration, and stops as soon as the iterate of \(\mathcal A\) has no negative eigenvalue.
 * It ends after {@value #INTERIOR_BUDGET} iterations, or earlier when the residual \(\|g(X_t) - X_t\|\) falls by less
 * than a factor {@value #INTERIOR_STALL} (when no state with eigenvalues ≥ ε has the marginals, e.g. low-rank targets),
 * and the variant's own iteration continues from there (Anderson with a fresh memory; Dykstra's correction starts
 * there). Floors of 0.1, 0.2 and 0.3 were compared ({@code bench reconstruct}): with 0.2, at N = 5, k = 4 the
 * iterations to 1e-8 fell from 10.1 to 3.2 on average for full-rank targets, and rose from 34.3 to 37.2 for rank-4
 * targets ({@code results/marginals/reconstruct-bench.txt}).
 *
 * <p>The start is the MIO output \(\tilde X\) of a Hilbert–Schmidt random seed (the network's input, paper Eq. 3) or,
 * with {@link #withMixedSeed}, of \(I/2^N\). The default ({@code alternating-projections}: {@link #DEFAULT_VARIANT}
 * from the mixed seed, memory {@value #DEFAULT_MEMORY}, interior floor {@value #DEFAULT_INTERIOR_FLOOR}) was chosen by
 * measurement, fewest iterations and least time
 * to marginal error 1e-8 at N = 3..8 ({@code densitylab bench reconstruct}; the run is in
 * {@code results/marginals/reconstruct-bench.txt}), against the other variants and starts and against
 * {@link SemismoothNewton}, which needs about half the eigen-decompositions but more time. Iterations are deterministic for a given problem and start;
 * plain and Dykstra converge slowly (sublinearly) when the only states with the marginals are rank-deficient (no
 * full-rank state has them, e.g. N = 3, k = 2 targets of rank 2 or 3), and Anderson helps less there.
 */
public final class AlternatingProjections implements Reconstructor {
    /** Default largest marginal error. */
    public static final double DEFAULT_TOLERANCE = 1e-8;
    /** Default iteration cap. */
    public static final int DEFAULT_ITERATIONS = 1000;
    /** Default Anderson memory. */
    public static final int DEFAULT_MEMORY = 5;
    /** Anderson restarts its memory when the residual exceeds the best one by this factor. */
    static final double RESTART_GROWTH = 10;
    /** Default eigenvalue floor of the interior phase, in units of 1/d (chosen by measurement). */
    public static final double DEFAULT_INTERIOR_FLOOR = 0.2;
    /** Most iterations of the interior phase before plain projections take over. */
    static final int INTERIOR_BUDGET = 6;
    /** The interior phase ends early when the residual falls by less than this factor in one iteration. */
    static final double INTERIOR_STALL = 0.9;

    /** The variants (class comment). */
    public enum Variant {
        /** Plain alternation. */
        PLAIN("plain"),
        /** With Dykstra's correction. */
        DYKSTRA("dykstra"),
        /** Anderson-accelerated. */
        ANDERSON("anderson");

        private final String label;

        Variant(String label) {
            this.label = label;
        }

        /** @return the lower-case label used in method names */
        public String label() {
            return label;
        }

        /**
         * @param label a {@link #label()}
         * @return the variant
         * @throws IllegalArgumentException naming the label and the choices
         */
        public static Variant of(String label) {
            for (Variant v : values()) {
                if (v.label.equals(label)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown alternating-projections variant '" + label
                    + "': use plain, dykstra or anderson");
        }
    }

    /** The variant used by {@code alternating-projections} (chosen by measurement, see the class comment). */
    public static final Variant DEFAULT_VARIANT = Variant.ANDERSON;
    /** Whether {@code alternating-projections} starts from the maximally mixed seed (chosen by measurement). */
    public static final boolean DEFAULT_MIXED_SEED = true;

    private final Variant variant;
    private final double tolerance;
    private final int maxIterations;
    private final int memory;
    private final boolean mixedSeed;
    private final double interiorFloor;
    private final String name;

    private AlternatingProjections(String name, Variant variant, double tolerance, int maxIterations, int memory,
            boolean mixedSeed, double interiorFloor) {
        Reconstructors.checkStopping(tolerance, maxIterations);
        if (memory < 1) {
            throw new IllegalArgumentException("the Anderson memory must be at least 1, got " + memory);
        }
        if (!(interiorFloor >= 0 && interiorFloor < 1)) {
            throw new IllegalArgumentException("the interior floor must be in [0, 1) (units of 1/2^N), got " + interiorFloor);
        }
        this.name = name;
        this.variant = variant;
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
        this.memory = memory;
        this.mixedSeed = mixedSeed;
        this.interiorFloor = interiorFloor;
    }

    /**
     * @param variant       the variant
     * @param tolerance     largest marginal error to stop at, positive
     * @param maxIterations iteration cap, at least 1
     * @return the method, named {@code alternating-projections-<variant>}
     */
    public static AlternatingProjections of(Variant variant, double tolerance, int maxIterations) {
        return new AlternatingProjections("alternating-projections-" + variant.label(), variant, tolerance, maxIterations,
                DEFAULT_MEMORY, false, 0);
    }

    /**
     * @param tolerance     largest marginal error to stop at
     * @param maxIterations iteration cap
     * @return the default variant, named {@code alternating-projections}
     */
    public static AlternatingProjections ofDefault(double tolerance, int maxIterations) {
        return new AlternatingProjections("alternating-projections", DEFAULT_VARIANT, tolerance, maxIterations,
                DEFAULT_MEMORY, DEFAULT_MIXED_SEED, DEFAULT_INTERIOR_FLOOR);
    }

    /**
     * @param m Anderson memory, at least 1
     * @return this method with another memory (only {@link Variant#ANDERSON} uses it)
     */
    public AlternatingProjections withMemory(int m) {
        return new AlternatingProjections(variant == Variant.ANDERSON ? name + "-memory" + m : name, variant, tolerance,
                maxIterations, m, mixedSeed, interiorFloor);
    }

    /**
     * @return this method started from the MIO output of the maximally mixed seed \(I/2^N\) (the reference MIO
     *         MIO code's "mms" seed), named with the suffix {@code -mixed-seed}
     */
    public AlternatingProjections withMixedSeed() {
        return new AlternatingProjections(mixedSeed ? name : name + "-mixed-seed", variant, tolerance, maxIterations, memory,
                true, interiorFloor);
    }

    /**
     * @param floor the eigenvalue floor of the interior phase in units of \(1/2^N\), in [0, 1) (0: no interior phase)
     * @return this method with an interior phase (class comment), named with the suffix {@code -interior} (the default
     *         floor) or {@code -interior<floor>}
     */
    public AlternatingProjections withInterior(double floor) {
        String suffix = floor == 0 ? "" : floor == DEFAULT_INTERIOR_FLOOR ? "-interior"
                : "-interior" + String.format(Locale.ROOT, "%.2g", floor);
        return new AlternatingProjections(name + suffix, variant, tolerance, maxIterations, memory, mixedSeed, floor);
    }

    /**
     * @param newName the name reported in results
     * @return this method under another name
     */
    AlternatingProjections named(String newName) {
        return new AlternatingProjections(newName, variant, tolerance, maxIterations, memory, mixedSeed, interiorFloor);
    }

    @Override
    public String name() {
        return name;
    }

    /** @return the variant */
    public Variant variant() {
        return variant;
    }

    /** @return the tolerance */
    public double tolerance() {
        return tolerance;
    }

    /** @return the iteration cap */
    public int maxIterations() {
        return maxIterations;
    }

    /**
     * Starts from the MIO output of a Hilbert–Schmidt random seed drawn from {@code rng} (the paper's input), or of
     * \(I/2^N\) for {@link #withMixedSeed} (then {@code rng} is not used).
     */
    @Override
    public ReconstructionResult reconstruct(MarginalProblem problem, RandomGenerator rng) {
        long t0 = System.nanoTime();
        int d = problem.dim();
        double[] x;
        if (mixedSeed) {
            x = new double[2 * d * d];
            for (int i = 0; i < d; i++) {
                x[2 * (i * d + i)] = 1.0 / d;
            }
        } else {
            x = RandomStates.hilbertSchmidt(problem.numQubits(), d, rng).matrix().toInterleaved();
        }
        problem.project(x);
        return run(problem, x, t0);
    }

    /**
     * Runs from a given start.
     *
     * @param problem the problem
     * @param start   a Hermitian \(2^N\times 2^N\) matrix; it is first projected onto \(\mathcal A\)
     * @return the result (its time covers the projection and the iterations)
     */
    public ReconstructionResult solve(MarginalProblem problem, ComplexMatrix start) {
        if (start.rows() != problem.dim() || start.cols() != problem.dim()) {
            throw new IllegalArgumentException("the start must be " + problem.dim() + "x" + problem.dim() + ", got "
                    + start.rows() + "x" + start.cols());
        }
        long t0 = System.nanoTime();
        double[] x = start.toInterleaved();
        problem.project(x);
        return run(problem, x, t0);
    }

    private ReconstructionResult run(MarginalProblem problem, double[] x, long t0) {
        int d = problem.dim();
        double[] y = new double[x.length];
        int it = 0;
        boolean done = false;
        // Dykstra: the correction p and the shifted point z = x + p; Anderson: the mixing state and g = P_A(y)
        double[] p = variant == Variant.DYKSTRA ? new double[x.length] : null;
        double[] z = variant == Variant.DYKSTRA ? new double[x.length] : x;
        Anderson aa = variant == Variant.ANDERSON ? new Anderson(memory, x.length) : null;
        double[] next = aa != null ? new double[x.length] : x;
        // the interior phase: g = P_A(P_{S_ε}(x)), ε = floor/d, until x itself is a state, the budget is spent or it stalls
        int interiorLeft = interiorFloor > 0 ? INTERIOR_BUDGET : 0;
        double[] g = interiorLeft > 0 ? new double[x.length] : null;
        double lastResidual = Double.POSITIVE_INFINITY;
        while (it < maxIterations && interiorLeft > 0) {
            it++;
            interiorLeft--;
            // x lies in A: positive semidefinite, it is an answer (Cholesky tells at a tenth of an eigen-solver's cost)
            boolean positive = HermitianEigen.isPositiveDefinite(x, d) && problem.marginalError(x) <= tolerance;
            if (positive || StateProjections.nearestState(x, d, interiorFloor / d, y) >= 0
                    && problem.marginalError(x) <= tolerance) {
                System.arraycopy(x, 0, y, 0, x.length);
                done = true;
                break;
            }
            // y, a state (its eigenvalues are at least ε), is what a stop at the cap returns
            System.arraycopy(y, 0, g, 0, x.length);
            problem.project(g);
            double residual = 0;
            for (int i = 0; i < x.length; i++) {
                double r = g[i] - x[i];
                residual += r * r;
            }
            if (residual > INTERIOR_STALL * INTERIOR_STALL * lastResidual) {
                interiorLeft = 0;
            }
            lastResidual = residual;
            if (aa != null) {
                aa.step(x, g);
            } else {
                System.arraycopy(g, 0, x, 0, x.length);
            }
            if (interiorLeft == 0 && aa != null) {
                aa.forget();   // another map from here on: forget the old differences and residuals
            }
        }
        while (!done && it < maxIterations) {
            it++;
            if (p != null) {
                for (int i = 0; i < x.length; i++) {
                    z[i] = x[i] + p[i];
                }
            }
            StateProjections.nearestState(z, d, y);
            if (problem.marginalError(y) <= tolerance) {
                done = true;
                break;
            }
            if (p != null) {
                for (int i = 0; i < x.length; i++) {
                    p[i] = z[i] - y[i];
                }
            }
            System.arraycopy(y, 0, next, 0, x.length);
            problem.project(next);
            if (aa != null) {
                aa.step(x, next);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ComplexMatrix state = ComplexMatrix.ofInterleaved(d, d, y);
        ReconstructionResult r = ReconstructionResult.of(name, problem, state, it, tolerance, seconds);
        assert !done || r.marginalError() <= tolerance : String.format(Locale.ROOT, "%g", r.marginalError());
        return r;
    }

    /** Anderson mixing state: the last m differences of residuals and of map values. */
    private static final class Anderson {
        private final int m;
        private final double[][] df;
        private final double[][] dg;
        private final double[] fPrev;
        private final double[] gPrev;
        private final double[] f;
        private int count;
        private int head;
        private boolean first = true;
        private double best = Double.POSITIVE_INFINITY;

        Anderson(int m, int len) {
            this.m = m;
            this.df = new double[m][];   // rows allocated when first used: most runs end within a few steps
            this.dg = new double[m][];
            this.fPrev = new double[len];
            this.gPrev = new double[len];
            this.f = new double[len];
        }

        /** Forgets the stored differences and the best residual (for a new map). */
        void forget() {
            reset();
            best = Double.POSITIVE_INFINITY;
        }

        /** Forgets the stored differences (the next step is a plain one). */
        void reset() {
            count = 0;
            head = 0;
            first = true;
        }

        /** Given x and g = g(x), overwrites x with the next iterate. */
        void step(double[] x, double[] g) {
            int len = x.length;
            double norm = 0;
            for (int i = 0; i < len; i++) {
                f[i] = g[i] - x[i];
                norm += f[i] * f[i];
            }
            if (norm > RESTART_GROWTH * RESTART_GROWTH * best) {
                reset();
            }
            best = Math.min(best, norm);
            if (!first) {
                if (df[head] == null) {
                    df[head] = new double[len];
                    dg[head] = new double[len];
                }
                double[] a = df[head];
                double[] b = dg[head];
                for (int i = 0; i < len; i++) {
                    a[i] = f[i] - fPrev[i];
                    b[i] = g[i] - gPrev[i];
                }
                head = (head + 1) % m;
                count = Math.min(count + 1, m);
            }
            first = false;
            System.arraycopy(f, 0, fPrev, 0, len);
            System.arraycopy(g, 0, gPrev, 0, len);
            System.arraycopy(g, 0, x, 0, len);
            if (count == 0) {
                return;
            }
            double[][] gram = new double[count][count + 1];
            double trace = 0;
            for (int a = 0; a < count; a++) {
                for (int b = 0; b <= a; b++) {
                    double s = dot(df[a], df[b]);
                    gram[a][b] = s;
                    gram[b][a] = s;
                }
                gram[a][count] = dot(df[a], f);
                trace += gram[a][a];
            }
            for (int a = 0; a < count; a++) {
                gram[a][a] += 1e-12 * trace;   // Tikhonov: keeps nearly dependent differences harmless
            }
            double[] gamma = solve(gram, count);
            if (gamma == null) {
                return;
            }
            for (int a = 0; a < count; a++) {
                double c = gamma[a];
                double[] b = dg[a];
                for (int i = 0; i < len; i++) {
                    x[i] -= c * b[i];
                }
            }
        }

        private static double dot(double[] a, double[] b) {
            double s = 0;
            for (int i = 0; i < a.length; i++) {
                s += a[i] * b[i];
            }
            return s;
        }

        /** Gaussian elimination with partial pivoting on an augmented n×(n+1) system; null if singular. */
        private static double[] solve(double[][] a, int n) {
            for (int c = 0; c < n; c++) {
                int p = c;
                for (int r = c + 1; r < n; r++) {
                    if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                        p = r;
                    }
                }
                if (!(Math.abs(a[p][c]) > 0)) {
                    return null;
                }
                double[] t = a[c];
                a[c] = a[p];
                a[p] = t;
                for (int r = c + 1; r < n; r++) {
                    double q = a[r][c] / a[c][c];
                    for (int k = c; k <= n; k++) {
                        a[r][k] -= q * a[c][k];
                    }
                }
            }
            double[] x = new double[n];
            for (int r = n - 1; r >= 0; r--) {
                double s = a[r][n];
                for (int k = r + 1; k < n; k++) {
                    s -= a[r][k] * x[k];
                }
                x[r] = s / a[r][r];
            }
            return x;
        }
    }
}
