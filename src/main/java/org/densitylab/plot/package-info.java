/**
 * Rendering of results for people: Tablesaw tables as HTML, XChart charts as PNG. Used by the notebooks,
 * the kernel and the experiment reports.
 */
package org.densitylab.plot;
