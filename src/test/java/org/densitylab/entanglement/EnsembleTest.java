package org.densitylab.entanglement;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.densitylab.QuietTest;
import org.densitylab.util.Parallel;
import org.junit.jupiter.api.Test;

class EnsembleTest extends QuietTest {

    @Test
    void routingUsesStrictDomainsAndFallsBackToTheLastMember() {
        assertEquals(0, Ensemble.route(5e-5));
        assertEquals(5, Ensemble.route(3e-3));
        assertEquals(8, Ensemble.route(0.03));
        assertEquals(9, Ensemble.route(0.07));
        // exactly on a threshold, zero, or beyond 0.1: the last member
        assertEquals(9, Ensemble.route(1e-4));
        assertEquals(9, Ensemble.route(0));
        assertEquals(9, Ensemble.route(0.5));
    }

    @Test
    void eachStateIsPredictedByTheMemberOfItsDomain() {
        LabelledStates data = LabelledStates.of(EntanglementDataset.inMemory(EntanglementRecipes.pureTest(3, Variant.PAPER, 0.002),
                1, Parallel.pool()), 3);
        Separator sep = Separator.create(1e-3, 1);
        List<EntanglementNet> members = new ArrayList<>();
        for (int i = 0; i < Ensemble.MEMBERS; i++) {
            members.add(EntanglementNet.create(new CnnConfig(3, 2, 2, 1, 16, 4), EntanglementNet.Kind.CNN, 1e-3, 100 + i));
        }
        float[] p = new Ensemble(sep, members).predict(data);
        float[] m = sep.measureAll(data);
        for (int k = 0; k < data.size(); k++) {
            float[] own = Evaluation.predict(members.get(Ensemble.route(m[k])), data.subset(new int[] {k}));
            assertArrayEquals(own, java.util.Arrays.copyOfRange(p, 3 * k, 3 * k + 3), 1e-6f, "state " + k);
        }
    }

    @Test
    void aDomainWithoutEnoughStatesIsReported() {
        LabelledStates data = LabelledStates.of(EntanglementDataset.inMemory(EntanglementRecipes.pureTest(3, Variant.PAPER, 0.002),
                1, Parallel.pool()), 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Ensemble.train(Separator.create(1e-3, 1),
                data, List.of(), TrainingOptions.shortened(1, 1), null));
        assertTrue(e.getMessage().contains("domain 0") && e.getMessage().contains("fewer than one batch of 128"), e.getMessage());
    }

    @Test
    void warmStartedMembersAreFineTunedOnTheirDomainAndEmptyDomainsKeepTheStartingNetwork() throws Exception {
        LabelledStates data = LabelledStates.of(EntanglementDataset.inMemory(EntanglementRecipes.pureTest(3, Variant.PAPER, 0.002),
                1, Parallel.pool()), 3);
        Separator sep = Separator.create(1e-3, 1);
        float[] m = sep.measureAll(data);
        EntanglementNet initial = EntanglementNet.create(new CnnConfig(3, 2, 2, 1, 16, 4), EntanglementNet.Kind.SIAMESE, 1e-2, 5);
        // batch 8 and one batch per epoch: every member whose domain holds a batch of training states takes one step
        TrainingOptions one = new TrainingOptions(1, 8, 1e-2, 0, 0.5, false, 1, 1);
        float[] p = Ensemble.train(sep, data, List.of(), one, null, initial).predict(data);
        float[] start = Evaluation.predict(initial, data);
        int tuned = 0;
        for (int k = 0; k < data.size(); k++) {
            boolean trained = Ensemble.domain(m, Ensemble.route(m[k])).length >= 8;
            float diff = 0;
            for (int j = 0; j < 3; j++) {
                diff = Math.max(diff, Math.abs(p[3 * k + j] - start[3 * k + j]));
            }
            assertEquals(trained, diff > 1e-6f, "state " + k + " with M = " + m[k] + ": change " + diff);
            tuned += trained ? 1 : 0;
        }
        assertTrue(tuned > 0, "no state in a trained domain; M values " + java.util.Arrays.toString(m));
        float[] again = Evaluation.predict(initial, data);
        assertArrayEquals(start, again, 0f, "the starting network itself is not modified");
    }
}
