/**
 * Quantum states and operations on qubit registers.
 *
 * <h2>Conventions (decided for the whole project)</h2>
 * <ul>
 *   <li><b>Qubit order</b>: qubit 0 is the leftmost tensor factor, the most significant bit of a basis
 *       index: \(|b_0 b_1 \dots b_{N-1}\rangle\) has index \(\sum_q b_q 2^{N-1-q}\) (QuTiP, the marginals
 *       paper's code). The entanglement paper's code is little-endian (Qiskit); convert with
 *       {@link org.densitylab.quantum.QubitOrder}.</li>
 *   <li><b>Partial trace</b> is named by meaning: {@code keep(...)} (QuTiP's {@code ptrace}) or
 *       {@code traceOut(...)} (Qiskit's {@code partial_trace}); kept qubits stay in ascending order.</li>
 *   <li><b>Negativity</b>: standard \(\mathcal N(\rho) = (\|\rho^{T_S}\|_1 - 1)/2\), paper 1 Eq. 3;
 *       the entanglement paper's code uses twice that ({@link org.densitylab.quantum.NegativityConvention}).</li>
 *   <li><b>Fidelity</b>: squared, \(F = (\mathrm{tr}\sqrt{\sqrt\sigma\,\tau\sqrt\sigma})^2\), as both papers.</li>
 *   <li><b>Bipartitions</b>: {@link org.densitylab.quantum.Bipartitions#of(int)}.</li>
 * </ul>
 */
package org.densitylab.quantum;
