package org.densitylab.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import org.densitylab.util.AtomicFiles;

/**
 * Writes a dataset column by column as records are generated, without holding it in memory, so that it
 * appears under its final name only when complete and an interrupted run can resume.
 *
 * <pre>{@code
 * try (DatasetWriter w = DatasetWriter.resume(dir, info, List.of(states, labels))) {
 *     for (long i = w.recordsWritten(); i < n; i += chunk) {       // 0 unless resuming
 *         int k = (int) Math.min(chunk, n - i);
 *         w.append(Chunk.of(k).with("states", genStates(i, k)).with("labels", genLabels(i, k)));
 *     }
 *     w.commit();
 * }
 * }</pre>
 *
 * <p>Records go to {@code <dir>.partial/}, a sibling of the final directory: one {@code .npy} file per
 * column, written after a header for zero records. After each {@link #append} the column files are synced
 * and a checkpoint, {@code progress.json} (the manifest's schema with the records and CRC32Cs so far), is
 * replaced atomically. {@link #commit} writes the final headers and {@code manifest.json}, syncs, and
 * renames the directory to its final name. {@link #close} without commit (an exception, a kill) leaves the
 * final name untouched and the partial directory resumable: {@link #resume} checks that the run is the
 * same (name, recipe, seed, conventions, columns), cuts each file back to the last checkpoint, verifies its
 * CRC32C, and continues.
 *
 * <p>Each checkpoint syncs every file, so chunks should take a second or more to generate. A writer is
 * not thread-safe; only one process may write a given dataset at a time.
 */
public final class DatasetWriter implements AutoCloseable {
    /** Options for {@link #create} and {@link #resume}. */
    public enum Option {
        /**
         * Replace a finished dataset of the same name at commit (otherwise it is an error). The old one is
         * renamed to {@code <dir>.replaced}, the new one into place, then the old one deleted: a crash
         * between the two renames leaves the old dataset under {@code <dir>.replaced}.
         */
        REPLACE_EXISTING
    }

    static final String PROGRESS = "progress.json";
    static final String MANIFEST = "manifest.json";

    private final Path dir;
    private final Path partial;
    private final DatasetInfo info;
    private final List<ColumnSpec> columns;
    private final boolean replace;
    private final FileChannel[] channels;
    private final int[] dataOffsets;
    private final CRC32C[] crcs;
    private final ByteBuffer scratch = FileIo.scratch();
    private long records;
    private boolean failed;
    private boolean closed;

    private DatasetWriter(Path dir, DatasetInfo info, List<ColumnSpec> columns, boolean replace) {
        this.dir = dir;
        this.partial = partialDirectory(dir);
        this.info = info;
        this.columns = List.copyOf(columns);
        this.replace = replace;
        this.channels = new FileChannel[columns.size()];
        this.dataOffsets = new int[columns.size()];
        this.crcs = new CRC32C[columns.size()];
    }

