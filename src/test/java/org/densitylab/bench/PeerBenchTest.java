package org.densitylab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.densitylab.QuietTest;
import org.densitylab.entanglement.CnnConfig;
import org.densitylab.entanglement.EntanglementNet;
import org.densitylab.marginals.Cdae;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PyTorch peer builds the same networks as ours: equal parameter counts (runs only where python3-torch is). */
class PeerBenchTest extends QuietTest {
    @Test
    void thePeerNetworksHaveOurParameterCounts(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("peer_bench.py");
        try (InputStream in = PeerBench.class.getResourceAsStream("peer_bench.py")) {
            Files.copy(in, script);
        }
        Process probe = new ProcessBuilder("/usr/bin/python3", "-c", "import torch").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        assumeTrue(probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0, "Debian's python3-torch is not installed");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), "1").redirectErrorStream(true).start();
        p.getOutputStream().write("params cnn-train\nparams siamese-train\nparams cdae-train-4\nquit\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(0, p.waitFor(), String.join("\n", lines));
        long cnn = EntanglementNet.create(CnnConfig.paper(3), EntanglementNet.Kind.CNN, 1e-3, 1).parameterCount();
        long siamese = EntanglementNet.create(CnnConfig.paper(3), EntanglementNet.Kind.SIAMESE, 1e-3, 1).parameterCount();
        assertEquals("{\"params\": " + cnn + "}", lines[1]);
        assertEquals("{\"params\": " + siamese + "}", lines[2]);
        assertEquals("{\"params\": " + Cdae.create(4, Cdae.PAPER_SCALE, 1).parameterCount() + "}", lines[3]);
    }
}
