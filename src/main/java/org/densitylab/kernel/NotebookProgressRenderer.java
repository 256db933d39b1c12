package org.densitylab.kernel;

import org.densitylab.plot.TableHtml;
import java.util.Locale;
import java.util.UUID;
import org.densitylab.progress.Progress;
import org.densitylab.progress.ProgressRenderer;
import org.densitylab.progress.TerminalRenderer;

/**
 * Shows a {@link Progress} as one bar below the cell that updates in place: the first state is a
 * {@code display_data} with a display id, later states are {@code update_display_data} for that id.
 * Each state has {@code text/plain} (the terminal line) and {@code text/html} (a {@code <progress>}
 * element and the same line). States arriving when no cell is running are dropped.
 */
public final class NotebookProgressRenderer implements ProgressRenderer {
    private final String displayId = "densitylab-progress-" + UUID.randomUUID();
    private boolean shown;

    @Override
    public synchronized void update(Progress.Snapshot s) {
        show(s);
    }

    @Override
    public synchronized void finished(Progress.Snapshot s) {
        show(s);
    }

    private void show(Progress.Snapshot s) {
        MimeBundle b = bundle(s);
        if (!shown) {
            shown = Display.emit(b, displayId, false);
        } else {
            Display.emit(b, displayId, true);
        }
    }

    /**
     * @param s a progress state
     * @return its notebook representation
     */
    public static MimeBundle bundle(Progress.Snapshot s) {
        String line = TerminalRenderer.line(s);
        String html = String.format(Locale.ROOT,
                "<div class=\"densitylab-progress\"><progress value=\"%d\" max=\"%d\" style=\"width:20em\">"
                        + "</progress> <code>%s</code></div>",
                s.done(), Math.max(s.total(), 1), TableHtml.escape(line));
        return MimeBundle.of("text/plain", line).with("text/html", html);
    }
}
