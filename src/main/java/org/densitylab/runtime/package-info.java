/**
 * Runtime of the marginals paper's reconstructions against an SDP (spec marginals.md §8): the SDP of the marginal
 * problem in the Pauli parametrisation ({@link org.densitylab.runtime.PauliSdp}), an optional external solver
 * (Debian's python3-cvxopt, {@link org.densitylab.runtime.CvxoptSdp}; no maintained Java SDP solver exists on Maven
 * Central), the reference timings ({@link org.densitylab.runtime.ReferenceTimings}) and the benchmark with its table
 * and log-scale plot ({@link org.densitylab.runtime.RuntimeBenchmark}, bench case {@code runtime}).
 */
package org.densitylab.runtime;
