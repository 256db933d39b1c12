package org.densitylab.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentCommandTest {
    private static void rejects(Path tmp, String expected, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--out", tmp.resolve("out").toString()));
        all.addAll(List.of(args));
        var e = assertThrows(IllegalArgumentException.class, () -> ExperimentCommand.run(all));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void badChoicesAreNamedBeforeAnyWork(@TempDir Path tmp) {
        rejects(tmp, "'reference'", "--variant", "reference");
        rejects(tmp, "'cold'", "--kinds", "siamese,ensemble", "--members", "cold");
        assertTrue(!Files.exists(tmp.resolve("out").resolve("datasets")), "no dataset was generated");
    }
}
