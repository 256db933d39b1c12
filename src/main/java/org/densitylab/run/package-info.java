/**
 * The run layer shared by every trainer and both experiments: what a run's results depend on, and how a run
 * folder is kept trustworthy across interruptions, reruns and mistakes.
 *
 * <ul>
 *   <li>{@link org.densitylab.run.Provenance}: every input that decides the results (options, architecture,
 *       label strategy, each dataset's recipe, seed, scale, variant and checksums, library version). A rerun on
 *       the same folder is compared field by field; a difference is refused naming each field (old → new), while
 *       legitimate extensions (more epochs, a later λ switch, more batches, another learning rate) are allowed
 *       and recorded.</li>
 *   <li>{@link org.densitylab.run.RunFolder}: an experiment's output folder: a lock ({@code run.lock}) so that a
 *       second writer is refused, {@code provenance.json}, and {@code command.txt} (one line per invocation).
 *       It is opened only after every option was validated, so a rejected command leaves nothing behind.</li>
 *   <li>{@link org.densitylab.run.Checkpoints}: a trainer's checkpoint folder: {@code last.ckpt} (everything a
 *       resume needs: weights, optimiser state, best weights, history, provenance) is one file replaced in one
 *       atomic rename, so a crash leaves the previous or the next checkpoint, never a mix; {@code best.ckpt}
 *       (the selected weights, for readers) is exported from it.</li>
 *   <li>{@link org.densitylab.run.Values}: non-finite numbers are caught where they enter: datasets read for
 *       training or evaluation, checkpoints loaded, losses computed.</li>
 * </ul>
 * Files are written through {@link org.densitylab.util.AtomicFiles}, the project's one atomic-write helper.
 */
package org.densitylab.run;
