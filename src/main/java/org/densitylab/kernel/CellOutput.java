package org.densitylab.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Standard output and error of the cells, coalesced into bounded batches and delivered in order, as
 * ipykernel does: text written from any thread (a cell's own, or a background thread the cell started)
 * is collected and handed to the {@link Target} at most {@code intervalMillis} after it was written, or
 * as soon as a batch reaches {@code maxBytes}. Nothing is dropped: a switch between the two streams, a
 * rich display ({@link #inOrder}) and the end of a cell ({@link #flush}) first deliver what is pending,
 * so the order the cell wrote in is the order the notebook shows.
 *
 * <p>The kernel installs {@link #stream} as {@code System.out}/{@code System.err} once, so output
 * belongs to whichever cell the {@link Target} currently sends to: the running cell, or after it the
 * last one (ipykernel's behaviour for output from threads).
 */
public final class CellOutput implements AutoCloseable {
    /** Where batches go. */
    @FunctionalInterface
    public interface Target {
        /**
         * Delivers one batch; called under the output's lock, one batch at a time, in order.
         *
         * @param stream {@code stdout} or {@code stderr}
         * @param text   the batch, never empty
         */
        void write(String stream, String text);
    }

    /** Batch interval of the kernel and the runner, in milliseconds. */
    public static final long INTERVAL_MILLIS = 50;
    /** Largest batch of the kernel and the runner, in bytes of UTF-8. */
    public static final int MAX_BYTES = 256 * 1024;

    private final Target target;
    private final long intervalNanos;
    private final int maxBytes;
    private final Object lock = new Object();
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private String pendingStream;
    private long firstWriteNanos;
    private boolean closed;
    private final Thread flusher;

    /**
     * Starts the background flusher.
     *
     * @param target         receives the batches
     * @param intervalMillis the longest text waits before it is delivered, &gt; 0
     * @param maxBytes       the largest batch, at least 4 (one UTF-8 character)
     */
    public CellOutput(Target target, long intervalMillis, int maxBytes) {
        if (intervalMillis <= 0 || maxBytes < 4) {
            throw new IllegalArgumentException("interval must be > 0 and maxBytes >= 4, got " + intervalMillis
                    + " ms and " + maxBytes);
        }
        this.target = Objects.requireNonNull(target, "target");
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.maxBytes = maxBytes;
        this.flusher = new Thread(this::flushLoop, "densitylab-output");
        flusher.setDaemon(true);
        flusher.start();
    }

    /**
     * A print stream that writes into this output.
     *
     * @param name {@code stdout} or {@code stderr}
     * @return the stream (UTF-8, not auto-flushing: delivery is by time and size)
     */
    public PrintStream stream(String name) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                append(name, b, off, len);
            }
        }, false, StandardCharsets.UTF_8);
    }

    private void append(String stream, byte[] b, int off, int len) {
        synchronized (lock) {
            if (!stream.equals(pendingStream)) {
                deliver();
                pendingStream = stream;
            }
            while (len > 0) {
                if (pending.size() == 0) {
                    firstWriteNanos = System.nanoTime();
                    lock.notifyAll();
                }
                int n = Math.min(len, maxBytes - pending.size());
                pending.write(b, off, n);
                off += n;
                len -= n;
                if (pending.size() >= maxBytes) {
                    deliver();
                }
            }
        }
    }

    /** Delivers everything written so far, now, on the calling thread. */
    public void flush() {
        synchronized (lock) {
            deliver();
        }
    }

    /**
     * Delivers the pending text, then runs {@code publish} while no other output can come between:
     * rich displays go through here so they appear after the text printed before them.
     *
     * @param publish sends something else to the same place
     */
    public void inOrder(Runnable publish) {
        synchronized (lock) {
            deliver();
            publish.run();
        }
    }

    /** Under the lock: hands the pending bytes to the target, keeping an unfinished UTF-8 character. */
    private void deliver() {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        int end = completeUtf8Length(bytes);
        pending.reset();
        pending.write(bytes, end, bytes.length - end);
        if (end > 0) {
            target.write(pendingStream, new String(bytes, 0, end, StandardCharsets.UTF_8));
        }
    }

    /** @return the length of the longest prefix that does not end inside a multi-byte character */
    static int completeUtf8Length(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int c = b[n - back] & 0xFF;
            if (c < 0x80) {
                return n;                       // ASCII: complete
            }
            if (c >= 0xC0) {                    // a lead byte: is its sequence complete?
                int need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                return back >= need ? n : n - back;
            }
        }
        return n;                               // only continuation bytes: not ours to repair
    }

    private void flushLoop() {
        synchronized (lock) {
            while (!closed) {
                try {
                    if (pending.size() == 0) {
                        lock.wait();
                        continue;
                    }
                    long wait = firstWriteNanos + intervalNanos - System.nanoTime();
                    if (wait > 0) {
                        lock.wait(Math.max(1, wait / 1_000_000L));
                        continue;
                    }
                    deliver();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a target that failed once (a closed socket) must not stop later deliveries
                }
            }
        }
    }

    /** Delivers what is pending and stops the flusher. */
    @Override
    public void close() {
        synchronized (lock) {
            deliver();
            closed = true;
            lock.notifyAll();
        }
    }
}
