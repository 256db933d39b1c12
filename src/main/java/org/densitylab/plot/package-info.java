/**
 * Rendering of results for people, one way for the whole library: {@link org.densitylab.plot.TableHtml} (every
 * table: four significant digits, readable headers, wide tables split or transposed),
 * {@link org.densitylab.plot.HouseStyle} (every figure: white, legend outside the data, one colour per method,
 * error bars, the paper's values dashed), {@link org.densitylab.plot.Comparison} (ours, the paper's and the
 * difference in one table) and {@link org.densitylab.plot.Notebooks} (what the notebooks need from their
 * surroundings). Used by the notebooks, the kernel and the experiment reports.
 */
package org.densitylab.plot;
