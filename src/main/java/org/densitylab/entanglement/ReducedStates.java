package org.densitylab.entanglement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.Ket;
import org.densitylab.quantum.Qubits;
import org.densitylab.quantum.RandomStates;
import org.densitylab.quantum.StateVector;

/**
 * Reduced states of larger pure states, entanglement paper Eq. 8: circuits on a global register of Q qubits (9 in the
 * paper), simulated as state vectors, then all but N qubits traced out. Random entangling circuits here always draw
 * their CU count from {1, …, 2·C(s,2) − 1} for s sampled qubits (the reference code): the paper's rule \([1, 2^{\binom
 * N2})\) is stated for the N = 3 circuits and would mean up to \(2^{36}\) gates on 9 qubits.
 */
public final class ReducedStates {
    /** The paper's global register. */
    public static final int GLOBAL_QUBITS = 9;

    private ReducedStates() {
    }

    /** The global circuit families of the reduced states (paper 1 Eq. 8). */
    public enum Family {
        /** W states on random subsets, repeated 1..N times. */
        W,
        /** GHZ states on random subsets, repeated 1..N times. */
        GHZ,
        /** Random entangling circuits on random subsets, repeated 1..N times. */
        RANDOM_ENTANGLEMENT
    }

    /**
     * A reduced state of a global circuit (paper 1 Eq. 8; the reference code's global circuit and reduction): R =
     * uniform{1..N} rounds, each preparing the family's state on s = uniform{2..Q} random qubits and applying 2 random
     * U gates to all Q qubits; E is the union of the rounds' qubits. Then e = uniform{max(1, |E| − (Q − N)) .. min(N,
     * |E|)} qubits of E are kept, with N − e qubits outside E (product qubits); the rest is traced out.
     *
     * @param family          the circuit family
     * @param n               qubits kept
     * @param q               global register (at least n + 1)
     * @param labelPotentPpt  the ppt flag for random-entanglement states with e ≥ 2 (max-rank states)
     * @param rng             random source
     * @return the reduced state; the kept qubits outside E are recorded as product groups
     */
    public static Sample circuit(Family family, int n, int q, boolean labelPotentPpt, RandomGenerator rng) {
        return circuit(family, n, q, labelPotentPpt, false, rng);
    }

    /**
     * A candidate for the max-rank ("weak PPTES") states (docs/papers.md#mixtures): a random-entanglement reduced state
     * with the ppt flag, or {@code null} when its structure already rules out the max-rank acceptance (exactly one
     * near-zero partial-transpose eigenvalue per cut), so the 9-qubit circuit is not simulated. Ruled out: a kept
     * product qubit c (then \(\rho^{T_c} = \tau\otimes|c^*\rangle\langle c^*|\) has at least d/2 zero eigenvalues) and
     * a pure reduced state (|E| = N: the partial transpose across a one-qubit cut has rank at most 4, so at least d − 4
     * ≥ 4 zero eigenvalues). The distribution of the candidates that are built is that of {@link #circuit}.
     *
     * @param n   qubits kept
     * @param q   global register
     * @param rng random source
     * @return the candidate, or null if it cannot pass
     */
    public static Sample maxRankCandidate(int n, int q, RandomGenerator rng) {
        return circuit(Family.RANDOM_ENTANGLEMENT, n, q, true, true, rng);
    }

    /**
     * Draws the structure (rounds, their qubits, the kept qubits) first and the gates after, so that
     * {@code skipDoomed} can stop before simulating; the draws are independent, so the order does not change
     * the distribution.
     */
    private static Sample circuit(Family family, int n, int q, boolean labelPotentPpt, boolean skipDoomed, RandomGenerator rng) {
        checkSizes(n, q);
        boolean[] entangled = new boolean[q];
        int[][] samples = new int[Draw.between(rng, 1, n)][];
        for (int r = 0; r < samples.length; r++) {
            samples[r] = Draw.sample(rng, q, Draw.between(rng, 2, q));
            for (int s : samples[r]) {
                entangled[s] = true;
            }
        }
        int[] e = indices(entangled, true);
        int keepE = Draw.between(rng, Math.max(1, e.length - (q - n)), Math.min(n, e.length));
        int[] fromE = Draw.sample(rng, e, keepE);
        int[] fillers = Draw.sample(rng, indices(entangled, false), n - keepE);
        if (skipDoomed && (keepE < n || e.length == n)) {
            return null;
        }
        // register qubit r simulates global qubit reg[r]; a max-rank candidate keeps only qubits of E, and the
        // qubits outside E stay in a product state that is traced out, so they need no simulation
        int[] reg = skipDoomed ? e : java.util.stream.IntStream.range(0, q).toArray();
        int[] local = new int[q];
        Arrays.fill(local, -1);
        for (int r = 0; r < reg.length; r++) {
            local[reg[r]] = r;
        }
        StateVector c = StateVector.zero(reg.length);
        for (int[] sample : samples) {
            int[] s = relabel(sample, local);
            switch (family) {
                case W -> PureStates.prepareW(c, s);
                case GHZ -> PureStates.prepareGhz(c, s);
                case RANDOM_ENTANGLEMENT -> PureStates.randomEntangling(c, s,
                        PureStates.cuCount(q, s.length, Variant.REFERENCE_CODE, rng), rng);
            }
            PureStates.localLayer(c, PureStates.FINAL_GATES, rng);
        }
        return reduce(c.ket(), relabel(fromE, local), relabel(fillers, local),
                labelPotentPpt && family == Family.RANDOM_ENTANGLEMENT && keepE >= 2);
    }

