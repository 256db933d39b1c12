package org.densitylab.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A dataset on disk, checked against its manifest when opened and read on demand: by record range, whole
 * columns, or in batches. Nothing is held in memory but the manifest; reads go through {@link FileChannel}
 * positional reads, so the operating system's page cache does the caching, and are safe from several
 * threads.
 *
 * <pre>{@code
 * try (Dataset ds = Dataset.open(dir)) {
 *     for (Batch b : ds.batches(256).shuffleRecords(new Random(7)).columns("states", "labels")) {
 *         float[] x = b.column("states").floats();      // [b.size(), 2, 8, 8]
 *         byte[] y = b.column("labels").bytes();        // [b.size(), 3]
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #open(Path)} checks that every column file exists, is a valid {@code .npy} file whose type,
 * shape, header length and size match the manifest, and that the CRC32C of its data matches; each failure
 * is a {@link DatasetFormatException} naming the file, the expected and the actual value.
 */
public final class Dataset implements AutoCloseable {
    private final Path dir;
    private final Manifest manifest;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    private final FileChannel[] channels;

    private Dataset(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
        this.channels = new FileChannel[manifest.columns().size()];
        for (int c = 0; c < channels.length; c++) {
            index.put(manifest.columns().get(c).spec().name(), c);
        }
    }

    /**
     * Opens a dataset and verifies it completely, checksums included (streamed: about a second per GB
     * from the page cache).
     *
     * @param dir the dataset directory, holding {@code manifest.json}
     * @return the open dataset
     * @throws DatasetFormatException if the dataset is missing, incomplete, truncated or corrupt
     * @throws IOException            if it cannot be read
     */
    public static Dataset open(Path dir) throws IOException {
        return open(dir, true);
    }

    /**
     * Opens a dataset, verifying the manifest, headers and file sizes, and optionally the checksums.
     *
     * @param dir             the dataset directory, holding {@code manifest.json}
     * @param verifyChecksums whether to compare the CRC32C of every column's data with the manifest; skip it
     *                        for quick looks at large datasets, and call {@link #verifyChecksums()} later
     * @return the open dataset
     * @throws DatasetFormatException if the dataset is missing, incomplete, truncated or corrupt
     * @throws IOException            if it cannot be read
     */
    public static Dataset open(Path dir, boolean verifyChecksums) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path partial = DatasetWriter.partialDirectory(dir);
            throw new DatasetFormatException(Files.exists(partial)
                    ? "dataset " + dir + " does not exist, but " + partial + " does: its generation was "
                    + "interrupted; run the same generation again to resume it"
                    : "dataset " + dir + " does not exist (no such directory)");
        }
        Dataset ds = new Dataset(dir, Manifest.read(dir.resolve(DatasetWriter.MANIFEST)));
        try {
            for (int c = 0; c < ds.channels.length; c++) {
                ds.openColumn(c);
            }
            if (verifyChecksums) {
                ds.verifyChecksums();
            }
        } catch (IOException | RuntimeException e) {
            ds.close();
            throw e;
        }
        return ds;
    }

    private void openColumn(int c) throws IOException {
        Manifest.Column col = manifest.columns().get(c);
        ColumnSpec spec = col.spec();
        Path file = dir.resolve(spec.fileName());
        String remedy = "; regenerate the dataset (its recipe is in manifest.json)";
        if (!Files.isRegularFile(file)) {
            throw new DatasetFormatException("column '" + spec.name() + "': " + file + " is missing" + remedy);
        }
        channels[c] = FileChannel.open(file, StandardOpenOption.READ);
        Npy.Header h = Npy.readHeader(channels[c], file);
        long[] expected = spec.shape(manifest.records());
        if (h.dtype() != spec.dtype()) {
            throw new DatasetFormatException(file + " holds dtype '" + h.dtype().descr() + "' but the manifest "
                    + "says '" + spec.dtype().descr() + "'" + remedy);
        }
        if (!Arrays.equals(h.shape(), expected)) {
            throw new DatasetFormatException(file + " has shape " + Arrays.toString(h.shape())
                    + " but the manifest says " + Arrays.toString(expected) + remedy);
        }
        if (h.dataOffset() != col.dataOffset()) {
            throw new DatasetFormatException(file + " has its data at byte " + h.dataOffset()
                    + " but the manifest says " + col.dataOffset() + remedy);
        }
        long size = channels[c].size();
        long want = h.dataOffset() + col.bytes();
        if (size != want) {
            throw new DatasetFormatException(file + (size < want ? " is truncated" : " is too long") + ": it has "
                    + size + " bytes but its header and the manifest say " + want + " (" + h.dataOffset()
                    + " header + " + col.bytes() + " data)" + remedy);
        }
    }

    /**
     * Compares the CRC32C of every column's data with the manifest, streaming the files.
     *
     * @throws DatasetFormatException on the first mismatch, naming the column, file and both values
     * @throws IOException            if a file cannot be read
     */
    public void verifyChecksums() throws IOException {
        ByteBuffer scratch = FileIo.scratch();
        for (int c = 0; c < channels.length; c++) {
            Manifest.Column col = manifest.columns().get(c);
            Path file = dir.resolve(col.spec().fileName());
            long crc = FileIo.crc32c(channels[c], file, col.dataOffset(), col.dataOffset() + col.bytes(),
                    new CRC32C(), scratch);
            if (crc != col.crc32c()) {
                throw new DatasetFormatException("column '" + col.spec().name() + "' is corrupt: the CRC32C of the "
                        + "data in " + file + " is " + FileIo.hex(crc) + " but the manifest says "
                        + FileIo.hex(col.crc32c()) + "; regenerate the dataset (its recipe is in manifest.json)");
            }
        }
    }

    /** @return the dataset directory */
    public Path directory() {
        return dir;
    }

    /** @return the manifest: library version, creation time, info, records, columns and checksums */
    public Manifest manifest() {
        return manifest;
    }

    /** @return name, recipe, seed, conventions and metadata */
    public DatasetInfo info() {
        return manifest.info();
    }

    /** @return the number of records */
    public long records() {
        return manifest.records();
    }

    /** @return the columns in order */
    public List<ColumnSpec> columns() {
        return manifest.specs();
    }

    /**
     * @param name a column name
     * @return its description
     * @throws IllegalArgumentException if there is no such column; the message lists the columns
     */
    public ColumnSpec column(String name) {
        return manifest.columns().get(indexOf(name)).spec();
    }

    private int indexOf(String name) {
        Integer c = index.get(name);
        if (c == null) {
            throw new IllegalArgumentException("dataset " + dir + " has no column '" + name + "'; its columns are "
                    + index.keySet());
        }
        return c;
    }

    /**
     * Reads records {@code [start, start + count)} of a {@link DType#FLOAT32} column into {@code dst[0..]}.
     *
     * @param column the column name
     * @param start  the first record
     * @param count  the number of records
     * @param dst    receives count × record elements values, in C order
     * @throws IllegalArgumentException  if the column does not exist or holds another type
     * @throws IndexOutOfBoundsException if the records are out of range or {@code dst} is too short
     * @throws IOException               if reading fails
     */
    public void readFloats(String column, long start, int count, float[] dst) throws IOException {
        read(column, start, count, dst);
    }

    /**
     * Reads records of a {@link DType#FLOAT64} column; see {@link #readFloats}.
     *
     * @param column the column name
     * @param start  the first record
     * @param count  the number of records
     * @param dst    receives count × record elements values, in C order
     * @throws IOException if reading fails
     */
    public void readDoubles(String column, long start, int count, double[] dst) throws IOException {
        read(column, start, count, dst);
    }

    /**
     * Reads records of a {@link DType#UINT8} column (unsigned: use {@code b & 0xFF}); see {@link #readFloats}.
     *
     * @param column the column name
     * @param start  the first record
     * @param count  the number of records
     * @param dst    receives count × record elements values, in C order
     * @throws IOException if reading fails
     */
    public void readBytes(String column, long start, int count, byte[] dst) throws IOException {
        read(column, start, count, dst);
    }

    /**
     * Reads records of an {@link DType#INT32} column; see {@link #readFloats}.
     *
     * @param column the column name
     * @param start  the first record
     * @param count  the number of records
     * @param dst    receives count × record elements values, in C order
     * @throws IOException if reading fails
     */
    public void readInts(String column, long start, int count, int[] dst) throws IOException {
        read(column, start, count, dst);
    }

    /**
     * Reads records of an {@link DType#INT64} column; see {@link #readFloats}.
     *
     * @param column the column name
     * @param start  the first record
     * @param count  the number of records
     * @param dst    receives count × record elements values, in C order
     * @throws IOException if reading fails
     */
    public void readLongs(String column, long start, int count, long[] dst) throws IOException {
        read(column, start, count, dst);
    }

    /**
     * Reads records {@code [start, start + count)} of a column into a new array of shape
     * {@code [count, recordShape...]}.
     *
     * @param column the column name
     * @param start  the first record
     * @param count  the number of records
     * @return the records
     * @throws IllegalArgumentException  if the column does not exist or the records do not fit one Java array
     * @throws IndexOutOfBoundsException if the records are out of range
     * @throws IOException               if reading fails
     */
    public NpyArray read(String column, long start, int count) throws IOException {
        ColumnSpec spec = column(column);
        long elements = (long) count * spec.recordElements();
        if (elements > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(count + " records of column '" + column + "' have " + elements
                    + " elements, more than one Java array holds; read fewer records at a time");
        }
        Object dst = spec.dtype().newArray((int) Math.max(0, elements));
        read(column, start, count, dst);
        return NpyArray.of(dst, spec.shape(count));
    }

    /**
     * Reads a whole column into memory, for columns that fit in one Java array.
     *
     * @param column the column name
     * @return the column, of shape {@code [records, recordShape...]}
     * @throws IllegalArgumentException if the column does not exist or is too large for one Java array
     * @throws IOException              if reading fails
     */
    public NpyArray readColumn(String column) throws IOException {
        if (records() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("column '" + column + "' has " + records()
                    + " records, too many for one Java array; read it in parts or in batches");
        }
        return read(column, 0, (int) records());
    }

    /**
     * Streams the dataset in batches of consecutive records, in order; the returned object configures
     * shuffling and the columns read.
     *
     * @param batchSize the number of records per batch (the last may be smaller), at least 1
     * @return the batches, iterable any number of times
     * @throws IllegalArgumentException if {@code batchSize} is less than 1
     */
    public Batches batches(int batchSize) {
        return new Batches(this, batchSize);
    }

    /** Reads {@code count} records from {@code start} into {@code dst[0..]} (type-checked). */
    private void read(String column, long start, int count, Object dst) throws IOException {
        int c = indexOf(column);
        long bytes = Math.max(0, count) * manifest.columns().get(c).spec().recordBytes();
        read(c, start, count, dst, 0, FileIo.scratch(bytes));
    }

    /** Reads {@code count} records from {@code start} into {@code dst[offset..]} (type-checked). */
    void read(int c, long start, int count, Object dst, int offset, ByteBuffer scratch) throws IOException {
        ColumnSpec spec = manifest.columns().get(c).spec();
        if (DType.ofArray(dst) != spec.dtype()) {
            throw new IllegalArgumentException("column '" + spec.name() + "' holds " + spec.dtype() + " ('"
                    + spec.dtype().descr() + "'), not " + DType.ofArray(dst));
        }
        if (start < 0 || count < 0 || start > records() - count) {
            throw new IndexOutOfBoundsException("records [" + start + ", " + (start + count) + ") of column '"
                    + spec.name() + "' are out of range: the dataset has " + records() + " records");
        }
        long elements = (long) count * spec.recordElements();
        int length = java.lang.reflect.Array.getLength(dst);
        if (offset + elements > length) {
            throw new IndexOutOfBoundsException(count + " records of column '" + spec.name() + "' need "
                    + elements + " elements from offset " + offset + " but the array has " + length);
        }
        long position = manifest.columns().get(c).dataOffset() + start * spec.recordBytes();
        FileIo.readElements(channels[c], dir.resolve(spec.fileName()), position, spec.dtype(), dst, offset,
                (int) elements, scratch);
    }

    /** @return the index of a column by name, for the batch reader */
    int columnIndex(String name) {
        return indexOf(name);
    }

    /**
     * Closes the files. Idempotent.
     *
     * @throws IOException if a file cannot be closed
     */
    @Override
    public void close() throws IOException {
        FileIo.closeAll(channels);
    }

    /** @return column names in order */
    List<String> columnNames() {
        return new ArrayList<>(index.keySet());
    }
}
