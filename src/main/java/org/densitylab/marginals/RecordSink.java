package org.densitylab.marginals;

/**
 * Receives the records of a {@link MarginalsDataset} in chunks. The generator calls {@link #accept} from one
 * thread at a time, in increasing {@code firstIndex} order, covering indices 0..size−1 without gaps, so a
 * streaming file writer can append directly. The arrays are reused after the call returns: copy what you keep.
 */
@FunctionalInterface
public interface RecordSink {
    /**
     * One chunk of consecutive records {@code firstIndex .. firstIndex+count−1}. Record j of the chunk
     * occupies {@code inputs[j*2n² .. (j+1)*2n²)} and the same range of {@code targets}, each a
     * {@code [2, n, n]} float32 tensor (channel 0 real, channel 1 imaginary, row-major, big-endian; n = 2^N).
     *
     * @param firstIndex dataset index of the chunk's first record
     * @param inputs     MIO outputs \(\tilde X\), {@code count} × [2, n, n]
     * @param targets    target states ρ, {@code count} × [2, n, n]
     * @param ranks      rank r of each target
     * @param count      number of records in the chunk (the arrays may be longer)
     */
    void accept(long firstIndex, float[] inputs, float[] targets, int[] ranks, int count);
}
