package org.densitylab.entanglement;

/**
 * Training hyper-parameters (paper 1 Eq. 6; docs/papers.md#training).
 *
 * @param epochs             number of epochs (paper: 20)
 * @param batchSize          batch size (paper: 128)
 * @param learningRate       Adam learning rate (paper: 1e-3)
 * @param lambdaFromEpoch    first 0-based epoch with λ &gt; 0 (paper: 11, i.e. λ = 0 for the first 11 epochs)
 * @param lambda             λπ = λlu after the switch (paper: 0.5)
 * @param referenceCode      the reference code's permutation matching instead of the correct one (3 qubits)
 * @param seed               seed of the initialisation, the shuffles, the permutations and rotations
 * @param maxBatchesPerEpoch at most this many batches per epoch (0: the whole set; quick runs use a few)
 */
public record TrainingOptions(int epochs, int batchSize, double learningRate, int lambdaFromEpoch, double lambda,
        boolean referenceCode, long seed, int maxBatchesPerEpoch) {

    /**
     * @throws IllegalArgumentException for non-positive sizes
     */
    public TrainingOptions {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || lambdaFromEpoch < 0 || lambda < 0 || maxBatchesPerEpoch < 0) {
            throw new IllegalArgumentException("bad training options: epochs=" + epochs + ", batchSize=" + batchSize
                    + ", learningRate=" + learningRate + ", lambdaFromEpoch=" + lambdaFromEpoch + ", lambda=" + lambda
                    + ", maxBatchesPerEpoch=" + maxBatchesPerEpoch);
        }
    }

    /**
     * @param seed the seed
     * @return the paper's schedule: 20 epochs, batch 128, Adam 1e-3, λ = 0.5 from epoch 11
     */
    public static TrainingOptions paper(long seed) {
        return new TrainingOptions(20, 128, 1e-3, 11, 0.5, false, seed, 0);
    }

    /**
     * A shorter schedule with the λ switch at the same fraction of training (11/20).
     *
     * @param epochs number of epochs
     * @param seed   the seed
     * @return the options
     */
    public static TrainingOptions shortened(int epochs, long seed) {
        return new TrainingOptions(epochs, 128, 1e-3, (int) Math.round(epochs * 11 / 20.0), 0.5, false, seed, 0);
    }

    /**
     * @param epoch 0-based epoch
     * @return λ in that epoch
     */
    public double lambdaAt(int epoch) {
        return epoch >= lambdaFromEpoch ? lambda : 0;
    }

    /**
     * @param batches batches per epoch
     * @return these options with a cap on batches per epoch
     */
    public TrainingOptions withMaxBatches(int batches) {
        return new TrainingOptions(epochs, batchSize, learningRate, lambdaFromEpoch, lambda, referenceCode, seed, batches);
    }

    /**
     * @param n number of epochs
     * @return these options with another epoch count (a resumed run may train longer)
     */
    public TrainingOptions withEpochs(int n) {
        return new TrainingOptions(n, batchSize, learningRate, lambdaFromEpoch, lambda, referenceCode, seed, maxBatchesPerEpoch);
    }

    /**
     * @param epoch first 0-based epoch with λ &gt; 0 (a CPU schedule may switch earlier than 11/20 of the epochs)
     * @return these options with another λ switch
     */
    public TrainingOptions withLambdaFromEpoch(int epoch) {
        return new TrainingOptions(epochs, batchSize, learningRate, epoch, lambda, referenceCode, seed, maxBatchesPerEpoch);
    }

    /**
     * @param lr Adam's learning rate (a resumed run may continue with a lower one)
     * @return these options with another learning rate
     */
    public TrainingOptions withLearningRate(double lr) {
        return new TrainingOptions(epochs, batchSize, lr, lambdaFromEpoch, lambda, referenceCode, seed, maxBatchesPerEpoch);
    }

    /**
     * @param reference the reference code's permutation pairing of the Siamese loss (paper 1 Eq. 6; wrong for one of
     *                  the five permutations of 3 qubits) instead of the correct map of every cut
     * @return these options with that pairing
     */
    public TrainingOptions withReferenceCode(boolean reference) {
        return new TrainingOptions(epochs, batchSize, learningRate, lambdaFromEpoch, lambda, reference, seed, maxBatchesPerEpoch);
    }
}
