package org.densitylab.marginals;

import java.util.random.RandomGenerator;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.linalg.ComplexOps;
import org.densitylab.linalg.HermitianEigen;

/**
 * The nearest state with the prescribed marginals by a semismooth Newton method on the dual, as the nearest
 * correlation matrix solver of Qi and Sun (SIAM J. Matrix Anal. Appl. 28, 2006) does: for
 * \(\min \tfrac12\|X - G\|_F^2\) subject to \(X \succeq 0\) and \(P_V X = C\) (V the span of the Pauli strings
 * inside some J, C the prescribed part, \(C = P_{\mathcal A}(0)\)), the dual minimises
 * \(\theta(Y) = \tfrac12\|\Pi_+(G + Y)\|_F^2 - \langle C, Y\rangle\) over \(Y \in V\), with gradient
 * \(\nabla\theta = P_V X - C = X - P_{\mathcal A}(X)\), \(X = \Pi_+(G + Y)\) (the positive part). Each step
 * solves \((P_V J\Pi_+ P_V + \epsilon I)H = -\nabla\theta\) by conjugate gradients, the generalised Jacobian of
 * \(\Pi_+\) at \(Q\Lambda Q^\dagger\) being \(H \mapsto Q(\Omega\circ Q^\dagger HQ)Q^\dagger\),
 * \(\Omega_{ij} = (\lambda_i^+ - \lambda_j^+)/(\lambda_i - \lambda_j)\) (1 where both are positive, 0 where neither
 * is), \(\epsilon = \min(10^{-2}, \|\nabla\theta\|)\), then an Armijo line search on θ (with a relative slack of
 * 1e-13 for round-off: without it the search fails near marginal errors of 1e-10).
 *
 * <p>When a positive definite state has the marginals the dual optimum exists and X converges to the projection of
 * G; when only rank-deficient states have them it need not, and X reaches the tolerance as a state with the
 * marginals near, not at, the projection (1e-5 apart in a case with N = 4, k = 3, target rank 11).
 *
 * <p>G is the MIO output of \(I/2^N\) (the start of {@code alternating-projections}). Every iterate
 * \(X = \sum_{\lambda_i > 0}\lambda_i q_iq_i^\dagger\) is positive semidefinite; the method stops when its largest
 * marginal error is at most the tolerance, or after the cap. The reported iterations count eigen-decompositions
 * (Newton steps and rejected line-search trials); each Newton step also costs its conjugate-gradient steps, four
 * \(d\times d\) complex products each (OpenBLAS {@code zgemm} from d = 32).
 */
public final class SemismoothNewton implements Reconstructor {
    private static final int MAX_CG = 200;
    private static final int MAX_HALVINGS = 30;
    private static final double THETA_ROUND_OFF = 1e-13;
    private final double tolerance;
    private final int maxIterations;

