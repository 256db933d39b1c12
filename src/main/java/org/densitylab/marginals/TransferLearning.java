package org.densitylab.marginals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.densitylab.data.io.Dataset;
import org.densitylab.util.Seeds;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Transfer learning N−1 → N for the CDAE (docs/papers.md#transfer-learning): the network is fully convolutional, so the
 * N−1 model's weights load unchanged into the N model ({@link Cdae#forQubits}); the stage for N starts from the
 * previous stage's best checkpoint (its last weights if no validation passed the success threshold), freezes the
 * given layers (the reference code: the encoder E0, E3, E6; the paper: only the last decoder layer for 3 → 4) and
 * trains the rest with the model1 loss for k = N−1 (paper Eq. 6). The first stage trains from seeded weights.
 *
 * <p>Each stage runs in {@code dir/N{N}k{N-1}} through {@link CdaeTrainer}, so a rerun resumes every stage from its
 * {@code last.ckpt}. Training data are generated deterministically (seed derived from (seed, N)) in memory, or on
 * disk under {@code dir/data/N{N}k{N-1}} when they would exceed {@link #IN_MEMORY_BYTES}.
 */
public final class TransferLearning {
    /** Largest training set kept in memory (input + target float32); larger ones are written to disk. */
    public static final long IN_MEMORY_BYTES = 1L << 30;

    private TransferLearning() {
    }

    /**
     * One stage.
     *
     * @param numQubits N (k = N−1)
     * @param trainSize training records (a multiple of the batch size, as the reference code needs)
     * @param epochs    total epochs
     * @param batchSize batch size (the reference: 100; smaller at N = 8 to fit a 24 GB GPU, docs/gpu.md)
     */
    public record Stage(int numQubits, int trainSize, int epochs, int batchSize) {
    }

    /**
     * The chain.
     *
     * @param scale             S
     * @param learningRate      Adam's initial rate
     * @param validationSamples fresh full-rank samples per validation
     * @param frozen            layers frozen from the second stage on (e.g. {@link Cdae#ENCODER})
     * @param stages            the stages, N ascending by one
     * @param seed              seed of data, weights, shuffles
     */
    public record Plan(int scale, double learningRate, int validationSamples, List<String> frozen,
            List<Stage> stages, long seed) {
        /**
         * Validates.
         *
         * @throws IllegalArgumentException if the stages are not consecutive N
         */
        public Plan {
            stages = List.copyOf(stages);
            frozen = List.copyOf(frozen);
            for (int i = 1; i < stages.size(); i++) {
                if (stages.get(i).numQubits() != stages.get(i - 1).numQubits() + 1) {
                    throw new IllegalArgumentException("stages must go N-1 -> N, got " + stages);
                }
            }
        }

        /**
         * The CI configuration: S = 1, N = 3 → 4 → 5, a few hundred records, one or two epochs, lr 1e-3.
         *
         * @param seed the seed
         * @return the plan
         */
        public static Plan quick(long seed) {
            return new Plan(1, 1e-3, 20, Cdae.ENCODER, List.of(new Stage(3, 400, 2, 20), new Stage(4, 200, 1, 20),
                    new Stage(5, 100, 1, 20)), seed);
        }

        /**
         * The paper-scale chain N = 3 → … → 8 (S = 10, batch 100 — 25 at N = 8 —, Adam 1e-4, encoder frozen). The
         * reference code recorded neither the sizes for N ≥ 5 nor the epochs per N
         * (docs/papers.md#variants-of-paper-2); these sizes shrink
         * with N so each stage costs roughly the same (records × 4^N), and are meant for a GPU (docs/gpu.md).
         *
         * @param seed the seed
         * @return the plan
         */
        public static Plan full(long seed) {
            return new Plan(Cdae.PAPER_SCALE, 1e-4, 100, Cdae.ENCODER, List.of(new Stage(3, 1_000_000, 100, 100),
                    new Stage(4, 200_000, 100, 100), new Stage(5, 100_000, 100, 100), new Stage(6, 50_000, 50, 100),
                    new Stage(7, 20_000, 30, 100), new Stage(8, 10_000, 20, 25)), seed);
        }
    }

    /**
     * Runs (or resumes) the chain.
     *
     * @param plan the plan
     * @param dir  the run folder
     * @return the trainers by N, in order
     * @throws UncheckedIOException if data or checkpoints cannot be written
     */
    public static Map<Integer, CdaeTrainer> run(Plan plan, Path dir) {
        Map<Integer, CdaeTrainer> out = new LinkedHashMap<>();
        Cdae previous = null;
        for (Stage s : plan.stages()) {
            int n = s.numQubits();
            CdaeTrainer.Config cfg = CdaeTrainer.Config.paper(n, CdaeLoss.Spec.model1(n - 1), plan.seed())
                    .withScale(plan.scale()).withBatchSize(s.batchSize()).withLearningRate(plan.learningRate())
                    .withValidationSamples(plan.validationSamples());
            if (previous != null) {
                cfg = cfg.withFrozenLayers(plan.frozen());
            }
            Path stageDir = dir.resolve(label(n));
            CdaeTrainer t = CdaeTrainer.open(cfg, stageDir, previous == null ? null : previous.forQubits(n));
            t.train(data(s, plan.seed(), dir.resolve("data").resolve(label(n))), s.epochs());
            out.put(n, t);
            previous = best(t, stageDir);
        }
        return out;
    }

    /**
     * The stage's best network ({@code best.ckpt}) or, if there is none, its current one.
     *
     * @param trainer  the stage's trainer
     * @param stageDir its folder
     * @return the network
     */
    public static Cdae best(CdaeTrainer trainer, Path stageDir) {
        Path best = stageDir.resolve("best.ckpt");
        try {
            return Files.exists(best) ? Checkpoint.read(best).network(trainer.network().numQubits()) : trainer.network();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + best, e);
        }
    }

    /**
     * The training histories of all stages in one table.
     *
     * @param trainers trainers by N
     * @return columns N, epoch, loss, polar, marginal, lr, valFidelity, valSuccess, seconds
     */
    public static Table history(Map<Integer, CdaeTrainer> trainers) {
        return CdaeTrainer.history("transfer learning history", "N", trainers);
    }

    /**
     * @param numQubits N
     * @return the stage's folder name, "N{N}k{N-1}"
     */
    public static String label(int numQubits) {
        return "N" + numQubits + "k" + (numQubits - 1);
    }

    private static TrainingData data(Stage s, long seed, Path diskDir) {
        MarginalsDataset.Spec spec = MarginalsDataset.Spec.of(s.numQubits(), s.numQubits() - 1, s.trainSize());
        long dataSeed = Seeds.derive(seed, s.numQubits());
        if ((long) s.trainSize() * 2 * spec.tensorLength() * Float.BYTES <= IN_MEMORY_BYTES) {
            return TrainingData.of(MarginalsDataset.generate(spec, dataSeed), s.trainSize());
        }
        try {
            Path committed = Files.exists(diskDir.resolve("manifest.json")) ? diskDir
                    : MarginalsDataset.write(spec, dataSeed, diskDir);
            return TrainingData.of(Dataset.open(committed));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the training set " + diskDir, e);
        }
    }

    /**
     * A stage's network from a finished (or interrupted) run: {@code best.ckpt}, else {@code last.ckpt}.
     *
     * @param dir       the run folder given to {@link #run}
     * @param numQubits N of the stage
     * @return the network
     * @throws IllegalArgumentException if the stage has no checkpoint
     * @throws UncheckedIOException     if a checkpoint cannot be read
     */
    public static Cdae load(Path dir, int numQubits) {
        Path stage = dir.resolve(label(numQubits));
        for (String name : List.of("best.ckpt", "last.ckpt")) {
            Path f = stage.resolve(name);
            if (Files.exists(f)) {
                try {
                    return Checkpoint.read(f).network(numQubits);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f, e);
                }
            }
        }
        throw new IllegalArgumentException("no checkpoint in " + stage + " (run the transfer-learning chain first)");
    }
}
