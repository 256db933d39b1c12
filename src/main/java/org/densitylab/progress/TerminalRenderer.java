package org.densitylab.progress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line text bar, redrawn in place with a carriage return:
 * {@code task  [#########.........]  45%  4,500/10,000  1,230/s  ETA 4s}. Only for a terminal: output
 * that goes to a file gets a {@link LineRenderer} instead (see {@link Progress}).
 */
public final class TerminalRenderer implements ProgressRenderer {
    private static final int WIDTH = 30;
    private final PrintStream out;

    /**
     * @param out where to draw, usually {@code System.err}
     */
    public TerminalRenderer(PrintStream out) {
        this.out = out;
    }

    @Override
    public void update(Progress.Snapshot s) {
        out.print('\r' + line(s));
        out.flush();
    }

    @Override
    public void finished(Progress.Snapshot s) {
        out.println('\r' + line(s));
        out.flush();
    }

    /**
     * Formats a snapshot as one line of text (also used by notebook renderers for {@code text/plain}).
     *
     * @param s the state
     * @return the line, without a line terminator
     */
    public static String line(Progress.Snapshot s) {
        return line(s, true);
    }

    /**
     * Formats a snapshot as one line of text.
     *
     * @param s   the state
     * @param bar with the {@code [####....]} bar
     * @return the line, without a line terminator
     */
    public static String line(Progress.Snapshot s, boolean bar) {
        double f = s.fraction();
        int filled = (int) Math.round(f * WIDTH);
        String drawn = bar ? "  [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]" : "";
        String eta = s.done() >= s.total() ? String.format(Locale.ROOT, "%.1fs", s.elapsedSeconds())
                : "ETA " + formatSeconds(s.etaSeconds());
        return String.format(Locale.ROOT, "%s%s %3d%%  %,d/%,d  %,.0f/s  %s%s", s.task(), drawn,
                Math.round(100 * f), s.done(), s.total(), s.rate(), eta,
                s.message().isEmpty() ? "" : "  " + s.message());
    }

    private static String formatSeconds(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long t = Math.round(seconds);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t / 60 % 60)
                : t >= 60 ? String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60) : t + "s";
    }
}
