package org.densitylab.data;

/**
 * Writes one record of a dataset. Implementations must be thread-safe and deterministic: record
 * {@code index} may depend only on the index and the dataset's seed.
 */
@FunctionalInterface
public interface RecordFiller {
    /**
     * Generates record {@code index} into slot {@code slot} of the buffers.
     *
     * @param index the record's index in the dataset
     * @param out   the chunk's column buffers
     * @param slot  the record's position in the chunk
     */
    void fill(long index, ChunkBuffers out, int slot);
}
