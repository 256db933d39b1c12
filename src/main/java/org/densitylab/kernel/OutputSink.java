package org.densitylab.kernel;

/**
 * Where rich output of a running cell goes: the Jupyter connection in the kernel, the notebook's output
 * list in the headless runner. Standard output and error are not part of it: cells print to
 * {@code System.out}/{@code System.err}, which the kernel and the runner capture.
 */
public interface OutputSink {

    /**
     * Shows a value below the cell ({@code display_data}).
     *
     * @param bundle    the representations
     * @param displayId an id that later updates refer to
     */
    void display(MimeBundle bundle, String displayId);

    /**
     * Replaces an earlier display, wherever it is ({@code update_display_data}).
     *
     * @param displayId the id given to {@link #display}
     * @param bundle    the new representations
     */
    void updateDisplay(String displayId, MimeBundle bundle);
}
