package org.densitylab.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;

/** Progress in place on a terminal, plain lines every tenth or 10 s anywhere else, never a carriage return in a file. */
class ProgressRendererTest extends QuietTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Progress.Snapshot at(long done, double seconds) {
        return new Progress.Snapshot("training", done, 1000, seconds, "");
    }

    @Test
    void logsGetALineEachTenthOrTenSecondsAndNoCarriageReturn() {
        LineRenderer r = new LineRenderer(out);
        r.update(at(50, 1));      // 5 %, 1 s: nothing yet
        r.update(at(100, 2));     // 10 %: a line
        r.update(at(150, 5));     // 15 %, 3 s later: nothing
        r.update(at(170, 12.5));  // 10.5 s after the last line: a line
        r.update(at(180, 13));    // nothing
        r.update(at(420, 14));    // crosses 20 % and 30 % and 40 %: one line
        r.finished(at(1000, 30)); // the final line
        List<String> lines = written().lines().toList();
        assertEquals(List.of("10", "17", "42", "100"),
                lines.stream().map(l -> l.substring("training".length()).strip().split("%")[0]).toList());
        assertFalse(written().contains("\r"), "a carriage return in a log");
        assertFalse(written().contains("[#"), "no bar in a log");
        assertTrue(lines.get(3).contains("1,000/1,000"), lines.get(3));
    }

    @Test
    void aTerminalIsRedrawnInPlace() {
        TerminalRenderer r = new TerminalRenderer(out);
        r.update(at(500, 1));
        r.finished(at(1000, 2));
        assertTrue(written().startsWith("\rtraining  [###############...............]  50%"), written());
        assertTrue(written().endsWith("100%  1,000/1,000  500/s  2.0s" + System.lineSeparator()), written());
    }

    @Test
    void theModeDecidesAndAutoFollowsTheTerminal() {
        assertTrue(Progress.renderer("auto", false, out) instanceof LineRenderer);
        assertTrue(Progress.renderer("auto", true, out) instanceof TerminalRenderer);
        assertTrue(Progress.renderer("lines", true, out) instanceof LineRenderer);
        assertTrue(Progress.renderer("terminal", false, out) instanceof TerminalRenderer);
        assertSame(ProgressRenderer.SILENT, Progress.renderer("off", true, out));
        assertSame(ProgressRenderer.SILENT, Progress.renderer("", false, out), "library default: quiet off a terminal");
        assertTrue(Progress.renderer("", true, out) instanceof TerminalRenderer);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Progress.renderer("fancy", false, out));
        assertTrue(e.getMessage().contains("'fancy'") && e.getMessage().contains("DENSITYLAB_PROGRESS"), e.getMessage());
    }

    @Test
    void aRealProgressInLinesModeEndsWithTheFullCount() {
        Progress.setRendererFactory(() -> new LineRenderer(out));
        try (Progress p = Progress.start("states", 10_000)) {
            for (int i = 0; i < 10_000; i++) {
                p.advance(1);
            }
        } finally {
            Progress.resetRendererFactory();
        }
        List<String> lines = written().lines().toList();
        assertTrue(lines.size() >= 1 && lines.size() <= 11, lines.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("states 100%  10,000/10,000"), lines.toString());
        assertFalse(written().contains("\r"));
    }
}
