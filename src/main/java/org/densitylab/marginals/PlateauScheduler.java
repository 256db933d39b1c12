package org.densitylab.marginals;

/**
 * Learning-rate schedule of the reference training (docs/papers.md#training-the-cdae): PyTorch's
 * {@code ReduceLROnPlateau} with its defaults (mode min, factor 0.1, patience 10, relative threshold 1e-4,
 * cooldown 0, min_lr 0) on the epoch training loss. An epoch improves when
 * \(L < L_{\rm best}(1 - 10^{-4})\); after more than {@code patience} epochs in a row without improvement the
 * rate is multiplied by {@code factor} and the count restarts.
 *
 * @param lr       the current learning rate
 * @param best     best loss so far (+∞ before the first epoch)
 * @param badEpochs epochs since the last improvement
 * @param factor   reduction factor
 * @param patience tolerated non-improving epochs
 * @param threshold relative improvement threshold
 */
public record PlateauScheduler(double lr, double best, int badEpochs, double factor, int patience, double threshold) {
    /**
     * Validates.
     *
     * @throws IllegalArgumentException naming the bad value
     */
    public PlateauScheduler {
        if (!(lr > 0)) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + lr);
        }
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1), got " + factor);
        }
        if (patience < 0 || badEpochs < 0) {
            throw new IllegalArgumentException("patience and bad epochs must be >= 0, got " + patience + ", " + badEpochs);
        }
    }

    /**
     * PyTorch's defaults (factor 0.1, patience 10, threshold 1e-4 relative).
     *
     * @param lr the initial learning rate (the paper: 1e-4)
     * @return the scheduler before its first epoch
     */
    public static PlateauScheduler pytorchDefaults(double lr) {
        return new PlateauScheduler(lr, Double.POSITIVE_INFINITY, 0, 0.1, 10, 1e-4);
    }

    /**
     * The state after one epoch with training loss {@code loss}.
     *
     * @param loss the epoch's mean training loss
     * @return the next state (its {@link #lr()} applies to the next epoch)
     */
    public PlateauScheduler step(double loss) {
        if (loss < best * (1 - threshold)) {
            return new PlateauScheduler(lr, loss, 0, factor, patience, threshold);
        }
        int bad = badEpochs + 1;
        if (bad > patience) {
            double next = lr * factor;
            // PyTorch skips reductions smaller than eps = 1e-8
            return new PlateauScheduler(lr - next > 1e-8 ? next : lr, best, 0, factor, patience, threshold);
        }
        return new PlateauScheduler(lr, best, bad, factor, patience, threshold);
    }
}