    private SemismoothNewton(double tolerance, int maxIterations) {
        Reconstructors.checkStopping(tolerance, maxIterations);
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /**
     * @param tolerance     largest marginal error to stop at
     * @param maxIterations cap on eigen-decompositions
     * @return the method, named {@code semismooth-newton}
     */
    public static SemismoothNewton of(double tolerance, int maxIterations) {
        return new SemismoothNewton(tolerance, maxIterations);
    }

    @Override
    public String name() {
        return "semismooth-newton";
    }

    @Override
    public ReconstructionResult reconstruct(MarginalProblem problem, RandomGenerator rng) {
        long t0 = System.nanoTime();
        int d = problem.dim();
        int len = 2 * d * d;
        double[] g = new double[len];
        for (int i = 0; i < d; i++) {
            g[2 * (i * d + i)] = 1.0 / d;
        }
        problem.project(g);
        double[] c = new double[len];
        problem.project(c);                                    // C = P_A(0): the prescribed part
        double[] y = new double[len];
        Point at = new Point(g, y, c, d);
        int it = 1;
        while (problem.marginalError(at.x) > tolerance && it < maxIterations) {
            double[] grad = at.x.clone();
            problem.project(grad);
            for (int i = 0; i < len; i++) {
                grad[i] = at.x[i] - grad[i];
            }
            double[] h = newtonDirection(problem, at, grad);
            double slope = dot(grad, h);
            double step = 1;
            Point next = null;
            for (int t = 0; t < MAX_HALVINGS && it < maxIterations; t++, step /= 2) {
                double[] yn = y.clone();
                for (int i = 0; i < len; i++) {
                    yn[i] += step * h[i];
                }
                Point trial = new Point(g, yn, c, d);
                it++;
                // Armijo, with slack for round-off in θ: near the solution its decrease falls below double precision
                if (trial.theta <= at.theta + 1e-4 * step * slope + THETA_ROUND_OFF * Math.abs(at.theta)) {
                    next = trial;
                    break;
                }
            }
            if (next == null) {
                break;                                          // no decrease: stop with the current iterate
            }
            at = next;
            y = next.y;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return ReconstructionResult.of(name(), problem, ComplexMatrix.ofInterleaved(d, d, at.x), it, tolerance, seconds);
    }

    /** Conjugate gradients on \((P_V J\Pi_+ P_V + \epsilon I)H = -\nabla\theta\). */
    private static double[] newtonDirection(MarginalProblem problem, Point at, double[] grad) {
        int d = at.d;
        int len = grad.length;
        double[] h = new double[len];
        double[] r = new double[len];
        for (int i = 0; i < len; i++) {
            r[i] = -grad[i];
        }
        double[] p = r.clone();
        double rr = dot(r, r);
        double r0 = Math.sqrt(rr);
        double eps = Math.min(1e-2, r0);
        double stop = Math.min(0.1, r0) * r0;
        for (int k = 0; k < MAX_CG && Math.sqrt(rr) > stop; k++) {
            double[] m = product(product(at.q, true, p, false, d), false, at.q, false, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    m[2 * (i * d + j)] *= at.omega[i * d + j];
                    m[2 * (i * d + j) + 1] *= at.omega[i * d + j];
                }
            }
            double[] ap = product(product(at.q, false, m, false, d), false, at.q, true, d);
            double[] rest = ap.clone();
            problem.projectHomogeneous(rest);                   // P_V(ap) = ap - (ap - P_V ap)
            for (int i = 0; i < len; i++) {
                ap[i] = ap[i] - rest[i] + eps * p[i];
            }
            double alpha = rr / dot(p, ap);
            for (int i = 0; i < len; i++) {
                h[i] += alpha * p[i];
                r[i] -= alpha * ap[i];
            }
            double rr2 = dot(r, r);
            double beta = rr2 / rr;
            rr = rr2;
            for (int i = 0; i < len; i++) {
                p[i] = r[i] + beta * p[i];
            }
        }
        return h;
    }

    /** A dual point Y with the eigen-decomposition of G + Y, the primal X, θ and Ω. */
    private static final class Point {
        final int d;
        final double[] y;
        final double[] x;
        final double[] q;
        final double[] omega;
        final double theta;

        Point(double[] g, double[] y, double[] c, int d) {
            this.d = d;
            this.y = y;
            double[] z = g.clone();
            for (int i = 0; i < z.length; i++) {
                z[i] += y[i];
            }
            HermitianEigen.Decomposition e = HermitianEigen.decompose(ComplexMatrix.ofInterleaved(d, d, z));
            double[] lam = e.values();
            q = e.vectors().toInterleaved();
            x = new double[z.length];
            StateProjections.spectralSum(q, d, lam, 0, x);
            double s = 0;
            for (double l : lam) {
                s += l > 0 ? l * l : 0;
            }
            theta = 0.5 * s - dot(c, y);
            omega = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    double a = lam[i];
                    double b = lam[j];
                    omega[i * d + j] = a > 0 && b > 0 ? 1 : a <= 0 && b <= 0 ? 0 : (Math.max(a, 0) - Math.max(b, 0)) / (a - b);
                }
            }
        }
    }

    private static double[] product(double[] a, boolean daggerA, double[] b, boolean daggerB, int d) {
        return ComplexOps.mult(a, daggerA, b, daggerB, d);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