    private static int[] relabel(int[] qubits, int[] local) {
        int[] out = new int[qubits.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = local[qubits[i]];
        }
        return out;
    }

    /**
     * Keeps {@code fromE} entangled and {@code fillers} product qubits of a global ket, in ascending label
     * order, and records the fillers' new labels as product groups.
     */
    private static Sample reduce(Ket psi, int[] fromE, int[] fillers, boolean pptFlag) {
        int[] kept = new int[fromE.length + fillers.length];
        System.arraycopy(fromE, 0, kept, 0, fromE.length);
        System.arraycopy(fillers, 0, kept, fromE.length, fillers.length);
        Arrays.sort(kept);
        List<int[]> groups = new ArrayList<>();
        for (int f : fillers) {
            groups.add(new int[] {Arrays.binarySearch(kept, f)});
        }
        groups.sort((a, b) -> Integer.compare(a[0], b[0]));
        return new Sample(psi.keep(kept), List.copyOf(groups), pptFlag, false, null);
    }

    /**
     * A separable reduced state (paper 1 Eq. 8, the reference code's separable method): the tensor product of N
     * one-qubit reduced states, each one random qubit of E of its own random-entanglement global circuit.
     *
     * @param n       qubits
     * @param q       global register
     * @param rng     random source
     * @return the fully separable state
     */
    public static Sample separable(int n, int q, RandomGenerator rng) {
        checkSizes(n, q);
        DensityMatrix rho = null;
        for (int k = 0; k < n; k++) {
            StateVector c = StateVector.zero(q);
            int rounds = Draw.between(rng, 1, n);
            boolean[] entangled = new boolean[q];
            for (int r = 0; r < rounds; r++) {
                int[] sample = Draw.sample(rng, q, Draw.between(rng, 2, q));
                PureStates.randomEntangling(c, sample, PureStates.cuCount(q, sample.length, Variant.REFERENCE_CODE, rng), rng);
                PureStates.localLayer(c, PureStates.FINAL_GATES, rng);
                for (int s : sample) {
                    entangled[s] = true;
                }
            }
            int[] e = indices(entangled, true);
            DensityMatrix one = c.ket().keep(e[rng.nextInt(e.length)]);
            rho = rho == null ? one : rho.tensor(one);
        }
        return Sample.separable(rho);
    }

    /**
     * A reduced Haar state (paper 1 Eq. 8, {@code generate_random_haar_matrices}): a Haar state on
     * n0 = uniform{N+1..Q} qubits reduced to r = uniform{1..N} random qubits; while r &lt; N, a further
     * reduced Haar state on the remaining qubits is put in front (tensor product).
     *
     * @param n   qubits
     * @param q   largest global register (N + 3 for training, 9 for the mixed test set)
     * @param rng random source
     * @return the state
     */
    public static Sample haar(int n, int q, RandomGenerator rng) {
        checkSizes(n, q);
        int n0 = Draw.between(rng, n + 1, q);
        int k0 = Draw.between(rng, n0 - n, n0 - 1);
        DensityMatrix rho = RandomStates.haarKet(n0, rng).keep(sortedSample(rng, n0, n0 - k0));
        int r = n0 - k0;
        while (r < n) {
            int n1 = Draw.between(rng, n + 1, q);
            int k1 = Draw.between(rng, n1 - n + r, n1 - 1);
            DensityMatrix more = RandomStates.haarKet(n1, rng).keep(sortedSample(rng, n1, n1 - k1));
            rho = more.tensor(rho);
            r += n1 - k1;
        }
        return Sample.of(rho);
    }

