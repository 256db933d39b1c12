package org.densitylab.progress;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A counter of work done, safe to advance from many threads, shown by the installed
 * {@link ProgressRenderer} at most every {@value #INTERVAL_NANOS} ns.
 *
 * <pre>{@code
 * try (Progress p = Progress.start("verified training set", n)) {
 *     IntStream.range(0, n).parallel().forEach(i -> { work(i); p.advance(1); });
 * }
 * }</pre>
 *
 * <p>The renderer is chosen when a progress starts, on standard error, by the system property
 * {@code densitylab.progress} or else the environment variable {@code DENSITYLAB_PROGRESS}:
 * <ul>
 *   <li>{@code terminal}: a bar redrawn in place ({@link TerminalRenderer});</li>
 *   <li>{@code lines}: a plain line every tenth of the work or 10 s ({@link LineRenderer}), for logs;</li>
 *   <li>{@code auto}: {@code terminal} when a console is attached, else {@code lines} (the command line
 *       sets this, so a log file never receives carriage returns);</li>
 *   <li>{@code off}: nothing;</li>
 *   <li>nothing set: {@code terminal} when a console is attached, else nothing (library code stays quiet
 *       where nobody asked for progress, in tests for example).</li>
 * </ul>
 * The Jupyter kernel replaces the factory with {@link #setRendererFactory} so that bars update in place
 * in the notebook.
 */
public final class Progress implements AutoCloseable {
    static final long INTERVAL_NANOS = 250_000_000L;

    private static volatile Supplier<ProgressRenderer> factory = Progress::defaultRenderer;

    private final String task;
    private final long total;
    private final ProgressRenderer renderer;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong nextDraw = new AtomicLong(startNanos);
    private volatile String message = "";
    private volatile boolean closed;

    private Progress(String task, long total, ProgressRenderer renderer) {
        this.task = task;
        this.total = total;
        this.renderer = renderer;
    }

    /**
     * Starts reporting a task.
     *
     * @param task  a short name shown before the bar
     * @param total the number of units of work, at least 0
     * @return the progress, to be closed when the work ends
     * @throws IllegalArgumentException if {@code total} is negative
     */
    public static Progress start(String task, long total) {
        if (total < 0) {
            throw new IllegalArgumentException("progress total must be >= 0, got " + total);
        }
        return new Progress(Objects.requireNonNull(task, "task"), total, factory.get());
    }

    /**
     * Replaces the way progress is shown from now on (the kernel installs its notebook renderer here).
     *
     * @param rendererFactory makes one renderer per started progress
     */
    public static void setRendererFactory(Supplier<ProgressRenderer> rendererFactory) {
        factory = Objects.requireNonNull(rendererFactory, "rendererFactory");
    }

    /** Restores the default choice: terminal bar when a console is attached or requested, else silent. */
    public static void resetRendererFactory() {
        factory = Progress::defaultRenderer;
    }

    private static ProgressRenderer defaultRenderer() {
        String env = System.getenv("DENSITYLAB_PROGRESS");
        String mode = System.getProperty("densitylab.progress", env == null ? "" : env);
        return renderer(mode.strip(), System.console() != null, System.err);
    }

    /**
     * The renderer for a mode (see the class comment).
     *
     * @param mode     {@code terminal}, {@code lines}, {@code auto}, {@code off} or empty
     * @param terminal whether the output is a terminal
     * @param err      where to draw
     * @return the renderer
     * @throws IllegalArgumentException for another mode, naming the setting and the choices
     */
    static ProgressRenderer renderer(String mode, boolean terminal, java.io.PrintStream err) {
        return switch (mode) {
            case "terminal" -> new TerminalRenderer(err);
            case "lines" -> new LineRenderer(err);
            case "auto" -> terminal ? new TerminalRenderer(err) : new LineRenderer(err);
            case "off" -> ProgressRenderer.SILENT;
            case "" -> terminal ? new TerminalRenderer(err) : ProgressRenderer.SILENT;
            default -> throw new IllegalArgumentException("densitylab.progress / DENSITYLAB_PROGRESS is '" + mode
                    + "'; use terminal, lines, auto or off");
        };
    }

    /**
     * Records {@code units} more units of work; redraws if the last drawing is old enough.
     *
     * @param units units just completed
     */
    public void advance(long units) {
        done.addAndGet(units);
        long now = System.nanoTime();
        long next = nextDraw.get();
        if (now >= next && nextDraw.compareAndSet(next, now + INTERVAL_NANOS) && !closed) {
            synchronized (this) {
                if (!closed) {
                    renderer.update(snapshot());
                }
            }
        }
    }

    /**
     * Sets a short status text shown after the bar (for example the current loss).
     *
     * @param text the text, not null
     */
    public void message(String text) {
        message = Objects.requireNonNull(text, "text");
    }

    /** @return the current state */
    public Snapshot snapshot() {
        return new Snapshot(task, Math.min(done.get(), Math.max(total, done.get())), total,
                (System.nanoTime() - startNanos) / 1e9, message);
    }

    /** Shows the final state; further calls do nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            renderer.finished(snapshot());
        }
    }

    /**
     * The state of a progress at one moment.
     *
     * @param task           the task name
     * @param done           units done
     * @param total          units in all
     * @param elapsedSeconds seconds since the start
     * @param message        status text, possibly empty
     */
    public record Snapshot(String task, long done, long total, double elapsedSeconds, String message) {
        /** @return done / total in [0, 1] (1 for an empty task) */
        public double fraction() {
            return total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
        }

        /** @return units per second so far */
        public double rate() {
            return elapsedSeconds > 0 ? done / elapsedSeconds : 0.0;
        }

        /** @return estimated seconds left, or infinity before any unit is done */
        public double etaSeconds() {
            return done == 0 ? Double.POSITIVE_INFINITY : (total - done) / rate();
        }
    }
}
