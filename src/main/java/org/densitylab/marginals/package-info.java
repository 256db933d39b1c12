/**
 * Quantum marginals and the Marginal Imposition Operator (MIO) of Uzcategui-Contreras, Guerra, Delgado
 * and Niklitschek, "Machine Learning approach to reconstruct Density Matrices from Quantum Marginals"
 * (arXiv:2410.11145, Mach. Learn.: Sci. Technol.), reference code {@code guerra-antonio/Learning-QM}; and
 * the generator of its training data (MIO input, target state).
 *
 * <h2>Conventions (docs/papers.md#marginals)</h2>
 * <ul>
 *   <li><b>Qubit order</b>: big-endian, qubit 0 is the leftmost tensor factor and the most significant
 *       bit of a basis index, \(i = \sum_q b_q 2^{N-1-q}\).</li>
 *   <li><b>Marginal</b> on \(J = (j_1 < \dots < j_k)\): \(\sigma_J = \mathrm{tr}_{J^c}\rho\), a
 *       \(2^k \times 2^k\) matrix whose factors are the kept qubits in ascending order, \(j_1\) most
 *       significant ({@link org.densitylab.quantum.DensityMatrix#keep(int...)}).</li>
 *   <li><b>Subsets</b>: all k-subsets of {0..N−1} in lexicographic order (Python's
 *       {@code itertools.combinations(range(N), k)}): N = 4, k = 3 gives (0,1,2), (0,1,3), (0,2,3), (1,2,3).</li>
 *   <li><b>MIO</b> (paper Eq. 3): one pass over the subsets in that order,
 *       \(X \leftarrow X + (\sigma_J - \mathrm{tr}_{J^c}X) \otimes I_{J^c}/2^{N-k}\), from a
 *       Hilbert–Schmidt random full-rank seed. The result has exactly the prescribed marginals, is
 *       Hermitian with trace 1, and in general is not positive semidefinite, so it is a
 *       {@link org.densitylab.linalg.ComplexMatrix}, not a density matrix.</li>
 *   <li><b>Tensors</b>: {@code [2, n, n]} float32 (channel 0 real part, channel 1 imaginary part,
 *       row-major), n = 2^N; quantum maths in float64.</li>
 *   <li><b>Randomness</b>: record i of a dataset uses only {@code Seeds.forIndex(seed, i)}, so datasets do
 *       not depend on the number of threads.</li>
 * </ul>
 *
 * <p>The convolutional denoising autoencoder (CDAE) of the marginals paper (Uzcategui-Contreras et al.,
 * arXiv:2410.11145, Appendix A and Eq. 6) in SameDiff: the network ({@link
 * org.densitylab.marginals.Cdae}), the loss of Eq. 6 ({@link org.densitylab.marginals.CdaeLoss}) with the
 * closed-form polar gradient ({@link org.densitylab.marginals.PolarTerm}), and the {@code cdae} bench case.
 *
 * <p>Training of the marginals paper's CDAE (docs/papers.md#training-the-cdae): {@link
 * org.densitylab.marginals.CdaeTrainer} (epochs, validation, checkpoints, resume), PyTorch-compatible {@link
 * org.densitylab.marginals.Adam} and {@link org.densitylab.marginals.PlateauScheduler}, {@link
 * org.densitylab.marginals.Checkpoint} files, and {@link org.densitylab.marginals.TrainingData} over in-memory or
 * on-disk datasets.
 *
 * <p>Evaluation of the marginals paper's models (docs/papers.md#evaluation-success-fidelity-random-guessing):
 * post-processing and per-sample metrics ({@link org.densitylab.marginals.Reconstruction}: hermitise, normalise, PSD
 * success test, marginal fidelity), the pipelines model / model+MIO / random guessing per rank ({@link
 * org.densitylab.marginals.MarginalsEvaluation}), the reference implementation's numbers ({@link
 * org.densitylab.marginals.ReferenceNumbers}) and Fig. 2-style plots ({@link org.densitylab.marginals.MarginalsPlots}).
 *
 * <p>Transfer learning N−1 → N of the marginals paper's CDAE (docs/papers.md#transfer-learning):
 * {@link org.densitylab.marginals.TransferLearning}.
 *
 * <p>Runtime of the marginals paper's reconstructions against an SDP (paper 2 Eq. 2): the SDP of the marginal
 * problem in the Pauli parametrisation ({@link org.densitylab.marginals.PauliSdp}), an optional external solver
 * (Debian's python3-cvxopt, {@link org.densitylab.marginals.CvxoptSdp}; no maintained Java SDP solver exists on Maven
 * Central), the reference timings ({@link org.densitylab.marginals.ReferenceTimings}) and the benchmark with its table
 * and log-scale plot ({@link org.densitylab.marginals.RuntimeBenchmark}, bench case {@code runtime}).
 *
 * <p>Reconstruction from marginals beyond the paper's network: a validated problem with the affine projection
 * (the MIO) and the marginal error ({@link org.densitylab.marginals.MarginalProblem}), one interface for every method
 * ({@link org.densitylab.marginals.Reconstructor}, {@link org.densitylab.marginals.ReconstructionResult}, by name in
 * {@link org.densitylab.marginals.Reconstructors}): identity, MIO, depolarising to the PSD boundary and the nearest
 * state ({@link org.densitylab.marginals.StateProjections}), alternating projections plain, with Dykstra's
 * correction or Anderson-accelerated ({@link org.densitylab.marginals.AlternatingProjections}), the CDAE and its
 * hybrids, the SDP; and the methods side by side per rank ({@link org.densitylab.marginals.MethodComparison},
 * command {@code marginals-reconstruct}, bench case {@code reconstruct}).
 */
package org.densitylab.marginals;
