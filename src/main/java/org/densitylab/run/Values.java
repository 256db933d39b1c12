package org.densitylab.run;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks that catch non-finite and out-of-range numbers where they enter a run: datasets read for training or
 * evaluation (chunk by chunk, naming the file and the record), checkpoints loaded (naming the file) and losses
 * (naming the step, the batch and the dataset).
 */
public final class Values {
    private Values() {
    }

    /**
     * Checks records of a float column.
     *
     * @param values       the values read
     * @param from         first index to check
     * @param count        number of values to check
     * @param recordLength values per record
     * @param firstRecord  the record number of {@code values[0]}
     * @param min          smallest allowed value
     * @param max          largest allowed value
     * @param file         the file they were read from (named in the message)
     * @throws IllegalArgumentException naming the file, the record and the value
     */
    public static void requireInRange(float[] values, int from, int count, int recordLength, long firstRecord,
            double min, double max, Object file) {
        for (int i = from; i < from + count; i++) {
            float v = values[i];
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(file + ": record " + (firstRecord + i / recordLength) + " holds "
                        + (Float.isFinite(v) ? "the value " + v + ", outside [" + min + ", " + max + "]" : "a non-finite value ("
                        + v + ")") + "; the file is damaged or was not written by DensityLab: regenerate the dataset");
            }
        }
    }

    /**
     * Checks labels or other small integers.
     *
     * @param values       the values read
     * @param recordLength values per record
     * @param min          smallest allowed
     * @param max          largest allowed
     * @param file         the file (named in the message)
     * @throws IllegalArgumentException naming the file, the record and the value
     */
    public static void requireInRange(byte[] values, int recordLength, int min, int max, Object file) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < min || values[i] > max) {
                throw new IllegalArgumentException(file + ": record " + i / recordLength + " holds the label " + values[i]
                        + ", outside " + min + ".." + max + "; regenerate the dataset");
            }
        }
    }

    /**
     * Checks that every parameter of a loaded network is finite.
     *
     * @param params name → array
     * @param file   where they were read from
     * @throws IllegalArgumentException naming the file and the first bad parameter
     */
    public static void requireFinite(Map<String, INDArray> params, Object file) {
        for (Map.Entry<String, INDArray> p : params.entrySet()) {
            INDArray a = p.getValue();
            if (a.isR() && (a.isInfinite().any() || a.isNaN().any())) {
                throw new IllegalArgumentException("checkpoint " + file + " holds non-finite weights (parameter "
                        + p.getKey() + "): the run that wrote it diverged; delete it and train again (e.g. with a lower"
                        + " learning rate)");
            }
        }
    }

    /**
     * Stops training at a non-finite loss.
     *
     * @param loss    the loss of a batch
     * @param step    optimiser steps so far (1-based, this one included)
     * @param epoch   1-based epoch
     * @param batch   1-based batch of the epoch
     * @param dataset the training data (a dataset folder, or a description)
     * @throws IllegalStateException naming the step, the batch and the dataset
     */
    public static void requireFiniteLoss(double loss, long step, int epoch, int batch, Object dataset) {
        if (!Double.isFinite(loss)) {
            throw new IllegalStateException("training stopped: the loss is " + loss + " at step " + step + " (epoch " + epoch
                    + ", batch " + batch + ") on the training data " + dataset + "; the last checkpoint is that of the"
                    + " previous epoch. Check the data, or resume with a lower learning rate");
        }
    }
}
