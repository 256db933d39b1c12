/**
 * Progress reporting for long work (dataset generation, training, notebook runs).
 *
 * <p>Library code opens a {@link org.densitylab.progress.Progress} and advances it from any thread;
 * how it is shown is decided by the installed {@link org.densitylab.progress.ProgressRenderer}: a
 * one-line bar on the terminal's standard error by default, a bar that updates in place when the
 * Jupyter kernel installs its notebook renderer, or nothing ({@link
 * org.densitylab.progress.ProgressRenderer#SILENT}, used by the tests).
 */
package org.densitylab.progress;