    /**
     * Carrier-correlated states (paper 1 Eq. 8, the reference code's method 5; mixed test set only): |sub| ∈ {2,3}
     * qubits correlated through c ∈ {1..6} carrier qubits that are traced out.
     *
     * @param n       qubits (3 in the paper)
     * @param q       global register
     * @param rng     random source
     * @return the reduced state
     */
    public static Sample carrierCorrelated(int n, int q, RandomGenerator rng) {
        checkSizes(n, q);
        int[] order = Draw.sample(rng, q, q);
        int subSize = Draw.between(rng, 2, Math.min(3, n));
        int carriers = Draw.between(rng, 1, Math.min(6, q - n));
        int[] sub = Arrays.copyOfRange(order, 0, subSize);
        int[] car = Arrays.copyOfRange(order, subSize, subSize + carriers);
        boolean inside = rng.nextBoolean();
        StateVector c = StateVector.zero(q);
        PureStates.localLayer(c, 1, rng);
        if (carriers >= 2) {
            PureStates.randomEntangling(c, car, PureStates.cuCount(q, carriers, Variant.REFERENCE_CODE, rng), rng);
        }
        for (int s : sub) {
            randomDirectionCu(c, s, car[rng.nextInt(carriers)], rng);
        }
        PureStates.localLayer(c, PureStates.FINAL_GATES, rng);
        if (inside) {
            int count = Draw.between(rng, 1, subSize - 1);
            for (int i = 0; i < count; i++) {
                int[] pair = Draw.sample(rng, sub, 2);
                c.applyControlled(pair[0], pair[1], StateVector.randomCu(rng));
            }
            for (int s : sub) {
                c.apply(s, StateVector.randomLocal(PureStates.FINAL_GATES, rng));
            }
        }
        int[] rest = Arrays.copyOfRange(order, subSize + carriers, q);
        return reduce(c.ket(), sub, Arrays.copyOf(rest, n - subSize), false);
    }

    /**
     * Directly correlated states (paper 1 Eq. 8, the reference code's method 6; mixed test set only): a random
     * entangling circuit on |sub| ∈ {2,3} qubits, then each of x ∈ {1..6} external qubits coupled by one CU to a random
     * earlier qubit; the external qubits are traced out.
     *
     * @param n       qubits (3 in the paper)
     * @param q       global register
     * @param rng     random source
     * @return the reduced state
     */
    public static Sample directCorrelated(int n, int q, RandomGenerator rng) {
        checkSizes(n, q);
        int[] order = Draw.sample(rng, q, q);
        int subSize = Draw.between(rng, 2, Math.min(3, n));
        int ext = Draw.between(rng, 1, Math.min(6, q - n));
        int[] sub = Arrays.copyOfRange(order, 0, subSize);
        StateVector c = StateVector.zero(q);
        PureStates.localLayer(c, 1, rng);
        PureStates.randomEntangling(c, sub, PureStates.cuCount(q, subSize, Variant.REFERENCE_CODE, rng), rng);
        for (int i = 0; i < ext; i++) {
            randomDirectionCu(c, order[subSize + i], order[rng.nextInt(subSize + i)], rng);
        }
        PureStates.localLayer(c, PureStates.FINAL_GATES, rng);
        int[] rest = Arrays.copyOfRange(order, subSize + ext, q);
        return reduce(c.ket(), sub, Arrays.copyOf(rest, n - subSize), false);
    }

    private static void randomDirectionCu(StateVector c, int a, int b, RandomGenerator rng) {
        if (rng.nextBoolean()) {
            c.applyControlled(a, b, StateVector.randomCu(rng));
        } else {
            c.applyControlled(b, a, StateVector.randomCu(rng));
        }
    }

    private static int[] indices(boolean[] flags, boolean value) {
        int[] out = new int[flags.length];
        int k = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] == value) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }

    private static int[] sortedSample(RandomGenerator rng, int n, int k) {
        int[] s = Draw.sample(rng, n, k);
        Arrays.sort(s);
        return s;
    }

    private static void checkSizes(int n, int q) {
        if (n < 2 || q <= n || q > 20) {
            throw new IllegalArgumentException("reduced states need 2 <= N < Q <= 20 qubits, got N=" + n + ", Q=" + q);
        }
        Qubits.qubitsOf(1 << n);
    }
}
