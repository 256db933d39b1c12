package org.densitylab.entanglement;

/**
 * Where the entanglement paper and its reference code disagree (docs/papers.md#variants-of-paper-1), which one to
 * follow.
 *
 * <table>
 *   <caption>The differences</caption>
 *   <tr><th>what</th><th>{@link #PAPER} (default)</th><th>{@link #REFERENCE_CODE}</th></tr>
 *   <tr><td>terms of a mixture (Eq. 7)</td><td>d ∈ {2, …, 2^N}</td><td>d ∈ {2, …, 2^(N+1)}</td></tr>
 *   <tr><td>CU gates of a random circuit</td><td>{1, …, 2^C(N,2) − 1}</td><td>{1, …, 2·C(k,2) − 1}, k sampled qubits</td></tr>
 *   <tr><td>max-rank training states</td><td>20,000</td><td>10,000</td></tr>
 *   <tr><td>mixed test set</td><td>40,000: 20,000 separable + 20,000 NPT (verified)</td>
 *       <td>50,000, incl. 5,000 unverified carrier-correlated states</td></tr>
 *   <tr><td>qubit permutations</td><td>all 3! exact</td><td>SWAP(i, P[i]) for P[i] &gt; i: the 3-cycle
 *       (2,0,1) acts as SWAP(0,2)</td></tr>
 * </table>
 */
public enum Variant {
    /** Follow the paper's text. */
    PAPER,
    /** Reproduce the reference code (Maticraft/quantum_correlations @ 79c77c3). */
    REFERENCE_CODE
}
