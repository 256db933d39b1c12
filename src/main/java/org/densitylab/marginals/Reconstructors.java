package org.densitylab.marginals;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.densitylab.linalg.ComplexMatrix;
import org.densitylab.quantum.RandomStates;

/**
 * The reconstruction methods by name ({@link #NAMES}), each a {@link Reconstructor}. Methods that start from the
 * MIO output (paper Eq. 3) draw its Hilbert–Schmidt seed first from the given stream, so all of them see the same
 * \(\tilde X\) for the same stream.
 * <ul>
 *   <li>{@code identity}: \(I/2^N\) (what a method must beat);</li>
 *   <li>{@code mio}: \(\tilde X\) as is (usually not positive semidefinite);</li>
 *   <li>{@code depolarize}: \((1-\lambda)\tilde X + \lambda I/d\), the smallest λ ({@link StateProjections#depolarize});</li>
 *   <li>{@code psd-projection}: the Frobenius-nearest state to \(\tilde X\) ({@link StateProjections#nearestState});</li>
 *   <li>{@code alternating-projections} and its variants {@code -plain}, {@code -dykstra}, {@code -anderson}
 *       ({@link AlternatingProjections}) from \(\tilde X\), and the same from the MIO output of the maximally mixed
 *       seed (suffix {@code -mixed-seed}); the plain name is the default chosen by measurement;</li>
 *   <li>{@code semismooth-newton}: the nearest state to the MIO output of \(I/2^N\) with the marginals, by Newton's
 *       method on the dual ({@link SemismoothNewton});</li>
 *   <li>{@code cdae}: the paper's network on \(\tilde X\), hermitised and normalised ("mio_cdae");</li>
 *   <li>{@code cdae+mio}: the paper's hybrid, a second MIO on the network's output ("mio_cdae_mio");</li>
 *   <li>{@code cdae+alternating-projections}: alternating projections started from the network's output;</li>
 *   <li>{@code sdp}: the SDP of paper Eq. 2 ({@link PauliSdp}) solved by cvxopt ({@link CvxoptSdp}), where installed.</li>
 * </ul>
 */
public final class Reconstructors {
    /** Every method name, in the order of the class comment. */
    public static final List<String> NAMES = List.of("identity", "mio", "depolarize", "psd-projection",
            "alternating-projections", "alternating-projections-plain", "alternating-projections-dykstra",
            "alternating-projections-anderson", "alternating-projections-plain-mixed-seed",
            "alternating-projections-dykstra-mixed-seed", "alternating-projections-anderson-mixed-seed", "semismooth-newton", "cdae", "cdae+mio", "cdae+alternating-projections", "sdp");

    private Reconstructors() {
    }

