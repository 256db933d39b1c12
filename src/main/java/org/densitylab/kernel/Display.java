package org.densitylab.kernel;

import java.util.UUID;

/**
 * The notebook display API, the same names and shapes as IJava's {@code Display}: cells call
 * {@code display(x)}, {@code render(x, "text/html")}, {@code updateDisplay(id, x)} (the kernel imports
 * these statically).
 *
 * <p>Inside the kernel or the headless runner output goes to the running cell; anywhere else (plain
 * {@code jshell}, a test) {@code display} prints the {@code text/plain} form to standard output.
 */
public final class Display {
    private static volatile OutputSink sink;
    private static volatile NotebookRenderer renderer = new NotebookRenderer();

    private Display() {
    }

    /**
     * Connects the API to a running cell; the kernel and the runner call this.
     *
     * @param target where output goes, or null to detach
     */
    public static void attach(OutputSink target) {
        sink = target;
    }

    /** @return the renderer used by {@link #display} and {@link #render} */
    public static NotebookRenderer renderer() {
        return renderer;
    }

    /**
     * Shows a value below the cell in its richest form.
     *
     * @param value any value
     * @return the display id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object value) {
        String id = UUID.randomUUID().toString();
        emit(renderer.render(value), id, false);
        return id;
    }

    /**
     * Shows a value as the given MIME types ({@code display("<b>hi</b>", "text/html")}).
     *
     * @param value a value
     * @param mimes MIME types
     * @return the display id
     */
    public static String display(Object value, String... mimes) {
        String id = UUID.randomUUID().toString();
        emit(renderer.render(value, mimes), id, false);
        return id;
    }

    /**
     * @param value a value
     * @return its representations; as the last value of a cell they are shown as such
     */
    public static MimeBundle render(Object value) {
        return renderer.render(value);
    }

    /**
     * @param value a value
     * @param mimes MIME types
     * @return its representations in those types
     */
    public static MimeBundle render(Object value, String... mimes) {
        return renderer.render(value, mimes);
    }

    /**
     * Replaces what an earlier {@link #display} showed.
     *
     * @param id    the id {@code display} returned
     * @param value the new value
     */
    public static void updateDisplay(String id, Object value) {
        emit(renderer.render(value), id, true);
    }

    /**
     * Replaces what an earlier {@link #display} showed, as the given MIME types.
     *
     * @param id    the id {@code display} returned
     * @param value the new value
     * @param mimes MIME types
     */
    public static void updateDisplay(String id, Object value, String... mimes) {
        emit(renderer.render(value, mimes), id, true);
    }

    /**
     * Sends a bundle to the running cell.
     *
     * @return false when no cell is attached (the text form was printed instead, for a new display)
     */
    static boolean emit(MimeBundle bundle, String id, boolean update) {
        OutputSink s = sink;
        if (s == null) {
            if (!update) {
                System.out.println(bundle.toString());
            }
            return false;
        }
        if (update) {
            s.updateDisplay(id, bundle);
        } else {
            s.display(bundle, id);
        }
        return true;
    }
}
