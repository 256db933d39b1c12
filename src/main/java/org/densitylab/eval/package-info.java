/**
 * Evaluation of the marginals paper's models (spec marginals.md §6): post-processing and per-sample metrics
 * ({@link org.densitylab.eval.Reconstruction}: hermitise, normalise, PSD success test, marginal fidelity),
 * the pipelines model / model+MIO / random guessing per rank ({@link org.densitylab.eval.MarginalsEvaluation}),
 * the reference implementation's numbers ({@link org.densitylab.eval.ReferenceNumbers}) and Fig. 2-style plots
 * ({@link org.densitylab.eval.MarginalsPlots}).
 */
package org.densitylab.eval;
