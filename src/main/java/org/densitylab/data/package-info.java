/**
 * Datasets: recipes, a parallel and deterministic generation engine, and (in {@code io}) their on-disk
 * format.
 *
 * <p>{@link org.densitylab.data.DatasetGenerator} fills records in chunks, in parallel; record i depends
 * only on (seed, i) (see {@link org.densitylab.util.Seeds}), so a dataset is the same whatever the number of
 * threads, and an interrupted run resumes where its last chunk ended.
 */
package org.densitylab.data;
