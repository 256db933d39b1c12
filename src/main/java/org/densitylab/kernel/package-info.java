/**
 * The Jupyter kernel "Java (DensityLab)", IJava-compatible, and the cell evaluation it shares with the
 * headless notebook runner.
 *
 * <ul>
 *   <li>{@link org.densitylab.kernel.KernelMain} / {@link org.densitylab.kernel.DensityKernel}: the kernel
 *       process and its protocol handlers (basekernel, relocated in the {@code -kernel} jar);</li>
 *   <li>{@link org.densitylab.kernel.CellExecutor}: magics ({@code %jars}, {@code %classpath},
 *       {@code %maven}, {@code %load}) and Java code through {@link org.densitylab.kernel.JShellEvaluator},
 *       which runs JShell in-process with {@link org.densitylab.kernel.InProcessExecutionControl} and the
 *       redefine {@link org.densitylab.kernel.Agent};</li>
 *   <li>{@link org.densitylab.kernel.Display}: the notebook API ({@code display}, {@code render},
 *       {@code updateDisplay}); {@link org.densitylab.kernel.NotebookRenderer} turns values (images,
 *       Tablesaw tables, XChart charts, progress) into MIME bundles;</li>
 *   <li>{@link org.densitylab.kernel.KernelInstaller}: {@code densitylab kernel install}.</li>
 * </ul>
 *
 * See {@code docs/kernel.md} for installation, headless runs, Binder and the measured timings.
 */
package org.densitylab.kernel;
