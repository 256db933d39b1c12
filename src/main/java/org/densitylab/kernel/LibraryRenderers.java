package org.densitylab.kernel;

import org.densitylab.plot.TableHtml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.densitylab.progress.Progress;
import org.densitylab.progress.TerminalRenderer;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * How DensityLab's own result types render in the notebook: Tablesaw tables as HTML and text in the one table
 * format of {@link TableHtml} (the same digits and headers in both), XChart
 * charts as PNG, progress snapshots as a bar. Each library is optional: a type whose library is missing
 * from the class path is skipped.
 */
final class LibraryRenderers {
    private LibraryRenderers() {
    }

    static void registerAll(NotebookRenderer r) {
        try {
            r.register(Table.class, t -> MimeBundle.of("text/plain", TableHtml.text(t))
                    .with("text/html", TableHtml.html(t)));
        } catch (LinkageError missing) {
            // Tablesaw is not on the class path: tables render as text.
        }
        try {
            r.register(Chart.class, c -> MimeBundle.of("text/plain", c.getClass().getSimpleName()
                    + " \"" + c.getTitle() + "\" " + c.getWidth() + "x" + c.getHeight())
                    .with("image/png", chartPng(c)));
        } catch (LinkageError missing) {
            // XChart is not on the class path.
        }
        r.register(Progress.Snapshot.class, s -> NotebookProgressRenderer.bundle(s));
        r.register(Progress.class, p -> MimeBundle.of("text/plain", TerminalRenderer.line(p.snapshot())));
    }

    private static String chartPng(Chart<?, ?> chart) {
        try {
            return Base64.getEncoder().encodeToString(
                    BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
