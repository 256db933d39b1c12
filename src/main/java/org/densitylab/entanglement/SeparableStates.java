package org.densitylab.entanglement;

import java.util.List;
import java.util.random.RandomGenerator;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.Ket;
import org.densitylab.quantum.RandomStates;
import org.densitylab.quantum.StateVector;

/**
 * The two separable constructions that only the separability measure's training set uses
 * (docs/papers.md#separability-measure-m, docs/papers.md#pure-states); the others come from {@link PureStates}, {@link
 * MixedStates} and {@link ReducedStates}.
 */
public final class SeparableStates {
    private SeparableStates() {
    }

    /**
     * A "parametrised" pure product: each qubit \(a_q|0\rangle + \sqrt{1-a_q^2}|1\rangle\) with
     * \(a_q \in \{0, 0.01, \dots, 1\}\), then 2 random U gates per qubit.
     *
     * @param n   qubits
     * @param rng random source
     * @return the product state
     */
    public static Sample parametrisedProduct(int n, RandomGenerator rng) {
        StateVector v = StateVector.zero(n);
        for (int q = 0; q < n; q++) {
            double a = rng.nextInt(101) / 100.0;
            // R_y(θ)|0> = cos(θ/2)|0> + sin(θ/2)|1> with cos(θ/2) = a
            v.apply(q, StateVector.gate(2 * Math.acos(a), 0, 0, 0));
        }
        return Sample.separable(PureStates.localLayer(v, PureStates.FINAL_GATES, rng).ket().toDensityMatrix());
    }

    /**
     * A classical-classical mixture \(p\,W|0\dots0\rangle\langle0\dots0|W^\dagger +
     * (1-p)\,W|1\dots1\rangle\langle1\dots1|W^\dagger\) of an orthogonal pair of product states, \(W = \bigotimes_q
     * U(\theta_q, 0, \lambda_q)\) (docs/papers.md#pure-states), with weights \(u/\sum u\), \(u \sim U[0,1)\).
     *
     * @param n   qubits
     * @param rng random source
     * @return the separable state
     */
    public static Sample orthogonalPairMixture(int n, RandomGenerator rng) {
        StateVector zero = StateVector.zero(n);
        StateVector one = StateVector.zero(n);
        for (int q = 0; q < n; q++) {
            one.apply(q, StateVector.X);
        }
        for (int q = 0; q < n; q++) {
            double[] w = StateVector.gate(rng.nextDouble() * 2 * Math.PI, 0, rng.nextDouble() * 2 * Math.PI, 0);
            zero.apply(q, w);
            one.apply(q, w);
        }
        List<Ket> pair = List.of(zero.ket(), one.ket());
        return Sample.separable(DensityMatrix.mixtureOfKets(RandomStates.uniformWeights(2, rng), pair));
    }
}
