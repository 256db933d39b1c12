package org.densitylab.progress;

import java.io.PrintStream;

/**
 * Progress for output that is not a terminal (a log file, CI): a plain line, no carriage return, each
 * time another tenth of the work is done or {@value #EVERY_SECONDS} s after the last line, and a final
 * line when the work ends: {@code task  45%  4,500/10,000  1,230/s  ETA 4s}.
 */
public final class LineRenderer implements ProgressRenderer {
    /** The longest time between two lines while work goes on. */
    public static final double EVERY_SECONDS = 10.0;

    private final PrintStream out;
    private int lastTenth;
    private double lastSeconds;

    /**
     * @param out where to write, usually {@code System.err}
     */
    public LineRenderer(PrintStream out) {
        this.out = out;
    }

    @Override
    public void update(Progress.Snapshot s) {
        int tenth = (int) Math.floor(s.fraction() * 10);
        if (tenth > lastTenth || s.elapsedSeconds() - lastSeconds >= EVERY_SECONDS) {
            lastTenth = Math.max(lastTenth, tenth);
            lastSeconds = s.elapsedSeconds();
            out.println(TerminalRenderer.line(s, false));
            out.flush();
        }
    }

    @Override
    public void finished(Progress.Snapshot s) {
        out.println(TerminalRenderer.line(s, false));
        out.flush();
    }
}
