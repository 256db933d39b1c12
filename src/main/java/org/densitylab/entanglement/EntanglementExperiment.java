package org.densitylab.entanglement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.densitylab.util.ReferenceData;
import org.densitylab.run.Provenance;
import org.densitylab.run.RunFolder;
import org.densitylab.util.AtomicFiles;
import org.knowm.xchart.CategoryChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reproduces the entanglement paper's Tables II and III: generates the datasets (or reuses them), trains the CNN and
 * the Siamese network, and evaluates them with the analytic baselines on the pure, mixed, Horodecki, UPB and Acín test
 * sets, beside the paper's numbers. Everything is written under the data directory (one dataset per set and scale) and
 * the output directory ({@code checkpoints/}, {@code results.csv}, {@code table.html}, {@code accuracy.png}, {@code
 * settings.txt}, {@code consistency.csv}: each network's and the PPT criterion's {@link Consistency} on {@value
 * #CONSISTENCY_STATES} mixed test states drawn at random (seeded), states); a rerun reuses finished datasets and
 * resumes training.
 */
public final class EntanglementExperiment {
    /** The test sets, in the paper's column order. */
    public static final List<String> TESTS = List.of("test-pure", "test-mixed", "test-horodecki", "test-upb", "test-acin");
    /** Column titles of the tables. */
    public static final List<String> COLUMNS = List.of("Pure", "Mixed", "Horodecki", "UPB", "Acín");

    /** Paper Table II (trained on the verified set): CNN, Siamese CNN, Ensemble; columns as {@link #COLUMNS}. */
    public static final Map<String, double[]> TABLE_II = paperTable("II");
    /** Paper Table III (trained on the negativity-labeled set). */
    public static final Map<String, double[]> TABLE_III = paperTable("III");

    /** One table of {@code org/densitylab/reference/entanglement-accuracy.csv}: model → accuracy per {@link #COLUMNS}. */
    private static Map<String, double[]> paperTable(String table) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (ReferenceData.Row r : ReferenceData.load("entanglement-accuracy.csv").where("table", table)) {
            rows.put(r.text("model"), COLUMNS.stream().mapToDouble(c -> r.number(c)).toArray());
        }
        return Map.copyOf(rows);
    }

    /** Mixed test states (a seeded random sample across its construction groups) on which {@code consistency.csv}
     * measures each network ({@link Consistency}). */
    public static final int CONSISTENCY_STATES = 5000;

    private EntanglementExperiment() {
    }

    /**
     * What to run.
     *
     * @param verified     the verified training set (Table II) or the negativity-labeled one (Table III)
     * @param trainScale   scale of the training and validation sets (1 = the paper's 560,000 + 56,000)
     * @param testScale    scale of the test sets
     * @param options      training options (epochs, batch, λ schedule, seed)
     * @param kinds        which networks
     * @param variant      paper or reference-code dataset choices
     * @param data         directory of the datasets (generated there when missing; shared between runs)
     * @param out          output directory (checkpoints, results)
     * @param config       the architecture (the paper's: {@code CnnConfig.paper(3)})
     * @param ensemble     also train and evaluate the ensemble (docs/papers.md#ensemble) with this schedule, or null
     */
    public record Settings(boolean verified, double trainScale, double testScale, TrainingOptions options,
            List<EntanglementNet.Kind> kinds, Variant variant, Path data, Path out, CnnConfig config, EnsembleSchedule ensemble) {
        /**
         * Settings without the ensemble.
         *
         * @param verified   verified (Table II) or negativity-labeled (Table III) training set
         * @param trainScale scale of the training and validation sets
         * @param testScale  scale of the test sets
         * @param options    training options
         * @param kinds      which networks
         * @param variant    dataset variant
         * @param data       dataset directory
         * @param out        output directory
         * @param config     the architecture
         */
        public Settings(boolean verified, double trainScale, double testScale, TrainingOptions options,
                List<EntanglementNet.Kind> kinds, Variant variant, Path data, Path out, CnnConfig config) {
            this(verified, trainScale, testScale, options, kinds, variant, data, out, config, null);
        }
    }

    /**
     * How the ensemble (docs/papers.md#ensemble) is trained.
     *
     * @param separatorEpochs epochs of the separability measure M on the separable training set (reference: 20)
     * @param members         training options of every member (paper: the Siamese schedule)
     * @param warmStart       start every member from the trained Siamese network ({@code checkpoints/siamese}) and
     *                        fine-tune it on its domain (a CPU schedule), instead of from a fresh initialisation (the paper)
     */
    public record EnsembleSchedule(int separatorEpochs, TrainingOptions members, boolean warmStart) {
    }

    /**
     * Runs the experiment.
     *
     * @param s the settings
     * @return a long-format table: model, test set, accuracy, accuracy against the true status, the paper's
     *         value and the difference
     * @throws IOException if a file cannot be written
     */
    public static Table run(Settings s) throws IOException {
        return run(s, null);
    }

    /**
     * Runs the experiment in its output folder, a {@link RunFolder}: locked against a second writer, refused (before
     * any dataset is generated) if it holds a run with other settings, naming each, and logging {@code command}.
     *
     * @param s       the settings
     * @param command the invocation to log in {@code command.txt}, or null
     * @return the table of {@link #run(Settings)}
     * @throws IOException if a file cannot be written
     */
    public static Table run(Settings s, String command) throws IOException {
        try (RunFolder folder = RunFolder.open(s.out(), provenance(s), command)) {
            return runInFolder(s);
        }
    }

    /**
     * Every setting that decides the results: labels, scales, variant, seed, networks, architecture, options and
     * the ensemble's schedule (the datasets' checksums are recorded by each trainer). More epochs, a later λ switch,
     * more batches per epoch and another learning rate are extensions.
     *
     * @param s the settings
     * @return the record
     */
    public static Provenance provenance(Settings s) {
        TrainingOptions o = s.options();
        Provenance.Builder p = Provenance.builder().fixed("labels", s.verified() ? "verified" : "negativity")
                .fixed("train-scale", s.trainScale()).fixed("test-scale", s.testScale()).fixed("variant", s.variant())
                .fixed("seed", o.seed()).fixed("kinds", s.kinds()).fixed("architecture", s.config())
                .fixed("batch-size", o.batchSize()).fixed("lambda", o.lambda())
                .growing("epochs", o.epochs()).growing("lambda-from-epoch", o.lambdaFromEpoch())
                .growing("batches-per-epoch", o.maxBatchesPerEpoch() == 0 ? Integer.MAX_VALUE : o.maxBatchesPerEpoch())
                .free("learning-rate", o.learningRate()).free("data", s.data().toAbsolutePath().normalize());
        EnsembleSchedule e = s.ensemble();
        p.fixed("ensemble", e == null ? "none" : (e.warmStart() ? "warm" : "fresh"));
        if (e != null) {
            p.growing("separator-epochs", e.separatorEpochs()).growing("member-epochs", e.members().epochs())
                    .growing("member-lambda-from-epoch", e.members().lambdaFromEpoch())
                    .growing("member-batches", e.members().maxBatchesPerEpoch() == 0 ? Integer.MAX_VALUE
                            : e.members().maxBatchesPerEpoch());
        }
        return p.build();
    }

    private static Table runInFolder(Settings s) throws IOException {
        Table result = runModels(s);
        Map<String, LabelledStates> tests = tests(s);
        int t = 0;
        for (LabelledStates test : tests.values()) {
            add(result, "PPT criterion", COLUMNS.get(t), Evaluation.pptBaseline(test), Double.NaN);
            add(result, "realignment criterion", COLUMNS.get(t), Evaluation.realignmentBaseline(test), Double.NaN);
            t++;
        }
        write(result, s);
        return result;
    }

    private static Map<String, LabelledStates> tests(Settings s) throws IOException {
        long seed = s.options().seed();
        Map<String, LabelledStates> tests = new LinkedHashMap<>();
        for (int t = 0; t < TESTS.size(); t++) {
            tests.put(TESTS.get(t), dataset(s, TESTS.get(t), s.testScale(), seed + 10 + t));
        }
        return tests;
    }

    /** Trains and evaluates the networks of the settings, without baselines or files. */
    private static Table runModels(Settings s) throws IOException {
        Files.createDirectories(s.out());
        long seed = s.options().seed();
        String trainName = s.verified() ? "train-verified" : "train-negativity";
        LabelledStates train = dataset(s, trainName, s.trainScale(), seed);
        List<LabelledStates> val = List.of(dataset(s, "val-bisep", s.trainScale(), seed + 1),
                dataset(s, "val-2xd", s.trainScale(), seed + 2));
        Map<String, LabelledStates> tests = tests(s);
        Map<String, double[]> paper = s.verified() ? TABLE_II : TABLE_III;
        Table result = Table.create("entanglement " + (s.verified() ? "verified (Table II)" : "negativity labeled (Table III)"),
                StringColumn.create("model"), StringColumn.create("test set"), DoubleColumn.create("accuracy"),
                DoubleColumn.create("vs truth"), DoubleColumn.create("paper"), DoubleColumn.create("difference"));
        LabelledStates mixed = tests.get("test-mixed");
        int[] sample = new java.util.SplittableRandom(seed + 31).ints(0, mixed.size()).distinct()
                .limit(Math.min(CONSISTENCY_STATES, mixed.size())).sorted().toArray();
        LabelledStates probe = mixed.subset(sample);
        Map<String, Consistency> consistency = new LinkedHashMap<>();
        for (EntanglementNet.Kind kind : s.kinds()) {
            Trainer.Result r = Trainer.train(s.config(), kind, train, val, s.options(), checkpoints(s, kind), null,
                    datasets(s, trainName, seed, List.of("val-bisep", "val-2xd"), List.of(seed + 1, seed + 2)));
            String name = kind == EntanglementNet.Kind.CNN ? "CNN" : "Siamese CNN";
            int t = 0;
            for (Map.Entry<String, LabelledStates> e : tests.entrySet()) {
                add(result, name, COLUMNS.get(t), Evaluation.of(r.best(), e.getValue()), paper.get(name)[t]);
                t++;
            }
            consistency.put(name, Consistency.of(x -> Evaluation.predict(r.best(), x), probe, false, new java.util.SplittableRandom(seed + 30)));
        }
        if (!consistency.isEmpty()) {
            consistency.put("PPT criterion", Consistency.of(Evaluation::pptPredictions, probe, false, new java.util.SplittableRandom(seed + 30)));
            Table c = Consistency.table(consistency);
            AtomicFiles.write(s.out().resolve("consistency.csv"), os -> c.write().csv(os));
        }
        if (s.ensemble() != null) {
            Map<String, float[]> predictions = ensemble(s, train, val, tests);
            int t = 0;
            for (Map.Entry<String, LabelledStates> test : tests.entrySet()) {
                add(result, "Ensemble", COLUMNS.get(t), Evaluation.of(predictions.get(test.getKey()), test.getValue()),
                        paper.get("Ensemble")[t]);
                t++;
            }
        }
        return result;
    }

    private static Path checkpoints(Settings s, EntanglementNet.Kind kind) {
        return s.out().resolve("checkpoints").resolve(kind.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Trains (or resumes) M on the separable set and the ensemble's members, and writes M's distribution per
     * test family (paper Fig. 3, {@code separator.png}) and the routing of every test set
     * ({@code routing.csv}: states per member); M is computed once per test set.
     *
     * @return the ensemble's probabilities per test set
     */
    private static Map<String, float[]> ensemble(Settings s, LabelledStates train, List<LabelledStates> val, Map<String, LabelledStates> tests)
            throws IOException {
        long seed = s.options().seed();
        EnsembleSchedule e = s.ensemble();
        Separator separator = Separator.create(1e-3, seed);
        separator.train(dataset(s, "train-separable", s.trainScale(), seed + 20), dataset(s, "val-separable", s.trainScale(), seed + 21),
                e.separatorEpochs(), 128, seed, s.out().resolve("checkpoints").resolve("separator"));
        EntanglementNet initial = e.warmStart()
                ? Trainer.load(checkpoints(s, EntanglementNet.Kind.SIAMESE).resolve(org.densitylab.run.Checkpoints.BEST), s.config(),
                        EntanglementNet.Kind.SIAMESE)
                : null;
        // the members depend on M (their domains) and, warm-started, on the Siamese network: their folder is named after
        // both, so a rerun that trained either further (more epochs) trains new members instead of resuming stale ones
        List<org.nd4j.linalg.api.ndarray.INDArray> upstream = new ArrayList<>(separator.parameters().values());
        if (initial != null) {
            upstream.addAll(org.densitylab.nn.Graphs.parameters(initial.graph()).values());
        }
        String key = LabelledStates.crc(upstream).replace("crc32c ", "");
        Ensemble ensemble = Ensemble.train(separator, train, val, e.members(), s.out().resolve("checkpoints").resolve("ensemble-" + key),
                initial);
        Table routing = Table.create("states per ensemble member", StringColumn.create("test set"));
        for (int i = 0; i < Ensemble.MEMBERS; i++) {
            routing.addColumns(tech.tablesaw.api.IntColumn.create("member " + i));
        }
        Map<String, float[]> m = new LinkedHashMap<>();
        Map<String, float[]> predictions = new LinkedHashMap<>();
        for (Map.Entry<String, LabelledStates> t : tests.entrySet()) {
            m.put(t.getKey(), separator.measureAll(t.getValue()));
            predictions.put(t.getKey(), ensemble.predict(t.getValue(), m.get(t.getKey())));
            routing.stringColumn(0).append(t.getKey());
            int[] n = Ensemble.routed(m.get(t.getKey()));
            for (int i = 0; i < n.length; i++) {
                routing.intColumn(i + 1).append(n[i]);
            }
        }
        AtomicFiles.write(s.out().resolve("routing.csv"), os -> routing.write().csv(os));
        org.densitylab.plot.HouseStyle.savePng(Separator.boxPlot(m), s.out().resolve("separator.png"));
        return predictions;
    }

    /**
     * The architecture ablation of paper Fig. A1: the CNN with 2 or 3 convolutions of several kernel sizes,
     * each trained and evaluated as in {@link #run} (baselines omitted); mean accuracy over the five test sets.
     *
     * @param s       the settings (their {@code kinds} and {@code config} are ignored)
     * @param configs the architectures
     * @return one row per architecture: convolutions, kernel, parameters, accuracy per test set and mean
     * @throws IOException if a file cannot be written
     */
    public static Table ablation(Settings s, List<CnnConfig> configs) throws IOException {
        Table t = Table.create("CNN architecture ablation (paper Fig. A1)", tech.tablesaw.api.IntColumn.create("convolutions"),
                tech.tablesaw.api.IntColumn.create("kernel"), tech.tablesaw.api.LongColumn.create("parameters"));
        for (String c : COLUMNS) {
            t.addColumns(DoubleColumn.create(c));
        }
        t.addColumns(DoubleColumn.create("mean"));
        for (CnnConfig c : configs) {
            Settings one = new Settings(s.verified(), s.trainScale(), s.testScale(), s.options(), List.of(EntanglementNet.Kind.CNN),
                    s.variant(), s.data(), s.out().resolve("conv" + c.convLayers() + "-k" + c.kernel()), c);
            Table r;
            try (RunFolder folder = RunFolder.open(one.out(), provenance(one), null)) {
                r = runModels(one);
            }
            t.intColumn("convolutions").append(c.convLayers());
            t.intColumn("kernel").append(c.kernel());
            t.longColumn("parameters").append(c.parameters());
            double mean = 0;
            for (int i = 0; i < COLUMNS.size(); i++) {
                double a = r.doubleColumn("accuracy").getDouble(i);
                t.doubleColumn(COLUMNS.get(i)).append(a);
                mean += a / COLUMNS.size();
            }
            t.doubleColumn("mean").append(round(mean));
        }
        return t;
    }

    /**
     * The architectures of paper Fig. A1: 2 convolutions with kernels 2, 3, 4 and 3 convolutions with kernels
     * 2, 3 (the channel rule of {@link CnnConfig}), each followed by the paper's 5 dense layers of 128.
     *
     * @param qubits number of qubits
     * @return the configurations
     */
    public static List<CnnConfig> ablationConfigs(int qubits) {
        List<CnnConfig> configs = new ArrayList<>();
        for (int k = 2; k <= 4; k++) {
            configs.add(new CnnConfig(qubits, 2, k, 5, 128, 16));
        }
        for (int k = 2; k <= 3; k++) {
            configs.add(new CnnConfig(qubits, 3, k, 5, 128, 16));
        }
        return configs;
    }

    /**
     * The ablation of one seed as a bar chart (paper Fig. A1; several seeds: {@link EntanglementPlots#ablation}).
     *
     * @param ablation the table of {@link #ablation}
     * @return the chart
     */
    public static CategoryChart ablationChart(Table ablation) {
        return EntanglementPlots.ablation(List.of(ablation));
    }

    private static void add(Table t, String model, String set, Evaluation.Accuracy a, double paper) {
        t.stringColumn("model").append(model);
        t.stringColumn("test set").append(set);
        t.doubleColumn("accuracy").append(round(a.mean()));
        t.doubleColumn("vs truth").append(round(a.meanTruth()));
        t.doubleColumn("paper").append(paper);
        t.doubleColumn("difference").append(round(a.mean() - paper));
    }

    private static double round(double x) {
        return Double.isNaN(x) ? x : Math.round(x * 100) / 100.0;
    }

    /**
     * The long table pivoted to the paper's layout: one row per model, one column per test set.
     *
     * @param result the table of {@link #run}
     * @param column which value ("accuracy", "vs truth", "paper" or "difference")
     * @return the wide table
     */
    public static Table wide(Table result, String column) {
        Table w = Table.create(result.name() + ": " + column, StringColumn.create("model"));
        for (String c : COLUMNS) {
            w.addColumns(DoubleColumn.create(c));
        }
        for (String model : models(result)) {
            w.stringColumn("model").append(model);
            for (String c : COLUMNS) {
                double v = Double.NaN;
                for (int i = 0; i < result.rowCount(); i++) {
                    if (result.stringColumn("model").get(i).equals(model) && result.stringColumn("test set").get(i).equals(c)) {
                        v = result.doubleColumn(column).getDouble(i);
                    }
                }
                w.doubleColumn(c).append(v);
            }
        }
        return w;
    }

    /**
     * A grouped bar chart of the accuracies per test set, with the paper's values dashed ({@link EntanglementPlots#accuracy}).
     *
     * @param result the table of {@link #run}
     * @return the chart
     */
    public static CategoryChart chart(Table result) {
        return EntanglementPlots.accuracy(result);
    }

    private static java.util.Set<String> models(Table result) {
        return new java.util.LinkedHashSet<>(result.stringColumn("model").asList());
    }

    /**
     * The folder of a dataset under the data directory: recipe, scale, variant and seed in its name, so runs with
     * other seeds never share it; an existing folder's manifest must agree.
     */
    static Path datasetDir(Settings s, String name, double scale, long seed) {
        return s.data().resolve(name + (scale == 1 ? "" : "-x" + scale) + (s.variant() == Variant.PAPER ? "" : "-code")
                + "-s" + seed);
    }

    private static LabelledStates dataset(Settings s, String name, double scale, long seed) throws IOException {
        Path dir = datasetDir(s, name, scale, seed);
        if (!Files.exists(dir)) {
            Recipe r = EntanglementRecipes.byName(name, 3, s.variant(), scale);
            EntanglementDataset.write(r, seed, dir);
        }
        try (org.densitylab.data.io.Dataset ds = org.densitylab.data.io.Dataset.open(dir, false)) {
            var info = ds.info();
            String recipe = info.recipe().has("recipe") ? info.recipe().get("recipe").getAsString() : "";
            if (info.seed() != seed || !recipe.equals(name)) {
                throw new IllegalArgumentException("dataset " + dir + " holds recipe '" + recipe + "' with seed " + info.seed()
                        + ", not '" + name + "' with seed " + seed + "; delete it, or give another --data folder");
            }
        }
        return LabelledStates.load(dir);
    }

    /** The datasets' provenance for a trainer (train and validation sets). */
    private static Provenance datasets(Settings s, String train, long seed, List<String> validation, List<Long> valSeeds)
            throws IOException {
        Provenance.Builder p = Provenance.builder().dataset("train", datasetDir(s, train, s.trainScale(), seed));
        for (int i = 0; i < validation.size(); i++) {
            p.dataset(validation.get(i), datasetDir(s, validation.get(i), s.trainScale(), valSeeds.get(i)));
        }
        return p.build();
    }

    private static void write(Table result, Settings s) throws IOException {
        AtomicFiles.write(s.out().resolve("results.csv"), os -> result.write().csv(os));
        AtomicFiles.writeString(s.out().resolve("table.html"), "<h3>" + result.name() + "</h3>\n"
                + org.densitylab.plot.TableHtml.html(EntanglementPlots.comparison(result)) + "\n");
        org.densitylab.plot.HouseStyle.savePng(chart(result), s.out().resolve("accuracy.png"));
        AtomicFiles.writeString(s.out().resolve("settings.txt"), s.toString() + "\n");
    }

    /**
     * Writes the ablation's table and chart ({@code ablation.csv}, {@code ablation.png}) into the settings' folder.
     *
     * @param s     the settings
     * @param table the table of {@link #ablation}
     * @throws IOException naming the file if it cannot be written
     */
    public static void writeAblation(Settings s, Table table) throws IOException {
        AtomicFiles.write(s.out().resolve("ablation.csv"), os -> table.write().csv(os));
        org.densitylab.plot.HouseStyle.savePng(ablationChart(table), s.out().resolve("ablation.png"));
    }
}
