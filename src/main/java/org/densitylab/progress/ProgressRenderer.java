package org.densitylab.progress;

/**
 * Shows the state of a {@link Progress}. Calls for one progress come from one thread at a time, at most
 * a few times a second, and end with exactly one call of {@link #finished}.
 */
public interface ProgressRenderer {

    /** Renders nothing. */
    ProgressRenderer SILENT = new ProgressRenderer() {
        @Override
        public void update(Progress.Snapshot s) {
        }

        @Override
        public void finished(Progress.Snapshot s) {
        }
    };

    /**
     * Shows an intermediate state.
     *
     * @param s the state to show
     */
    void update(Progress.Snapshot s);

    /**
     * Shows the final state; called once when the progress is closed.
     *
     * @param s the final state
     */
    void finished(Progress.Snapshot s);
}
