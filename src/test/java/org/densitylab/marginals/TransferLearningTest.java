package org.densitylab.marginals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class TransferLearningTest extends QuietTest {
    @TempDir
    Path dir;

    @Test
    void theNextStageStartsFromThePreviousWeightsAndKeepsTheEncoderFrozen() {
        TransferLearning.Plan plan = new TransferLearning.Plan(1, 1e-3, 4, Cdae.ENCODER,
                List.of(new TransferLearning.Stage(3, 40, 1, 20), new TransferLearning.Stage(4, 20, 1, 20)), 9L);
        Map<Integer, CdaeTrainer> t = TransferLearning.run(plan, dir);
        Cdae n3 = TransferLearning.load(dir, 3);
        Cdae n4 = t.get(4).network();
        for (String layer : Cdae.ENCODER) {
            for (String p : List.of(layer + "_W", layer + "_b")) {
                assertArrayEquals(n3.parameters().get(p).dup().data().asFloat(), n4.parameters().get(p).dup().data().asFloat(),
                        0f, p + " is frozen");
            }
        }
        float[] d3 = n3.parameters().get("d6_W").dup().data().asFloat();
        float[] d4 = n4.parameters().get("d6_W").dup().data().asFloat();
        assertFalse(java.util.Arrays.equals(d3, d4), "the decoder is trained");

        Table h = TransferLearning.history(t);
        assertArrayEquals(new int[] {3, 4}, h.intColumn("N").asIntArray());
        assertEquals(2, TransferLearning.history(TransferLearning.run(plan, dir)).rowCount(), "a rerun resumes, no new epochs");
        assertThrows(IllegalArgumentException.class, () -> TransferLearning.load(dir, 5));
        assertThrows(IllegalArgumentException.class, () -> new TransferLearning.Plan(1, 1e-3, 4, Cdae.ENCODER,
                List.of(new TransferLearning.Stage(3, 40, 1, 20), new TransferLearning.Stage(5, 20, 1, 20)), 9L));
    }
}