    /**
     * Checks the stopping rule of an iterative method.
     *
     * @param tolerance     largest marginal error to stop at: positive and finite
     * @param maxIterations iteration cap: at least 1
     * @throws IllegalArgumentException naming the bad value
     */
    static void checkStopping(double tolerance, int maxIterations) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("the tolerance must be a positive number, got " + tolerance);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("the iteration cap must be at least 1, got " + maxIterations);
        }
    }

    /**
     * Settings shared by the methods.
     *
     * @param tolerance     largest marginal error of a converged iterative method (and of {@code converged})
     * @param iterations    iteration cap of alternating projections
     * @param network       the trained CDAE for the {@code cdae} methods, or null
     * @param sdpTimeout    seconds allowed per SDP solve
     */
    public record Options(double tolerance, int iterations, Cdae network, double sdpTimeout) {
        /**
         * Validates.
         *
         * @throws IllegalArgumentException naming the bad value
         */
        public Options {
            checkStopping(tolerance, iterations);
            if (!(sdpTimeout > 0)) {
                throw new IllegalArgumentException("the SDP timeout must be positive, got " + sdpTimeout);
            }
        }

        /** @return tolerance 1e-8, 1000 iterations, no network, SDP timeout 1 h */
        public static Options defaults() {
            return new Options(AlternatingProjections.DEFAULT_TOLERANCE, AlternatingProjections.DEFAULT_ITERATIONS, null,
                    3600);
        }

        /**
         * @param t tolerance
         * @return a copy with this tolerance
         */
        public Options withTolerance(double t) {
            return new Options(t, iterations, network, sdpTimeout);
        }

        /**
         * @param cap iteration cap
         * @return a copy with this cap
         */
        public Options withIterations(int cap) {
            return new Options(tolerance, cap, network, sdpTimeout);
        }

        /**
         * @param net the trained network
         * @return a copy with this network
         */
        public Options withNetwork(Cdae net) {
            return new Options(tolerance, iterations, net, sdpTimeout);
        }
    }

    /**
     * The method of a name.
     *
     * @param name    one of {@link #NAMES}
     * @param options the settings
     * @return the method
     * @throws IllegalArgumentException for an unknown name, a {@code cdae} method without a network, or {@code sdp}
     *                                  without cvxopt
     */
    public static Reconstructor byName(String name, Options options) {
        Objects.requireNonNull(options, "options");
        double tol = options.tolerance();
        if (name.startsWith("cdae") && NAMES.contains(name) && options.network() == null) {
            throw new IllegalArgumentException("method " + name + " needs a trained CDAE (--model DIR)");
        }
        return switch (name) {
            case "identity" -> closedForm(name, tol, (p, rng) -> ComplexMatrix.identity(p.dim()).scale(1.0 / p.dim()));
            case "mio" -> closedForm(name, tol, Reconstructors::mioOutput);
            case "depolarize" -> closedForm(name, tol, (p, rng) -> StateProjections.depolarize(mioOutput(p, rng)));
            case "psd-projection" -> closedForm(name, tol, (p, rng) -> StateProjections.nearestState(mioOutput(p, rng)));
            case "alternating-projections" -> AlternatingProjections.ofDefault(tol, options.iterations());
            case "alternating-projections-plain", "alternating-projections-dykstra", "alternating-projections-anderson" ->
                    AlternatingProjections.of(AlternatingProjections.Variant.of(name.substring(name.lastIndexOf('-') + 1)),
                            tol, options.iterations());
            case "alternating-projections-plain-mixed-seed", "alternating-projections-dykstra-mixed-seed",
                    "alternating-projections-anderson-mixed-seed" -> AlternatingProjections.of(AlternatingProjections.Variant
                            .of(name.split("-")[2]), tol, options.iterations()).withMixedSeed();
            case "semismooth-newton" -> SemismoothNewton.of(tol, options.iterations());
            case "cdae" -> closedForm(name, tol, (p, rng) -> cdaeOutput(network(options, p), p, rng));
            case "cdae+mio" -> closedForm(name, tol, (p, rng) -> {
                ComplexMatrix z = cdaeOutput(network(options, p), p, rng);
                return z == null ? null : p.project(z);
            });
            case "cdae+alternating-projections" -> cdaeThenProjections(name, options);
            case "sdp" -> sdp(options);
            default -> throw new IllegalArgumentException("unknown reconstruction method '" + name + "'; choose from "
                    + String.join(", ", NAMES));
        };
    }

    /** The MIO output \(\tilde X\) from a Hilbert–Schmidt seed drawn from rng (paper Eq. 3, the network's input). */
    static ComplexMatrix mioOutput(MarginalProblem p, RandomGenerator rng) {
        return p.project(RandomStates.hilbertSchmidt(p.numQubits(), p.dim(), rng).matrix());
    }

    /** The network's hermitised, normalised output on \(\tilde X\), or null if it cannot be normalised. */
    static ComplexMatrix cdaeOutput(Cdae net, MarginalProblem p, RandomGenerator rng) {
        return Reconstruction.reconstruct(net, RandomStates.hilbertSchmidt(p.numQubits(), p.dim(), rng).matrix(),
                p.marginals(), false);
    }

    private static Cdae network(Options o, MarginalProblem p) {
        if (o.network().numQubits() != p.numQubits()) {
            return o.network().forQubits(p.numQubits());
        }
        return o.network();
    }

    /** A named method from a function. */
    private static Reconstructor named(String name, BiFunction<MarginalProblem, RandomGenerator, ReconstructionResult> f) {
        return new Reconstructor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ReconstructionResult reconstruct(MarginalProblem problem, RandomGenerator rng) {
                return f.apply(problem, rng);
            }
        };
    }

    private static Reconstructor closedForm(String name, double tolerance,
            BiFunction<MarginalProblem, RandomGenerator, ComplexMatrix> map) {
        return named(name, (problem, rng) -> {
            long t0 = System.nanoTime();
            ComplexMatrix x = map.apply(problem, rng);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return ReconstructionResult.of(name, problem, x, 0, tolerance, seconds);
        });
    }

    private static Reconstructor cdaeThenProjections(String name, Options options) {
        AlternatingProjections ap = AlternatingProjections.ofDefault(options.tolerance(), options.iterations()).named(name);
        return named(name, (problem, rng) -> {
            long t0 = System.nanoTime();
            ComplexMatrix z = cdaeOutput(network(options, problem), problem, rng);
            // a network output that cannot be normalised falls back to the MIO output of the same seed
            ComplexMatrix start = z != null ? z : mioOutput(problem, rng);
            ReconstructionResult r = ap.solve(problem, start);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new ReconstructionResult(name, r.state(), r.iterations(), r.converged(), r.marginalError(),
                    r.minEigenvalue(), seconds);
        });
    }

    private static Reconstructor sdp(Options options) {
        if (!CvxoptSdp.available()) {
            throw new IllegalArgumentException("method sdp needs Python with cvxopt (Debian: apt-get install"
                    + " python3-cvxopt; another interpreter: -D" + CvxoptSdp.PYTHON_PROPERTY + "=PATH)");
        }
        return named("sdp", (problem, rng) -> {
            if (problem.numQubits() > 8) {
                throw new IllegalArgumentException("method sdp supports N <= 8 (the LMI has order 2^(N+1)), got N = "
                        + problem.numQubits());
            }
            CvxoptSdp.Result r = CvxoptSdp.solve(PauliSdp.of(problem.numQubits(), problem.marginals()), options.sdpTimeout());
            return ReconstructionResult.of("sdp", problem, r.state(), r.iterations(), options.tolerance(), r.solveSeconds());
        });
    }
}
