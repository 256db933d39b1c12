package org.densitylab.marginals;

import org.densitylab.util.Parallel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.densitylab.data.ChunkBuffers;
import org.densitylab.data.DatasetGenerator;
import org.densitylab.data.RecordFiller;
import org.densitylab.data.io.ColumnSpec;
import org.densitylab.data.io.DType;
import org.densitylab.data.io.DatasetInfo;
import org.densitylab.quantum.DensityMatrix;
import org.densitylab.quantum.RandomStates;
import org.densitylab.util.Seeds;

/**
 * Training data of the marginals paper (docs/papers.md#training-data): records (MIO input \(\tilde X\), target ρ, rank
 * r) for one (N, k, rank range).
 *
 * <p>Record i is a function of (seed, i) only: with {@code rng = Seeds.forIndex(seed, i)} it draws, in this
 * order,
 * <ol>
 *   <li>the rank \(r = r_{\min} + {}\){@code rng.nextInt(r_max − r_min + 1)}, uniform on
 *       \(\{r_{\min},\dots,r_{\max}\}\) (docs/papers.md#variants-of-paper-2);</li>
 *   <li>the target \(\rho = \sum_{i=1}^r p_i|\psi_i\rangle\langle\psi_i|\), \(p\sim\mathrm{Dirichlet}(r,\dots,r)\),
 *       \(\psi_i\) Haar ({@link RandomStates#rankR}, docs/papers.md#random-states-of-rank-r);</li>
 *   <li>the seed \(X_0\), a Hilbert–Schmidt random full-rank state ({@link RandomStates#hilbertSchmidt} with rank 2^N,
 *       paper 2 Eq. 3);</li>
 * </ol>
 * and stores \(\tilde X = \mathrm{MIO}(X_0, \{\mathrm{tr}_{J^c}\rho\}_{|J| = k})\) (paper Eq. 3, all k-subsets in
 * lexicographic order, {@link Mio}) and ρ itself, both as {@code [2, n, n]} float32 (the paper's loss uses only the
 * marginals of ρ, docs/papers.md#training-data). Records are computed in parallel by the common {@link
 * DatasetGenerator}; the bytes do not depend on the number of threads.
 *
 * <pre>{@code
 * MarginalsDataset.Spec spec = MarginalsDataset.Spec.of(4, 3, 1000);   // ranks 10..16
 * ChunkBuffers data = MarginalsDataset.generate(spec, 42L);
 * float[] input = data.floatRecord("input", 0);   // [2, 16, 16] MIO output
 * Map<String, Object> recipe = MarginalsDataset.recipe(spec, 42L);      // for the manifest
 * }</pre>
 */
public final class MarginalsDataset {
    private MarginalsDataset() {
    }

    /**
     * What to generate.
     *
     * @param numQubits N, 2..{@value org.densitylab.quantum.Qubits#MAX_QUBITS}
     * @param k         marginal size, 1..N−1 (the paper trains with k = N−1)
     * @param rankMin   smallest target rank, ≥ 1
     * @param rankMax   largest target rank, ≤ 2^N
     * @param size      number of records, ≥ 0
     */
    public record Spec(int numQubits, int k, int rankMin, int rankMax, int size) {
        /**
         * Validates.
         *
         * @throws IllegalArgumentException naming the bad value
         */
        public Spec {
            Marginals.checkK(numQubits, k);
            if (numQubits > org.densitylab.quantum.Qubits.MAX_QUBITS) {
                throw new IllegalArgumentException("N must be at most " + org.densitylab.quantum.Qubits.MAX_QUBITS
                        + ", got " + numQubits);
            }
            int d = 1 << numQubits;
            if (rankMin < 1 || rankMax > d || rankMin > rankMax) {
                throw new IllegalArgumentException("rank range must satisfy 1 <= rankMin <= rankMax <= 2^N = " + d
                        + ", got " + rankMin + ".." + rankMax);
            }
            if (size < 0) {
                throw new IllegalArgumentException("dataset size must be >= 0, got " + size);
            }
        }

        /**
         * The default rank range \(\max(1, 2^N-6)\dots 2^N\): the ranks the paper evaluates on. The reference code
         * takes r_min on the command line and never records it (docs/papers.md#variants-of-paper-2), so this is a
         * documented guess.
         *
         * @param numQubits N
         * @param k         marginal size
         * @param size      number of records
         * @return the spec
         */
        public static Spec of(int numQubits, int k, int size) {
            int d = 1 << Math.min(Math.max(numQubits, 0), 30);
            return new Spec(numQubits, k, Math.max(1, d - 6), d, size);
        }

        /** @return n = 2^N, the matrix dimension */
        public int dim() {
            return 1 << numQubits;
        }

        /** @return floats per [2, n, n] tensor */
        public int tensorLength() {
            return 2 * dim() * dim();
        }
    }

    /**
     * The dataset's columns: {@code input} float32 [2, n, n] (the MIO output), {@code target} float32
     * [2, n, n] (ρ), {@code rank} int32 [1].
     *
     * @param spec the spec
     * @return the columns
     */
    public static List<ColumnSpec> columns(Spec spec) {
        int n = spec.dim();
        return List.of(ColumnSpec.of("input", DType.FLOAT32, 2, n, n), ColumnSpec.of("target", DType.FLOAT32, 2, n, n),
                ColumnSpec.of("rank", DType.INT32, 1));
    }

