/**
 * Headless notebook execution without Jupyter: {@link org.densitylab.kernel.runner.NotebookRunner} runs a
 * notebook's cells through the kernel's {@link org.densitylab.kernel.CellExecutor};
 * {@link org.densitylab.kernel.runner.NotebookBatch} ({@code densitylab run-notebooks}) starts one JVM per
 * notebook in its folder and writes the executed copies and an HTML report.
 */
package org.densitylab.kernel.runner;
