package org.densitylab.data.io;

import org.densitylab.QuietTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NumPy itself reads a dataset written here: {@code np.load(..., mmap_mode='r')} of every column, shapes
 * and dtypes as in the manifest, and {@code np.save} of what it read gives the same bytes. Skipped where
 * {@code /usr/bin/python3} with NumPy is not installed ({@code apt-get install python3-numpy}).
 */
class NumpyInteropTest extends QuietTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = String.join("\n",
            "import json, sys, numpy as np",
            "d, out = sys.argv[1], sys.argv[2]",
            "m = json.load(open(d + '/manifest.json'))",
            "for c in m['columns']:",
            "    a = np.load(d + '/' + c['file'], mmap_mode='r')",
            "    assert list(a.shape) == c['shape'], (c['name'], a.shape)",
            "    assert a.dtype.str == c['dtype'], (c['name'], a.dtype.str)",
            "    np.save(out + '/' + c['file'], np.array(a))",
            "s = np.load(d + '/states.npy')",
            "print(repr(float(s[7, 1, 2, 0])), int(np.load(d + '/labels.npy')[5, 2]), m['records'])",
            "");

    @TempDir
    Path tmp;

    @Test
    void numpyReadsWhatJavaWrote() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import numpy").redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        assumeTrue(check.waitFor() == 0, "no NumPy for /usr/bin/python3");

        Path dir = Fixtures.write(tmp.resolve("ds"), 42, 20, 6);
        Path out = Files.createDirectory(tmp.resolve("resaved"));
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT, dir.toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(true, p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);

        float state = Fixtures.state(7, 3 * 3 + 2 * 3);            // [7, 1, 2, 0] in a [2, 3, 3] record
        int label = Byte.toUnsignedInt((byte) (5 * 7 + 2 * 100));
        String[] printed = output.split(" ");
        assertEquals(3, printed.length, output);
        assertEquals((double) state, Double.parseDouble(printed[0]), 0.0, output);
        assertEquals(label, Integer.parseInt(printed[1]), output);
        assertEquals(20, Integer.parseInt(printed[2]), output);
        for (ColumnSpec c : Fixtures.COLUMNS) {
            assertArrayEquals(Files.readAllBytes(out.resolve(c.fileName())), Files.readAllBytes(dir.resolve(c.fileName())),
                    c.fileName());
        }
    }
}
