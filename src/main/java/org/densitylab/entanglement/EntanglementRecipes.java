package org.densitylab.entanglement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.densitylab.entanglement.MixedStates.Mode;
import org.densitylab.entanglement.MixedStates.Source;
import org.densitylab.entanglement.PureStates.Method;
import org.densitylab.entanglement.Recipe.Group;

/**
 * The entanglement paper's datasets as recipes (paper 1 Table I), with a scale factor applied to
 * every count (at least one state per group), so that a notebook can build a 1 % version in seconds.
 *
 * <p>Names for {@link #byName}: {@code train-verified}, {@code train-negativity}, {@code val-bisep},
 * {@code val-2xd}, {@code test-pure}, {@code test-mixed}, {@code test-horodecki}, {@code test-upb},
 * {@code test-acin}.
 */
public final class EntanglementRecipes {
    /** The recipe names understood by {@link #byName}. */
    public static final List<String> NAMES = List.of("train-verified", "train-negativity", "val-bisep", "val-2xd",
            "test-pure", "test-mixed", "test-horodecki", "test-upb", "test-acin", "train-separable", "val-separable");

    private EntanglementRecipes() {
    }

    /**
     * A recipe by name.
     *
     * @param name    one of {@link #NAMES}
     * @param n       qubits (3 for the PPTES tests)
     * @param variant paper or reference code
     * @param scale   count factor, positive
     * @return the recipe
     * @throws IllegalArgumentException for an unknown name or a bad scale
     */
    public static Recipe byName(String name, int n, Variant variant, double scale) {
        return switch (name) {
            case "train-verified" -> training(n, true, variant, scale);
            case "train-negativity" -> training(n, false, variant, scale);
            case "val-bisep" -> validation(n, variant, scale);
            case "val-2xd" -> pptes("val-2xd", Pptes.Family.HORODECKI_2XD, n, variant, scale);
            case "test-pure" -> pureTest(n, variant, scale);
            case "test-mixed" -> mixedTest(n, variant, scale);
            case "test-horodecki" -> pptes(name, Pptes.Family.HORODECKI, n, variant, scale);
            case "test-upb" -> pptes(name, Pptes.Family.UPB, n, variant, scale);
            case "test-acin" -> pptes(name, Pptes.Family.ACIN, n, variant, scale);
            case "train-separable" -> separable(name, n, variant, scale);
            case "val-separable" -> separable(name, n, variant, scale * 33_200.0 / 530_000);
            default -> throw new IllegalArgumentException("unknown recipe '" + name + "'; known: " + NAMES);
        };
    }

    /** Collects groups with scaled counts. */
    private static final class Builder {
        private final List<Group> groups = new ArrayList<>();
        private final double scale;

        Builder(double scale) {
            if (!(scale > 0) || scale > 100) {
                throw new IllegalArgumentException("scale must be in (0, 100], got " + scale);
            }
            this.scale = scale;
        }

        Builder add(String name, long paperCount, Acceptance acceptance, Function<RandomGenerator, Sample> source) {
            groups.add(new Group(name, Math.max(1, Math.round(paperCount * scale)), acceptance, source));
            return this;
        }

        List<Group> build() {
            return List.copyOf(groups);
        }
    }

    private static Function<RandomGenerator, Sample> pure(Method m, int n, Variant v) {
        return r -> {
            org.densitylab.quantum.DensityMatrix rho = PureStates.generate(m, n, v, r).toDensityMatrix();
            return m == Method.SEPARABLE_CIRCUIT ? Sample.separable(rho) : Sample.of(rho);
        };
    }

    private static Function<RandomGenerator, Sample> mixture(int n, Variant v, Method... methods) {
        boolean separable = methods.length == 1 && methods[0] == Method.SEPARABLE_CIRCUIT;
        return r -> {
            org.densitylab.quantum.DensityMatrix rho = MixedStates.mixture(n, List.of(methods), v, r);
            return separable ? Sample.separable(rho) : Sample.of(rho);
        };
    }

    /**
     * A Table I training set (paper 1 Table I): 560,000 states at scale 1; the verified strategy applies the 'none'
     * filter to the groups the reference code filters and appends the max-rank states (20,000 in the paper, 10,000 in
     * the reference code).
     *
     * @param n        qubits
     * @param verified the "verified" strategy (else "negativity labeled")
     * @param variant  paper or reference code
     * @param scale    count factor
     * @return the recipe
     */
    public static Recipe training(int n, boolean verified, Variant variant, double scale) {
        Builder b = trainingGroups(n, verified ? Acceptance.of(Labels.Filter.NONE) : Acceptance.ALL, variant, scale);
        if (verified) {
            b.add("max_rank", variant == Variant.PAPER ? 20_000 : 10_000, Acceptance.ONE_NEAR_ZERO_PER_CUT,
                    r -> ReducedStates.maxRankCandidate(n, ReducedStates.GLOBAL_QUBITS, r));
        }
        return new Recipe(verified ? "train-verified" : "train-negativity", n, variant, scale, b.build());
    }

