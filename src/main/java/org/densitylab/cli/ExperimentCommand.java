package org.densitylab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.densitylab.entanglement.Variant;
import org.densitylab.entanglement.CnnConfig;
import org.densitylab.entanglement.EntanglementExperiment;
import org.densitylab.entanglement.EntanglementNet;
import org.densitylab.entanglement.TrainingOptions;

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
              Rerunning resumes from the checkpoints in --out (also with more --epochs or another --learning-rate,
              e.g. a lower rate for the last epochs of a short schedule); command.txt keeps every invocation.""";

    private ExperimentCommand() {
    }

    static int run(List<String> arguments) throws Exception {
        List<String> args = new ArrayList<>(arguments);
        boolean ablation = args.remove("--ablation");
        Map<String, String> o = DatasetCommand.options(args, List.of("out", "data", "labels", "kinds", "epochs",
                "lambda-from-epoch", "learning-rate", "batches-per-epoch", "train-scale", "test-scale", "seed", "variant",
                "separator-epochs", "members", "member-epochs", "member-batches"));
        if (!o.containsKey("out") || o.containsKey("")) {
            System.err.println(USAGE);
            return 2;
        }
        Path out = Path.of(o.get("out"));
        List<EntanglementNet.Kind> kinds = new ArrayList<>();
        boolean ensemble = false;
        for (String k : o.getOrDefault("kinds", "cnn,siamese").split(",")) {
            if (k.trim().equalsIgnoreCase("ensemble")) {
                ensemble = true;
            } else if (k.trim().equalsIgnoreCase("cnn") || k.trim().equalsIgnoreCase("siamese")) {
                kinds.add(EntanglementNet.Kind.valueOf(k.trim().toUpperCase(Locale.ROOT)));
            } else {
                throw new IllegalArgumentException("unknown --kinds entry '" + k + "' (choose from cnn, siamese, ensemble)");
            }
        }
        int epochs = Integer.parseInt(o.getOrDefault("epochs", "20"));
        TrainingOptions options = TrainingOptions.shortened(epochs, Long.parseLong(o.getOrDefault("seed", "1")))
                .withMaxBatches(Integer.parseInt(o.getOrDefault("batches-per-epoch", "0")));
        if (o.containsKey("learning-rate")) {
            options = options.withLearningRate(Double.parseDouble(o.get("learning-rate")));
        }
        if (o.containsKey("lambda-from-epoch")) {
            options = options.withLambdaFromEpoch(Integer.parseInt(o.get("lambda-from-epoch")));
        }
        String variant = o.getOrDefault("variant", "paper");
        if (!variant.equals("paper") && !variant.equals("reference-code")) {
            throw new IllegalArgumentException("--variant must be 'paper' or 'reference-code', got '" + variant + "'");
        }
        boolean referenceCode = variant.equals("reference-code");
        options = options.withReferenceCode(referenceCode);
        EntanglementExperiment.EnsembleSchedule schedule = null;
        if (ensemble) {
            String start = o.getOrDefault("members", "fresh");
            if (!start.equals("fresh") && !start.equals("warm")) {
                throw new IllegalArgumentException("--members must be 'fresh' or 'warm', got '" + start + "'");
            }
            boolean warm = start.equals("warm");
            TrainingOptions members = TrainingOptions.shortened(Integer.parseInt(o.getOrDefault("member-epochs", String.valueOf(epochs))),
                    options.seed()).withMaxBatches(Integer.parseInt(o.getOrDefault("member-batches",
                    String.valueOf(options.maxBatchesPerEpoch()))));
            schedule = new EntanglementExperiment.EnsembleSchedule(Integer.parseInt(o.getOrDefault("separator-epochs", "20")),
                    (warm ? members.withLambdaFromEpoch(0) : members).withReferenceCode(referenceCode), warm);
        }
        var s = new EntanglementExperiment.Settings(!o.getOrDefault("labels", "verified").equals("negativity"),
                Double.parseDouble(o.getOrDefault("train-scale", "1")), Double.parseDouble(o.getOrDefault("test-scale", "1")),
                options, kinds, referenceCode ? Variant.REFERENCE_CODE : Variant.PAPER,
                Path.of(o.getOrDefault("data", out.resolve("datasets").toString())), out, CnnConfig.paper(3), schedule);
        java.nio.file.Files.createDirectories(out);
        java.nio.file.Files.writeString(out.resolve("command.txt"), "densitylab entanglement-tables " + String.join(" ", arguments) + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        if (ablation) {
            var table = EntanglementExperiment.ablation(s, EntanglementExperiment.ablationConfigs(3));
            table.write().csv(out.resolve("ablation.csv").toFile());
            org.knowm.xchart.BitmapEncoder.saveBitmap(EntanglementExperiment.ablationChart(table), out.resolve("ablation.png").toString(),
                    org.knowm.xchart.BitmapEncoder.BitmapFormat.PNG);
            System.out.println(table.printAll());
            return 0;
        }
        var table = EntanglementExperiment.run(s);
        System.out.println(EntanglementExperiment.wide(table, "accuracy").printAll());
        return 0;
    }
}
