package org.densitylab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.densitylab.entanglement.Variant;
import org.densitylab.entanglement.CnnConfig;
import org.densitylab.entanglement.EntanglementExperiment;
import org.densitylab.entanglement.EntanglementNet;
import org.densitylab.entanglement.TrainingOptions;
import org.densitylab.run.Provenance;
import org.densitylab.run.RunFolder;

/**
 * {@code densitylab entanglement-tables}: reproduces Table II (or III) of the entanglement paper with a
 * stated CPU schedule; see {@link EntanglementExperiment}.
 */
final class ExperimentCommand {
    static final String USAGE = """
            usage: densitylab entanglement-tables --out DIR [--data DIR] [--labels verified|negativity]
                     [--kinds cnn,siamese] [--epochs 20] [--lambda-from-epoch 11] [--learning-rate 1e-3] [--batches-per-epoch 0] [--train-scale 1] [--test-scale 1]
                     [--seed 1] [--variant paper|reference-code]
                     [--separator-epochs 20] [--members fresh|warm] [--member-epochs E] [--member-batches B]
                     [--ablation]
              Generates the datasets into --data (default DIR/datasets; reused when present), trains each network
              with Adam 1e-3, batch 128 and lambda = 0.5 from 11/20 of the epochs on
              (or from the 0-based --lambda-from-epoch), evaluates on the five test sets
              with the PPT and realignment baselines, and writes results.csv, table.html and accuracy.png to --out.
              With 'ensemble' among --kinds it also trains the separability measure M on the separable set and the
              ten ensemble members on the M domains (fresh as in the paper, or 'warm': fine-tuned from the trained
              Siamese network with lambda = 0.5 throughout, a CPU schedule), and writes separator.png (Fig. 3)
              and routing.csv. --ablation instead trains the CNN in the five architectures of Fig. A1 (2 convolutions
              of kernel 2, 3, 4; 3 of kernel 2, 3) and writes ablation.csv and ablation.png.
              --variant reference-code uses the reference code's dataset choices and its Siamese cut pairing (wrong
              for the permutation (2,0,1), see docs/papers.md); the default is the paper's datasets and the correct pairing.
              Rerunning resumes from the checkpoints in --out (also with more --epochs, a later --lambda-from-epoch,
              more --batches-per-epoch or another --learning-rate, e.g. a lower rate for the last epochs of a short
              schedule); other settings (--labels, --seed, the scales, ...) are refused naming each, before any work.
              Datasets are named after their recipe, scale, variant and seed (e.g. train-verified-x0.01-s1), so runs
              with other seeds never share them. provenance.json records the settings, command.txt every invocation;
              a second run on the same --out is refused while the first runs.""";

    private ExperimentCommand() {
    }

    static int run(List<String> arguments) throws Exception {
        Options o = Options.parse(arguments, List.of("out", "data", "labels", "kinds", "epochs", "lambda-from-epoch",
                "learning-rate", "batches-per-epoch", "train-scale", "test-scale", "seed", "variant", "separator-epochs",
                "members", "member-epochs", "member-batches"), List.of("ablation"));
        if (!o.has("out") || !o.positional().isEmpty()) {
            System.err.println(USAGE);
            return 2;
        }
        Path out = o.path("out", null);
        List<EntanglementNet.Kind> kinds = new ArrayList<>();
        boolean ensemble = false;
        for (String k : o.string("kinds", "cnn,siamese").split(",")) {
            switch (k.trim()) {
                case "ensemble" -> ensemble = true;
                case "cnn" -> kinds.add(EntanglementNet.Kind.CNN);
                case "siamese" -> kinds.add(EntanglementNet.Kind.SIAMESE);
                default -> throw new IllegalArgumentException("--kinds: '" + k + "' is not one of cnn, siamese, ensemble");
            }
        }
        boolean verified = o.choice("labels", "verified", "verified", "negativity").equals("verified");
        boolean referenceCode = o.choice("variant", "paper", "paper", "reference-code").equals("reference-code");
        int epochs = o.integer("epochs", 20, 1);
        TrainingOptions options = TrainingOptions.shortened(epochs, o.seed("seed", 1))
                .withMaxBatches(o.integer("batches-per-epoch", 0, 0)).withLearningRate(o.positive("learning-rate", 1e-3))
                .withReferenceCode(referenceCode);
        if (o.has("lambda-from-epoch")) {
            options = options.withLambdaFromEpoch(o.integer("lambda-from-epoch", 0, 0));
        }
        EntanglementExperiment.EnsembleSchedule schedule = null;
        String start = o.choice("members", "fresh", "fresh", "warm");
        if (ensemble) {
            boolean warm = start.equals("warm");
            TrainingOptions members = TrainingOptions.shortened(o.integer("member-epochs", epochs, 1), options.seed())
                    .withMaxBatches(o.integer("member-batches", options.maxBatchesPerEpoch(), 0));
            schedule = new EntanglementExperiment.EnsembleSchedule(o.integer("separator-epochs", 20, 1),
                    (warm ? members.withLambdaFromEpoch(0) : members).withReferenceCode(referenceCode), warm);
        }
        var s = new EntanglementExperiment.Settings(verified, o.positive("train-scale", 1), o.positive("test-scale", 1),
                options, kinds, referenceCode ? Variant.REFERENCE_CODE : Variant.PAPER,
                o.path("data", out.resolve("datasets")), out, CnnConfig.paper(3), schedule);
        String command = o.commandLine("entanglement-tables");
        if (o.has("ablation")) {
            Provenance p = Provenance.builder().with("", EntanglementExperiment.provenance(s)).fixed("ablation", "Fig. A1").build();
            try (RunFolder folder = RunFolder.open(out, p, command)) {
                var table = EntanglementExperiment.ablation(s, EntanglementExperiment.ablationConfigs(3));
                EntanglementExperiment.writeAblation(s, table);
                System.out.println(table.printAll());
            }
            return 0;
        }
        var table = EntanglementExperiment.run(s, command);
        System.out.println(EntanglementExperiment.wide(table, "accuracy").printAll());
        return 0;
    }
}