    /**
     * The record filler: record i from (seed, i) as described in the class comment.
     *
     * @param spec what to generate
     * @param seed the run's seed
     * @return a thread-safe filler
     */
    public static RecordFiller filler(Spec spec, long seed) {
        Mio.Plan plan = Mio.plan(spec.numQubits(), Marginals.subsets(spec.numQubits(), spec.k()));
        return (index, out, slot) -> {
            int rank = record(spec, plan, seed, index, out.floats("input"), out.floats("target"), out.offset("input", slot));
            out.ints("rank")[slot] = rank;
        };
    }

    /**
     * Generates a dataset in memory (tests, notebooks, small sets) with all cores.
     *
     * @param spec what to generate
     * @param seed the run's seed
     * @return the records, record i in slot i
     */
    public static ChunkBuffers generate(Spec spec, long seed) {
        return generate(spec, seed, Parallel.pool());
    }

    /**
     * Generates a dataset in memory on the given threads; the bytes do not depend on them.
     *
     * @param spec what to generate
     * @param seed the run's seed
     * @param pool the threads
     * @return the records, record i in slot i
     */
    public static ChunkBuffers generate(Spec spec, long seed, ForkJoinPool pool) {
        return DatasetGenerator.inMemory(columns(spec), spec.size(), filler(spec, seed), pool, task(spec));
    }

    /**
     * Generates a dataset on disk (resuming an interrupted run of the same spec and seed) with all cores.
     *
     * @param spec what to generate
     * @param seed the run's seed
     * @param dir  the dataset directory
     * @return the committed directory
     * @throws IOException if writing fails
     */
    public static Path write(Spec spec, long seed, Path dir) throws IOException {
        DatasetInfo info = DatasetInfo.of(task(spec), recipe(spec, seed), seed);
        return DatasetGenerator.write(dir, info, columns(spec), spec.size(), filler(spec, seed), Parallel.pool());
    }

    private static String task(Spec spec) {
        return "marginals-N" + spec.numQubits() + "k" + spec.k();
    }

    /** Computes record {@code index} into the buffers at {@code offset}; returns its rank. */
    private static int record(Spec spec, Mio.Plan plan, long seed, long index, float[] inputs, float[] targets,
            int offset) {
        SplittableRandom rng = Seeds.forIndex(seed, index);
        int n = spec.numQubits();
        int rank = spec.rankMin() + rng.nextInt(spec.rankMax() - spec.rankMin() + 1);
        DensityMatrix rho = RandomStates.rankR(n, rank, rng);
        DensityMatrix seedState = RandomStates.hilbertSchmidt(n, spec.dim(), rng);
        double[][] sigmas = new double[plan.size()][];
        for (int m = 0; m < sigmas.length; m++) {
            sigmas[m] = Mio.interleaved(rho.keep(plan.subset(m)));
        }
        double[] x = seedState.matrix().toInterleaved();
        plan.imposeInPlace(x, sigmas);
        int dd = spec.dim() * spec.dim();
        for (int q = 0; q < dd; q++) {
            inputs[offset + q] = (float) x[2 * q];
            inputs[offset + dd + q] = (float) x[2 * q + 1];
        }
        rho.toTwoChannel(targets, offset);
        return rank;
    }

    /**
     * The recipe of a dataset, for its manifest: paper, N, k, rank range and law, target and seed ensembles,
     * subset order, the per-record random streams, and the tensor layout.
     *
     * @param spec the spec
     * @param seed the run's seed
     * @return an ordered map of JSON-friendly values (strings, numbers, lists)
     */
    public static Map<String, Object> recipe(Spec spec, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "marginals-mio");
        m.put("paper", "Uzcategui-Contreras et al., arXiv:2410.11145 (MIO: Eq. 3)");
        m.put("N", spec.numQubits());
        m.put("k", spec.k());
        m.put("size", spec.size());
        m.put("rankMin", spec.rankMin());
        m.put("rankMax", spec.rankMax());
        m.put("rankLaw", "uniform integer on [rankMin, rankMax]; the reference code never recorded its rankMin,"
                + " default max(1, 2^N - 6) is the paper's evaluation range");
        m.put("target", "sum_i p_i |psi_i><psi_i|, p ~ Dirichlet(r,...,r), psi_i Haar (normalised complex Gaussian)");
        m.put("mioSeed", "Hilbert-Schmidt random full-rank state G G^dagger / tr, G Ginibre 2^N x 2^N");
        m.put("mio", "one pass X <- X + (sigma_J - tr_{J^c} X) (x) I/2^(N-k) over all k-subsets");
        m.put("subsetOrder", "lexicographic (itertools.combinations(range(N), k))");
        m.put("subsets", Marginals.subsets(spec.numQubits(), spec.k()).stream()
                .map(s -> IntStream.of(s).boxed().toList()).toList());
        m.put("seed", seed);
        m.put("seedStrategy", "record i uses SplittableRandom Seeds.forIndex(seed, i); draws in order: rank"
                + " (nextInt), target (RandomStates.rankR), MIO seed (RandomStates.hilbertSchmidt)");
        m.put("qubitOrder", "big-endian (qubit 0 = most significant bit); marginal factors in ascending qubit order");
        m.put("columns", List.of(
                Map.of("name", "input", "dtype", "float32", "shape", List.of(2, spec.dim(), spec.dim()),
                        "meaning", "MIO output (real, imaginary), Hermitian, trace 1, not PSD in general"),
                Map.of("name", "target", "dtype", "float32", "shape", List.of(2, spec.dim(), spec.dim()),
                        "meaning", "target state rho (real, imaginary); the loss uses only its marginals"),
                Map.of("name", "rank", "dtype", "int32", "shape", List.of(), "meaning", "rank r of rho")));
        return m;
    }
}
