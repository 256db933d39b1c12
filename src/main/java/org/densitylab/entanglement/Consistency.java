package org.densitylab.entanglement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.densitylab.quantum.Bipartitions;
import org.densitylab.quantum.Qubits;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How far a predictor is from the two symmetries the Siamese loss (paper Eq. 6) asks for.
 *
 * <ul>
 * <li><b>Local unitaries.</b> Entanglement across every cut is invariant under \(\rho\mapsto U\rho U^\dagger\),
 * \(U = u_0\otimes\dots\otimes u_{n-1}\), so a consistent predictor has \(p_j(U\rho U^\dagger) = p_j(\rho)\). Measured
 * as \(\overline{|p_j(\rho) - p_j(U\rho U^\dagger)|}\) over states and cuts, with fresh random \(u_q\) (two U gates
 * each, docs/papers.md#gates-and-local-randomisation) per state, and as the share of (state, cut) pairs whose decision
 * \(p &gt; 0.5\) flips.</li>
 * <li><b>Qubit permutations.</b> For every non-identity permutation π (new qubit k carries old qubit π[k];
 * for more than 4 qubits, the swaps of neighbouring qubits),
 * cut j of πρ is cut map[j] of ρ ({@link Bipartitions#permutationMap}), so a consistent predictor has
 * \(p_j(\pi\rho) = p_{\mathrm{map}[j]}(\rho)\); measured the same way. With {@code referenceCode} the
 * permutation is realised as the reference code does ((2,0,1) becomes SWAP(0,2)) but the cuts are still
 * compared by the requested π's map — the pairing the reference code's loss uses for that permutation,
 * which an exactly invariant predictor violates (paper 1 Eq. 6).</li>
 * </ul>
 *
 * <p>The labels are invariant in the same way (label j of πρ is label map[j] of ρ), so the accuracy on the
 * rotated and permuted copies is measured too: a network that learnt the symmetry keeps its accuracy there.
 *
 * <p>The paper has no such table; it shows what the consistency terms buy. An analytic criterion
 * (PPT, realignment) is exactly consistent, a network only approximately.
 *
 * @param accuracy     accuracy (%) on the states as given, against their labels (paper Eq. 9)
 * @param luMeanAbs    mean |Δp| under local unitaries
 * @param luFlips      % of (state, cut) decisions that flip under local unitaries
 * @param luAccuracy   accuracy (%) on the rotated states
 * @param permutations the non-identity permutations in lexicographic order (n ≤ 4), or the neighbour swaps
 * @param permMeanAbs  mean |Δp| per permutation
 * @param permFlips    % of flipped decisions per permutation
 * @param permAccuracy accuracy (%) on the permuted states, per permutation
 */
public record Consistency(double accuracy, double luMeanAbs, double luFlips, double luAccuracy, List<int[]> permutations,
        double[] permMeanAbs, double[] permFlips, double[] permAccuracy) {

    /**
     * Measures a predictor on a set of states.
     *
     * @param predictor     probabilities {@code size × m} (row-major) for a set, e.g.
     *                      {@code s -> Evaluation.predict(net, s)}
     * @param data          the states with their labels
     * @param referenceCode realise the permutations as the reference code does (3 qubits), see above
     * @param rng           random source of the local unitaries
     * @return the consistency measures
     */
    public static Consistency of(Function<LabelledStates, float[]> predictor, LabelledStates data, boolean referenceCode,
            RandomGenerator rng) {
        int n = data.qubits();
        if (data.size() == 0) {
            throw new IllegalArgumentException("consistency needs at least one state, got an empty set");
        }
        if (referenceCode && n != 3) {
            throw new IllegalArgumentException("the reference code's permutations are defined for 3 qubits, not " + n);
        }
        int d = 1 << n;
        int per = 2 * d * d;
        float[] p0 = probabilities(predictor, data);
        int[] identity = new int[Bipartitions.count(n)];
        Arrays.setAll(identity, j -> j);
        float[] rotated = new float[data.states().length];
        double[] scratch = new double[per];
        for (int i = 0; i < data.size(); i++) {
            SiameseBatch.rotate(data.states(), i * per, n, rng, rotated, scratch);
        }
        double[] lu = compare(p0, probabilities(predictor, copy(data, rotated)), identity, data.labels());
        List<int[]> perms = n <= 4 ? nonIdentityPermutations(n) : adjacentTranspositions(n);
        double[] mean = new double[perms.size()];
        double[] flips = new double[perms.size()];
        double[] accuracy = new double[perms.size()];
        for (int t = 0; t < perms.size(); t++) {
            int[] p = perms.get(t);
            int[] idx = Qubits.permutationIndexMap(n, referenceCode ? Permutations.asReferenceCode(p) : p);
            float[] permuted = new float[data.states().length];
            for (int i = 0; i < data.size(); i++) {
                SiameseBatch.permute(data.states(), i * per, d, idx, permuted);
            }
            double[] c = compare(p0, probabilities(predictor, copy(data, permuted)), Bipartitions.permutationMap(n, p), data.labels());
            mean[t] = c[0];
            flips[t] = c[1];
            accuracy[t] = c[2];
        }
        return new Consistency(compare(p0, p0, identity, data.labels())[2], lu[0], lu[1], lu[2], perms, mean, flips, accuracy);
    }

    /** The predictor's probabilities for a set, checked to hold one per state and cut. */
    private static float[] probabilities(Function<LabelledStates, float[]> predictor, LabelledStates set) {
        float[] p = predictor.apply(set);
        long expected = (long) set.size() * set.outputs();
        if (p == null || p.length != expected) {
            throw new IllegalArgumentException("the predictor must return " + set.size() + " x " + set.outputs() + " = " + expected
                    + " probabilities, got " + (p == null ? "null" : p.length));
        }
        return p;
    }

    /**
     * Mean |p0[map[j]] − p1[j]|, % of flipped decisions and % of decisions p1[j] &gt; 0.5 that equal the label
     * map[j] of the original, over states and cuts.
     */
    private static double[] compare(float[] p0, float[] p1, int[] map, byte[] labels) {
        int m = map.length;
        double sum = 0;
        long flipped = 0;
        long right = 0;
        for (int i = 0; i < p0.length / m; i++) {
            for (int j = 0; j < m; j++) {
                float a = p0[i * m + map[j]];
                float b = p1[i * m + j];
                sum += Math.abs(a - b);
                flipped += (a > 0.5f) != (b > 0.5f) ? 1 : 0;
                right += (b > 0.5f ? 1 : 0) == labels[i * m + map[j]] ? 1 : 0;
            }
        }
        return new double[] {sum / p0.length, 100.0 * flipped / p0.length, 100.0 * right / p0.length};
    }

    private static LabelledStates copy(LabelledStates data, float[] states) {
        return new LabelledStates(data.qubits(), data.size(), states, data.labels(), data.truth());
    }

    /**
     * @param n register size
     * @return every permutation of 0..n−1 except the identity, in lexicographic order
     */
    static List<int[]> nonIdentityPermutations(int n) {
        List<int[]> all = new ArrayList<>();
        int[] p = new int[n];
        Arrays.setAll(p, k -> k);
        while (true) {
            int i = n - 2;
            while (i >= 0 && p[i] >= p[i + 1]) {
                i--;
            }
            if (i < 0) {
                return all;
            }
            int j = n - 1;
            while (p[j] <= p[i]) {
                j--;
            }
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
            for (int a = i + 1, b = n - 1; a < b; a++, b--) {
                t = p[a];
                p[a] = p[b];
                p[b] = t;
            }
            all.add(p.clone());
        }
    }

    /**
     * @param n register size
     * @return the n−1 swaps of neighbouring qubits (they generate every permutation; used for n &gt; 4, where all
     *         n! − 1 would be too many)
     */
    static List<int[]> adjacentTranspositions(int n) {
        List<int[]> all = new ArrayList<>();
        for (int q = 0; q + 1 < n; q++) {
            int[] p = new int[n];
            Arrays.setAll(p, k -> k);
            p[q] = q + 1;
            p[q + 1] = q;
            all.add(p);
        }
        return all;
    }

    /** @return the mean |Δp| over the permutations */
    public double permMeanAbsOverall() {
        return Arrays.stream(permMeanAbs).average().orElse(Double.NaN);
    }

    /**
     * One row per predictor: accuracy; LU mean |Δp|, flips and accuracy; mean |Δp| for each permutation, and the
     * mean flips and accuracy over permutations; rounded to 5 decimals.
     *
     * @param byPredictor consistency per predictor name, in display order
     * @return the table
     */
    public static Table table(Map<String, Consistency> byPredictor) {
        Table t = Table.create("consistency under local unitaries and qubit permutations");
        t.addColumns(StringColumn.create("predictor", byPredictor.keySet()));
        Function<java.util.function.ToDoubleFunction<Consistency>, double[]> col = f -> byPredictor.values().stream()
                .mapToDouble(f).map(x -> Math.round(x * 1e5) / 1e5).toArray();
        t.addColumns(DoubleColumn.create("accuracy %", col.apply(Consistency::accuracy)),
                DoubleColumn.create("LU |Δp|", col.apply(Consistency::luMeanAbs)),
                DoubleColumn.create("LU flips %", col.apply(Consistency::luFlips)),
                DoubleColumn.create("LU accuracy %", col.apply(Consistency::luAccuracy)));
        List<int[]> perms = byPredictor.values().iterator().next().permutations();
        for (int k = 0; k < perms.size(); k++) {
            int kk = k;
            t.addColumns(DoubleColumn.create("π=" + Arrays.toString(perms.get(k)).replace(" ", "") + " |Δp|",
                    col.apply(c -> c.permMeanAbs()[kk])));
        }
        t.addColumns(DoubleColumn.create("π flips %", col.apply(c -> Arrays.stream(c.permFlips()).average().orElse(Double.NaN))),
                DoubleColumn.create("π accuracy %", col.apply(c -> Arrays.stream(c.permAccuracy()).average().orElse(Double.NaN))));
        return t;
    }
}
