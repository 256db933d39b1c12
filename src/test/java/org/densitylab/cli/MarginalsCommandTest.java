package org.densitylab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.densitylab.QuietTest;
import org.densitylab.marginals.MarginalsEvaluation;
import org.densitylab.marginals.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import tech.tablesaw.api.Table;

/** {@code marginals-train} / {@code marginals-eval} on a small network (S = 1) and a few hundred records. */
class MarginalsCommandTest extends QuietTest {
    @TempDir
    Path tmp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    private int train(Path dir, String... extra) throws Exception {
        return MarginalsCommand.train(arguments(List.of("--n", "3", "--scale", "1", "--samples", "120", "--batch", "40",
                "--validation", "10", "--lr", "1e-3", "--seed", "5", "--out", dir.toString()), extra), out);
    }

    /** The base options ("--name value" pairs) with those given again in {@code extra} replaced, then {@code extra}. */
    static List<String> arguments(List<String> base, String... extra) {
        List<String> a = new ArrayList<>();
        for (int i = 0; i < base.size(); i += 2) {
            if (!List.of(extra).contains(base.get(i))) {
                a.addAll(base.subList(i, i + 2));
            }
        }
        a.addAll(List.of(extra));
        return a;
    }

    private static Checkpoint last(Path dir) throws Exception {
        return Checkpoint.read(dir.resolve("last.ckpt"));
    }

    private static void assertSameArrays(Map<String, INDArray> a, Map<String, INDArray> b, String what) {
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertEquals(v, b.get(k), what + " " + k));
    }

    @Test
    void aResumedRunEndsWithExactlyTheWeightsOfAnUninterruptedOne() throws Exception {
        Path whole = tmp.resolve("whole");
        Path split = tmp.resolve("split");
        assertEquals(0, train(whole, "--epochs", "3", "--eval-samples", "0"));
        assertEquals(0, train(split, "--epochs", "1", "--eval-samples", "0"));
        assertEquals(1, last(split).meta().epoch());
        assertEquals(0, train(split, "--epochs", "3", "--eval-samples", "0"));
        Checkpoint a = last(whole);
        Checkpoint b = last(split);
        assertEquals(3, b.meta().epoch());
        assertSameArrays(a.params(), b.params(), "weights");
        assertSameArrays(a.adamV(), b.adamV(), "Adam second moments");
        assertEquals(a.meta().history().get(2).loss(), b.meta().history().get(2).loss());
        assertEquals(4, Files.readAllLines(split.resolve("history.csv")).size(), "header + 3 epochs");
        List<String> commands = Files.readAllLines(split.resolve("command.txt"));
        assertEquals(2, commands.size(), "one line per invocation");
        assertTrue(commands.get(1).contains("--epochs 3"), commands.get(1));
    }

    @Test
    void aRerunWithOtherSettingsOrAForeignCheckpointFailsClearly() throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, train(dir, "--epochs", "1", "--eval-samples", "0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(dir, "--epochs", "2", "--eval-samples", "0", "--model", "model2", "--samples", "80"));
        assertTrue(e.getMessage().contains("model: model1 → model2") && e.getMessage().contains("samples: 120 → 80"),
                e.getMessage());
        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.copy(dir.resolve("last.ckpt"), foreign.resolve("last.ckpt"));
        e = assertThrows(IllegalArgumentException.class, () -> train(foreign, "--epochs", "1", "--eval-samples", "0"));
        assertTrue(e.getMessage().contains("without provenance.json"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> train(tmp.resolve("x"), "--freeze", "encoder"));
        assertTrue(e.getMessage().contains("needs --transfer-from"), e.getMessage());
    }

    @Test
    void transferToFourQubitsWithAFrozenEncoderChangesOnlyTheDecoder() throws Exception {
        Path n3 = tmp.resolve("n3");
        assertEquals(0, train(n3, "--epochs", "1", "--eval-samples", "0"));
        Checkpoint source = Checkpoint.read(org.densitylab.marginals.MarginalsExperiment.weightsOf(n3));
        Path n4 = tmp.resolve("n4");
        assertEquals(0, MarginalsCommand.train(List.of("--n", "4", "--scale", "1", "--samples", "40", "--batch", "20",
                "--validation", "0", "--lr", "1e-3", "--epochs", "1", "--eval-samples", "0", "--transfer-from", n3.toString(),
                "--freeze", "encoder", "--out", n4.toString()), out));
        Checkpoint t = last(n4);
        assertEquals(4, t.meta().numQubits());
        assertEquals(3, t.meta().k());
        for (String name : source.params().keySet()) {
            if (name.startsWith("e")) {
                assertEquals(source.params().get(name), t.params().get(name), "frozen " + name);
            } else {
                assertNotEquals(source.params().get(name), t.params().get(name), "trained " + name);
            }
        }
        Path mismatch = tmp.resolve("s2");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MarginalsCommand.train(List.of("--n",
                "4", "--scale", "2", "--samples", "40", "--transfer-from", n3.toString(), "--out", mismatch.toString()), out));
        assertTrue(e.getMessage().contains("S=1"), e.getMessage());
    }

    @Test
    void evaluationWritesTheTableAndPlotsOfTheCheckpointItNames() throws Exception {
        Path dir = tmp.resolve("run");
        assertEquals(0, train(dir, "--epochs", "1", "--eval-samples", "6"));
        Table t = Table.read().csv(dir.resolve("results.csv").toFile());
        assertEquals(7, t.rowCount(), "ranks 2..8");
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), t.intColumn("rank").asList());
        for (String f : List.of("fidelity.png", "success.png", "command.txt", "history.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertTrue(Files.readString(dir.resolve("command.txt")).startsWith("densitylab marginals-train --n 3"));
        // the numbers are those of the named checkpoint at the documented seed (the training seed + 1)
        Checkpoint c = Checkpoint.read(org.densitylab.marginals.MarginalsExperiment.weightsOf(dir));
        MarginalsEvaluation.RankResult r = MarginalsEvaluation.evaluate(c.network(3), 2, 8, 6, 6L);
        assertEquals(r.guessMean(), t.numberColumn("guess").getDouble(6), 1e-12);
        assertEquals(r.success(), t.numberColumn("success").getDouble(6), 1e-12);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("model1"));

        Path ev = tmp.resolve("eval");
        assertEquals(0, MarginalsCommand.eval(List.of("--models", "a=" + dir, "--n", "3", "--k", "1", "--samples", "4",
                "--out", ev.toString()), out));
        Table k1 = Table.read().csv(ev.resolve("results.csv").toFile());
        assertEquals(7, k1.rowCount());
        assertTrue(k1.intColumn("k").asList().stream().allMatch(k -> k == 1));
        assertTrue(Files.size(ev.resolve("fidelity.png")) > 0);
    }
}