    /**
     * @param dir the final directory of a dataset
     * @return the sibling directory a run writes into, {@code <dir>.partial}
     */
    public static Path partialDirectory(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".partial");
    }

    /**
     * The checkpoint of an interrupted run of a dataset (what {@link #resume} would continue).
     *
     * @param dir the final directory of the dataset
     * @return its manifest so far (name, recipe, seed, records), or null if there is no interrupted run
     * @throws IOException if the checkpoint cannot be read
     */
    public static Manifest interruptedRun(Path dir) throws IOException {
        Path partial = partialDirectory(dir);
        if (!Files.exists(partial)) {
            return null;
        }
        Path progress = partial.resolve(PROGRESS);
        return Manifest.read(Files.exists(progress) ? progress : partial.resolve(MANIFEST), "delete " + partial,
                Manifest.PROGRESS_FORMAT, Manifest.FORMAT);
    }

    /**
     * Starts writing a new dataset.
     *
     * @param dir     the final directory of the dataset; its parent is created if needed
     * @param info    name, recipe, seed, conventions and metadata
     * @param columns the columns, in order, with distinct names
     * @param options {@link Option#REPLACE_EXISTING} to replace a finished dataset at commit
     * @return the writer, at record 0
     * @throws IllegalArgumentException   if there are no columns or two have the same name
     * @throws FileAlreadyExistsException if the dataset exists (without {@code REPLACE_EXISTING}) or an
     *                                    interrupted run's {@code .partial} directory exists
     * @throws IOException                if the files cannot be created
     */
    public static DatasetWriter create(Path dir, DatasetInfo info, List<ColumnSpec> columns, Option... options)
            throws IOException {
        DatasetWriter w = new DatasetWriter(dir, info, checkColumns(columns), has(options));
        w.checkTarget();
        if (Files.exists(w.partial)) {
            throw new FileAlreadyExistsException(w.partial.toString(), null, "an interrupted run of this "
                    + "dataset exists: continue it with DatasetWriter.resume, or delete the directory to start over");
        }
        Files.createDirectories(w.partial.getParent());
        Files.createDirectory(w.partial);
        try {
            for (int c = 0; c < w.columns.size(); c++) {
                ColumnSpec spec = w.columns.get(c);
                byte[] header = Npy.header(spec.dtype(), spec.shape(0));
                w.channels[c] = FileChannel.open(w.partial.resolve(spec.fileName()), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.READ, StandardOpenOption.WRITE);
                w.channels[c].write(ByteBuffer.wrap(header), 0);
                w.dataOffsets[c] = header.length;
                w.crcs[c] = new CRC32C();
            }
            w.checkpoint();
        } catch (IOException | RuntimeException e) {
            w.closeChannels();
            throw e;
        }
        return w;
    }

    /**
     * Continues an interrupted run, or starts a new one if there is none: the call to use in generators
     * that must survive interruption. Start generating at {@link #recordsWritten()}.
     *
     * @param dir     the final directory of the dataset
     * @param info    must match the interrupted run's name, recipe, seed and conventions; its metadata
     *                replaces the run's
     * @param columns must match the interrupted run's columns
     * @param options {@link Option#REPLACE_EXISTING} to replace a finished dataset at commit
     * @return the writer, at the last checkpoint's record count
     * @throws DatasetFormatException     if the run differs from the caller's (the message names the
     *                                    field and both values), or its files are damaged
     * @throws FileAlreadyExistsException if the dataset exists, without {@code REPLACE_EXISTING}
     * @throws IOException                if the files cannot be read or written
     */
    public static DatasetWriter resume(Path dir, DatasetInfo info, List<ColumnSpec> columns, Option... options)
            throws IOException {
        DatasetWriter w = new DatasetWriter(dir, info, checkColumns(columns), has(options));
        w.checkTarget();
        if (!Files.exists(w.partial)) {
            return create(dir, info, columns, options);
        }
        String remedy = "delete " + w.partial + " to start over";
        Path progress = w.partial.resolve(PROGRESS);
        // After commit removed the checkpoint and before the rename, the manifest is the checkpoint.
        Path checkpoint = Files.exists(progress) ? progress : w.partial.resolve(MANIFEST);
        Manifest saved = Manifest.read(checkpoint, remedy, Manifest.PROGRESS_FORMAT, Manifest.FORMAT);
        String difference = saved.info().differenceFrom(info);
        if (difference == null && !saved.specs().equals(w.columns)) {
            difference = "its columns are " + saved.specs() + " but the caller's are " + w.columns;
        }
        if (difference != null) {
            throw new DatasetFormatException("cannot resume " + w.partial + ": " + difference
                    + "; resume with the original parameters, or " + remedy);
        }
        try {
            for (int c = 0; c < w.columns.size(); c++) {
                w.reopen(c, saved.columns().get(c), saved.records(), remedy);
            }
        } catch (IOException | RuntimeException e) {
            w.closeChannels();
            throw e;
        }
        w.records = saved.records();
        return w;
    }

    /** Opens a column file of an interrupted run, cuts it back to the checkpoint and verifies its CRC. */
    private void reopen(int c, Manifest.Column saved, long count, String remedy) throws IOException {
        ColumnSpec spec = columns.get(c);
        Path file = partial.resolve(spec.fileName());
        if (!Files.exists(file)) {
            throw new DatasetFormatException("cannot resume: " + file + " is missing; " + remedy);
        }
        channels[c] = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        Npy.Header h = Npy.readHeader(channels[c], file);
        long[] shape = h.shape();
        long[] expected = spec.shape(count);
        if (shape.length > 0) {
            expected[0] = shape[0]; // the count in the header is only patched at commit
        }
        if (h.dtype() != spec.dtype() || !Arrays.equals(shape, expected) || h.dataOffset() != saved.dataOffset()) {
            throw new DatasetFormatException("cannot resume: " + file + " has a header for " + h.dtype().descr()
                    + " " + Arrays.toString(shape) + " with data at byte " + h.dataOffset() + ", expected "
                    + spec.dtype().descr() + " " + Arrays.toString(expected) + " at byte " + saved.dataOffset()
                    + "; " + remedy);
        }
        long end = h.dataOffset() + count * spec.recordBytes();
        if (channels[c].size() < end) {
            throw new DatasetFormatException("cannot resume: " + file + " has " + channels[c].size()
                    + " bytes but the checkpoint of " + count + " records needs " + end + "; " + remedy);
        }
        channels[c].truncate(end);
        dataOffsets[c] = h.dataOffset();
        crcs[c] = new CRC32C();
        long crc = FileIo.crc32c(channels[c], file, h.dataOffset(), end, crcs[c], scratch);
        if (crc != saved.crc32c()) {
            throw new DatasetFormatException("cannot resume: the CRC32C of the first " + count + " records of "
                    + file + " is " + FileIo.hex(crc) + " but the checkpoint recorded " + FileIo.hex(saved.crc32c())
                    + ": the file is corrupt; " + remedy);
        }
    }

    private static List<ColumnSpec> checkColumns(List<ColumnSpec> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a dataset needs at least one column");
        }
        Set<String> names = new HashSet<>();
        for (ColumnSpec c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("column name '" + c.name() + "' appears twice");
            }
        }
        return columns;
    }

    private static boolean has(Option... options) {
        return Arrays.asList(options).contains(Option.REPLACE_EXISTING);
    }

    private void checkTarget() throws FileAlreadyExistsException {
        if (Files.exists(dir) && !replace) {
            throw new FileAlreadyExistsException(dir.toString(), null, "the dataset exists: delete it, "
                    + "choose another name, or pass DatasetWriter.Option.REPLACE_EXISTING");
        }
    }

    /** @return the number of records written and checkpointed; a resumed run continues from here */
    public long recordsWritten() {
        return records;
    }

    /** @return the columns, in order */
    public List<ColumnSpec> columns() {
        return columns;
    }

    /**
     * Appends a chunk of records to every column, syncs the files and checkpoints.
     *
     * @param chunk one array per column of this dataset, each of chunk records × record elements
     * @throws IllegalArgumentException if a column is missing, unknown, of the wrong type or length; nothing
     *                                  is written then
     * @throws IllegalStateException    if the writer is closed or an earlier append failed (resume instead)
     * @throws IOException              if writing fails; the writer is then unusable, and the run can be
     *                                  resumed from the last checkpoint
     */
    public void append(Chunk chunk) throws IOException {
        checkOpen();
        Map<String, Object> arrays = chunk.arrays();
        for (ColumnSpec spec : columns) {
            Object a = arrays.get(spec.name());
            if (a == null) {
                throw new IllegalArgumentException("the chunk has no array for column '" + spec.name() + "'");
            }
            DType t = DType.ofArray(a);
            if (t != spec.dtype()) {
                throw new IllegalArgumentException("column '" + spec.name() + "' holds " + spec.dtype()
                        + " but the chunk's array is " + t);
            }
            long expected = (long) chunk.records() * spec.recordElements();
            int length = java.lang.reflect.Array.getLength(a);
            if (length != expected) {
                throw new IllegalArgumentException("column '" + spec.name() + "': " + chunk.records()
                        + " records of shape " + Arrays.toString(spec.recordShape()) + " need " + expected
                        + " elements but the chunk's array has " + length);
            }
        }
        for (String name : arrays.keySet()) {
            if (columns.stream().noneMatch(s -> s.name().equals(name))) {
                throw new IllegalArgumentException("the chunk has an array for '" + name
                        + "', which is not a column of this dataset " + columns);
            }
        }
        failed = true; // until the checkpoint is written
        for (int c = 0; c < columns.size(); c++) {
            ColumnSpec spec = columns.get(c);
            long position = dataOffsets[c] + records * spec.recordBytes();
            FileIo.writeElements(channels[c], position, spec.dtype(), arrays.get(spec.name()), 0,
                    chunk.records() * spec.recordElements(), scratch, crcs[c]);
        }
        records += chunk.records();
        checkpoint();
        failed = false;
    }

    /** Syncs the column files, then records the count and CRCs in {@code progress.json}. */
    private void checkpoint() throws IOException {
        for (FileChannel ch : channels) {
            ch.force(false);
        }
        AtomicFiles.writeString(partial.resolve(PROGRESS), manifest().toJson(Manifest.PROGRESS_FORMAT));
    }

    private Manifest manifest() {
        List<Manifest.Column> cols = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            ColumnSpec spec = columns.get(c);
            cols.add(new Manifest.Column(spec, dataOffsets[c], records * spec.recordBytes(), crcs[c].getValue()));
        }
        return new Manifest(Manifest.currentLibraryVersion(), Instant.now(), info, records, cols);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the writer of " + dir + " is closed");
        }
        if (failed) {
            throw new IllegalStateException("an earlier write to " + partial + " failed; "
                    + "continue with DatasetWriter.resume, which restarts from the last checkpoint");
        }
    }

    /**
     * Finishes the dataset: writes the final {@code .npy} headers and {@code manifest.json}, syncs, and
     * renames the partial directory to the final name, replacing an existing dataset only with
     * {@link Option#REPLACE_EXISTING}. The writer is closed afterwards.
     *
     * @return the final directory
     * @throws IllegalStateException      if the writer is closed or an earlier append failed
     * @throws FileAlreadyExistsException if the dataset appeared meanwhile, without {@code REPLACE_EXISTING}
     * @throws IOException                if writing or renaming fails; the run stays resumable
     */
    public Path commit() throws IOException {
        checkOpen();
        checkTarget();
        for (int c = 0; c < columns.size(); c++) {
            byte[] header = Npy.header(columns.get(c).dtype(), columns.get(c).shape(records));
            if (header.length != dataOffsets[c]) {
                throw new IllegalStateException("header length changed from " + dataOffsets[c] + " to " + header.length);
            }
            channels[c].write(ByteBuffer.wrap(header), 0);
            channels[c].force(true);
        }
        AtomicFiles.writeString(partial.resolve(MANIFEST), manifest().toJson(Manifest.FORMAT));
        Files.deleteIfExists(partial.resolve(PROGRESS));
        AtomicFiles.fsyncDirectory(partial);
        close();
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            Path old = target.resolveSibling(target.getFileName() + ".replaced");
            FileIo.deleteRecursively(old);
            AtomicFiles.move(target, old);
            AtomicFiles.move(partial, target);
            FileIo.deleteRecursively(old);
        } else {
            AtomicFiles.move(partial, target);
        }
        return target;
    }

    /**
     * Deletes the partial directory: the run is abandoned and cannot be resumed. Closes the writer.
     *
     * @throws IOException if the files cannot be deleted
     */
    public void discard() throws IOException {
        close();
        FileIo.deleteRecursively(partial);
    }

    /**
     * Releases the files. Without a {@link #commit}, the dataset does not appear and the partial directory
     * stays, resumable from the last checkpoint. Idempotent.
     *
     * @throws IOException if a file cannot be closed
     */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            closeChannels();
        }
    }

    private void closeChannels() throws IOException {
        FileIo.closeAll(channels);
    }
}