    /**
     * The validation set val_bisep_no_pptes (docs/papers.md#datasets-table-i): the verified builder at one tenth,
     * without max-rank states (56,000 at scale 1).
     *
     * @param n       qubits
     * @param variant paper or reference code
     * @param scale   count factor
     * @return the recipe
     */
    public static Recipe validation(int n, Variant variant, double scale) {
        return new Recipe("val-bisep", n, variant, scale,
                trainingGroups(n, Acceptance.of(Labels.Filter.NONE), variant, scale * 0.1).build());
    }

    private static Builder trainingGroups(int n, Acceptance yes, Variant v, double scale) {
        Acceptance all = Acceptance.ALL;
        int q = ReducedStates.GLOBAL_QUBITS;
        Builder b = new Builder(scale)
                .add("pure_separable_circuit", 20_000, all, pure(Method.SEPARABLE_CIRCUIT, n, v))
                .add("pure_w", 10_000, all, pure(Method.W, n, v))
                .add("pure_ghz", 10_000, all, pure(Method.GHZ, n, v))
                .add("pure_random_circuit", 20_000, all, pure(Method.RANDOM_CIRCUIT, n, v))
                .add("pure_haar", 20_000, all, pure(Method.HAAR, n, v))
                .add("pure_product_haar", 20_000, all, r -> MixedStates.kronSeparable(n, Mode.OUTER, Source.HAAR, true, v, r))
                .add("pure_biseparable_haar", 20_000, yes, r -> MixedStates.biseparable(n, Mode.OUTER, Source.HAAR, true, v, r))
                .add("mixed_separable_and_random_circuit", 40_000, yes, mixture(n, v, Method.SEPARABLE_CIRCUIT, Method.RANDOM_CIRCUIT))
                .add("mixed_separable_circuit", 20_000, all, mixture(n, v, Method.SEPARABLE_CIRCUIT))
                .add("mixed_random_circuit", 30_000, yes, mixture(n, v, Method.RANDOM_CIRCUIT))
                .add("mixed_haar", 30_000, yes, mixture(n, v, Method.HAAR));
        for (Source s : Source.values()) {
            for (Mode m : Mode.values()) {
                b.add("kron_separable_" + lower(s) + "_" + lower(m), 20_000, all, r -> MixedStates.kronSeparable(n, m, s, false, v, r));
            }
        }
        for (Source s : Source.values()) {
            for (Mode m : Mode.values()) {
                b.add("biseparable_" + lower(s) + "_" + lower(m), 20_000, yes, r -> MixedStates.biseparable(n, m, s, false, v, r));
            }
        }
        return b.add("reduced_random_entanglement", 40_000, yes,
                        r -> ReducedStates.circuit(ReducedStates.Family.RANDOM_ENTANGLEMENT, n, q, false, r))
                .add("reduced_w", 5_000, all, r -> ReducedStates.circuit(ReducedStates.Family.W, n, q, false, r))
                .add("reduced_ghz", 5_000, all, r -> ReducedStates.circuit(ReducedStates.Family.GHZ, n, q, false, r))
                .add("reduced_haar", 10_000, all, r -> ReducedStates.haar(n, n + 3, r))
                .add("reduced_separable", 20_000, all, r -> ReducedStates.separable(n, q, r));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The pure test set (docs/papers.md#datasets-table-i): 30,000 states labelled by negativity.
     *
     * @param n       qubits
     * @param variant paper or reference code
     * @param scale   count factor
     * @return the recipe
     */
    public static Recipe pureTest(int n, Variant variant, double scale) {
        Acceptance all = Acceptance.ALL;
        return new Recipe("test-pure", n, variant, scale, new Builder(scale)
                .add("separable_circuit", 5_000, all, pure(Method.SEPARABLE_CIRCUIT, n, variant))
                .add("random_circuit", 5_000, all, pure(Method.RANDOM_CIRCUIT, n, variant))
                .add("haar", 10_000, all, pure(Method.HAAR, n, variant))
                .add("product_circuit", 5_000, all, r -> MixedStates.kronSeparable(n, Mode.OUTER, Source.CIRCUIT, true, variant, r))
                .add("product_haar", 5_000, all, r -> MixedStates.kronSeparable(n, Mode.OUTER, Source.HAAR, true, variant, r))
                .build());
    }

    /**
     * The mixed test set (docs/papers.md#datasets-table-i, no permutation). Paper: 40,000 = 20,000 separable (the
     * reference code's separable groups) + 20,000 NPT states whose PPT cuts are proven separable by the zero-discord
     * test, 4,000 from each entangled family except the unverified carrier-correlated one. Reference code: its 50,000
     * states, carrier-correlated included.
     *
     * @param n       qubits
     * @param variant paper or reference code
     * @param scale   count factor
     * @return the recipe
     */
    public static Recipe mixedTest(int n, Variant variant, double scale) {
        Acceptance all = Acceptance.ALL;
        boolean paper = variant == Variant.PAPER;
        Acceptance entangled = paper ? Acceptance.NPT_VERIFIED : Acceptance.of(Labels.Filter.ZERO_DISCORD);
        long ent = paper ? 4_000 : 5_000;
        int q = ReducedStates.GLOBAL_QUBITS;
        Builder b = new Builder(scale)
                .add("kron_separable_circuit_outer", 2_500, all, r -> MixedStates.kronSeparable(n, Mode.OUTER, Source.CIRCUIT, false, variant, r))
                .add("kron_separable_circuit_inner", 2_500, all, r -> MixedStates.kronSeparable(n, Mode.INNER, Source.CIRCUIT, false, variant, r))
                .add("kron_separable_haar_outer", 2_500, all, r -> MixedStates.kronSeparable(n, Mode.OUTER, Source.HAAR, false, variant, r))
                .add("kron_separable_haar_inner", 2_500, all, r -> MixedStates.kronSeparable(n, Mode.INNER, Source.HAAR, false, variant, r))
                .add("mixed_separable_circuit", 5_000, all, mixture(n, variant, Method.SEPARABLE_CIRCUIT))
                .add("reduced_separable", 5_000, all, r -> ReducedStates.separable(n, q, r))
                .add("mixed_random_circuit", ent, entangled, mixture(n, variant, Method.RANDOM_CIRCUIT))
                .add("mixed_haar", ent, entangled, mixture(n, variant, Method.HAAR))
                .add("reduced_random_entanglement", ent, entangled,
                        r -> ReducedStates.circuit(ReducedStates.Family.RANDOM_ENTANGLEMENT, n, q, false, r))
                .add("reduced_haar", ent, entangled, r -> ReducedStates.haar(n, q, r));
        if (!paper) {
            b.add("carrier_correlated", 5_000, all, r -> ReducedStates.carrierCorrelated(n, q, r));
        }
        b.add("direct_correlated", ent, entangled, r -> ReducedStates.directCorrelated(n, q, r));
        return new Recipe("test-mixed", n, variant, scale, b.build());
    }

    /**
     * The separable states the separability measure M is trained on (docs/papers.md#separability-measure-m, the discord
     * paper's {@code train_separable}): 530,000 at scale 1 — pure products (separable circuits, products of circuit and
     * of Haar one-qubit states, parametrised products), 'inner' product mixtures, reduced separable products, mixtures
     * of orthogonal product pairs and mixtures of pure products.
     *
     * @param name    the set's name
     * @param n       qubits
     * @param variant mixture-size rule
     * @param scale   count factor
     * @return the recipe
     */
    public static Recipe separable(String name, int n, Variant variant, double scale) {
        Acceptance all = Acceptance.ALL;
        return new Recipe(name, n, variant, scale, new Builder(scale)
                .add("separable_circuit", 40_000, all, pure(Method.SEPARABLE_CIRCUIT, n, variant))
                .add("product_circuit", 40_000, all, r -> MixedStates.kronSeparable(n, Mode.OUTER, Source.CIRCUIT, true, variant, r))
                .add("product_haar", 80_000, all, r -> MixedStates.kronSeparable(n, Mode.OUTER, Source.HAAR, true, variant, r))
                .add("parametrised_product", 30_000, all, r -> SeparableStates.parametrisedProduct(n, r))
                .add("inner_circuit", 40_000, all, r -> MixedStates.kronSeparable(n, Mode.INNER, Source.CIRCUIT, false, variant, r))
                .add("inner_haar", 40_000, all, r -> MixedStates.kronSeparable(n, Mode.INNER, Source.HAAR, false, variant, r))
                .add("reduced_separable", 40_000, all, r -> ReducedStates.separable(n, ReducedStates.GLOBAL_QUBITS, r))
                .add("orthogonal_pairs", 100_000, all, r -> SeparableStates.orthogonalPairMixture(n, r))
                .add("mixed_separable_circuit", 60_000, all, mixture(n, variant, Method.SEPARABLE_CIRCUIT))
                .add("outer_circuit", 30_000, all, r -> MixedStates.kronSeparable(n, Mode.OUTER, Source.CIRCUIT, false, variant, r))
                .add("outer_haar", 30_000, all, r -> MixedStates.kronSeparable(n, Mode.OUTER, Source.HAAR, false, variant, r))
                .build());
    }

    /**
     * A PPTES set (docs/papers.md#ppt-entangled-test-families): 10,000 LU-randomised and permuted states of one family,
     * all labelled entangled.
     *
     * @param name    the set's name
     * @param family  the family
     * @param n       qubits
     * @param variant permutation rule
     * @param scale   count factor
     * @return the recipe
     * @throws IllegalArgumentException if the family has no states of n qubits (all but HORODECKI_2XD are 3-qubit)
     */
    public static Recipe pptes(String name, Pptes.Family family, int n, Variant variant, double scale) {
        if (family != Pptes.Family.HORODECKI_2XD && n != 3) {
            throw new IllegalArgumentException("recipe " + name + " holds 3-qubit states only, not " + n + "-qubit ones;"
                    + " give --qubits 3");
        }
        return new Recipe(name, n, variant, scale, new Builder(scale)
                .add(lower(family), 10_000, Acceptance.ALL, r -> Pptes.sample(family, n, variant, r)).build());
    }
}
