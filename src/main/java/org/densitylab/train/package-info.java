/**
 * Training of the marginals paper's CDAE (spec marginals.md §5): {@link org.densitylab.train.CdaeTrainer}
 * (epochs, validation, checkpoints, resume), PyTorch-compatible {@link org.densitylab.train.Adam} and
 * {@link org.densitylab.train.PlateauScheduler}, {@link org.densitylab.train.Checkpoint} files, and
 * {@link org.densitylab.train.TrainingData} over in-memory or on-disk datasets.
 */
package org.densitylab.train;
