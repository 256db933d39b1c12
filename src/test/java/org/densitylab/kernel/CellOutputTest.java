package org.densitylab.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;

/** Batching of cell output: nothing lost, order kept, batches bounded in size and delivered in time. */
class CellOutputTest extends QuietTest {
    /** A batch as the target saw it, with the time it arrived. */
    record Batch(String stream, String text, long nanos) {
    }

    private static final class Recorder implements CellOutput.Target {
        final List<Batch> batches = new ArrayList<>();

        @Override
        public synchronized void write(String stream, String text) {
            batches.add(new Batch(stream, text, System.nanoTime()));
        }

        synchronized List<Batch> snapshot() {
            return List.copyOf(batches);
        }

        String text(String stream) {
            StringBuilder sb = new StringBuilder();
            snapshot().stream().filter(b -> b.stream().equals(stream)).forEach(b -> sb.append(b.text()));
            return sb.toString();
        }
    }

    @Test
    void twoHundredThousandLinesArriveCompleteInOrderInFewBoundedBatches() {
        Recorder r = new Recorder();
        int maxBytes = 64 * 1024;
        StringBuilder expected = new StringBuilder();
        try (CellOutput out = new CellOutput(r, 50, maxBytes)) {
            PrintStream ps = out.stream("stdout");
            for (int i = 0; i < 200_000; i++) {
                ps.println("line " + i);
                expected.append("line ").append(i).append(System.lineSeparator());
            }
            out.flush();
        }
        assertEquals(expected.toString(), r.text("stdout"));
        int bytes = expected.length();
        List<Batch> batches = r.snapshot();
        assertTrue(batches.size() < 200_000 / 100, "one message per line would be 200,000: " + batches.size());
        assertTrue(batches.size() >= bytes / maxBytes, batches.size() + " batches for " + bytes + " bytes");
        for (Batch b : batches) {
            assertTrue(b.text().getBytes(StandardCharsets.UTF_8).length <= maxBytes, "batch over the size bound");
        }
    }

    @Test
    void aSmallWriteIsDeliveredByTheIntervalWithoutAFlush() throws InterruptedException {
        Recorder r = new Recorder();
        try (CellOutput out = new CellOutput(r, 50, 1 << 16)) {
            long t0 = System.nanoTime();
            out.stream("stdout").print("tick");
            long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
            while (r.snapshot().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            List<Batch> b = r.snapshot();
            assertEquals(1, b.size(), "delivered by the flusher, not by close()");
            assertEquals("tick", b.get(0).text());
            assertTrue(b.get(0).nanos() - t0 >= TimeUnit.MILLISECONDS.toNanos(50),
                    "not before the interval: coalescing window");
        }
    }

    @Test
    void interleavedStreamsAndDisplaysKeepTheOrderTheyWereWrittenIn() {
        Recorder r = new Recorder();
        try (CellOutput out = new CellOutput(r, 10_000, 1 << 16)) {
            PrintStream o = out.stream("stdout");
            PrintStream e = out.stream("stderr");
            o.print("a1 ");
            o.print("a2 ");
            e.print("b1 ");
            out.inOrder(() -> r.write("display", "D"));
            o.print("a3");
            out.flush();
        }
        List<String> seen = r.snapshot().stream().map(b -> b.stream() + ":" + b.text()).toList();
        assertEquals(List.of("stdout:a1 a2 ", "stderr:b1 ", "display:D", "stdout:a3"), seen);
    }

    @Test
    void linesFromManyThreadsAreAllDeliveredWhole() throws InterruptedException {
        Recorder r = new Recorder();
        int threads = 4;
        int lines = 20_000;
        try (CellOutput out = new CellOutput(r, 20, 4096)) {
            PrintStream ps = out.stream("stdout");
            List<Thread> ts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                ts.add(new Thread(() -> {
                    for (int i = 0; i < lines; i++) {
                        ps.println("t" + id + " " + i);
                    }
                }));
            }
            ts.forEach(Thread::start);
            for (Thread t : ts) {
                t.join();
            }
            out.flush();
        }
        int[] next = new int[threads];
        for (String line : r.text("stdout").split(System.lineSeparator())) {
            String[] p = line.split(" ");
            int t = Integer.parseInt(p[0].substring(1));
            assertEquals(next[t]++, Integer.parseInt(p[1]), "per-thread order of " + line);
        }
        assertArrayEquals(new int[] {lines, lines, lines, lines}, next);
    }

    @Test
    void aMultiByteCharacterIsNeverSplitAcrossBatches() {
        Recorder r = new Recorder();
        String text = "ρ₁⊗ρ₂ ✓ 𝔼[ψ] ".repeat(500);
        try (CellOutput out = new CellOutput(r, 10_000, 7)) {
            out.stream("stdout").print(text);
            out.flush();
        }
        assertEquals(text, r.text("stdout"));
        for (Batch b : r.snapshot()) {
            assertTrue(b.text().indexOf('\uFFFD') < 0, "replacement character: a split sequence");
        }
    }
}
