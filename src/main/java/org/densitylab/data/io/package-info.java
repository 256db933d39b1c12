/**
 * The on-disk dataset format: a directory of NumPy {@code .npy} columns and a JSON manifest, written
 * atomically and resumably, read back exactly, in batches, without holding the dataset in memory.
 *
 * <h2>Layout</h2>
 * <pre>
 * demo/
 *   manifest.json     what the dataset is (below)
 *   states.npy        float32 [n, 2, d, d]    one .npy file per column, all with n records
 *   labels.npy        uint8   [n, m]
 * </pre>
 * Each column is a standard {@code .npy} file (format version 1.0, little-endian, C order, data at a
 * multiple of 64 bytes), byte-identical to what {@code numpy.save} writes for the same array, so Python
 * needs nothing but NumPy:
 * <pre>
 * import json, numpy as np
 * m = json.load(open('demo/manifest.json'))
 * x = np.load('demo/states.npy', mmap_mode='r')   # (1000, 2, 4, 4) float32, paged in on demand
 * </pre>
 * Supported element types ({@link org.densitylab.data.io.DType}): {@code <f4}, {@code <f8}, {@code |u1},
 * {@code <i4}, {@code <i8}. {@link org.densitylab.data.io.Npy} reads and writes single {@code .npy} files
 * (reading versions 1.0, 2.0 and 3.0; rejecting Fortran order and big-endian types).
 *
 * <h2>Use</h2>
 * <pre>{@code
 * record Recipe(String generator, int qubits) {}
 * ColumnSpec states = ColumnSpec.of("states", DType.FLOAT32, 2, 4, 4);
 * ColumnSpec labels = ColumnSpec.of("labels", DType.UINT8, 3);
 * DatasetInfo info = DatasetInfo.of("demo", new Recipe("random", 2), 42)
 *         .withConventions(Map.of("qubitOrder", "qubit 0 is the most significant bit"));
 * try (DatasetWriter w = DatasetWriter.resume(dir, info, List.of(states, labels))) {
 *     for (long i = w.recordsWritten(); i < 1000; i += 100) {     // restarts where an interrupted run stopped
 *         w.append(Chunk.of(100).with("states", new float[100 * 32]).with("labels", new byte[100 * 3]));
 *     }
 *     w.commit();                                                 // demo/ appears, complete
 * }
 * try (Dataset ds = Dataset.open(dir)) {                          // checks sizes, headers and CRC32Cs
 *     for (Batch b : ds.batches(64).shuffleRecords(new Random(7))) {
 *         float[] x = b.column("states").floats();                // [b.size(), 2, 4, 4]
 *         byte[] y = b.column("labels").bytes();                  // [b.size(), 3]
 *     }
 * }
 * }</pre>
 * ({@code PackageExampleTest} runs this code, and fails if this text and the test differ.)
 *
 * <h2>Manifest</h2>
 * {@code manifest.json} is UTF-8 JSON, pretty-printed, with snake_case keys:
 * <pre>
 * {
 *   "format": "densitylab-dataset",          always
 *   "format_version": 1,                     readers refuse other versions
 *   "library_version": "0.1.0",              Implementation-Version of the jar, or "dev"
 *   "name": "demo",
 *   "created": "2026-11-22T02:30:00Z",       commit time, ISO-8601 UTC, to the second
 *   "records": 1000,
 *   "seed": 42,
 *   "recipe": { "generator": "random", "qubits": 2 },        the caller's object
 *   "conventions": { "qubitOrder": "qubit 0 is the most significant bit" },
 *   "columns": [                             in order
 *     {
 *       "name": "states",
 *       "file": "states.npy",                always name + ".npy"
 *       "dtype": "&lt;f4",                      NumPy type string
 *       "record_shape": [2, 4, 4],
 *       "shape": [1000, 2, 4, 4],            [records] + record_shape
 *       "data_offset": 128,                  .npy header length
 *       "bytes": 128000,                     data bytes after the header
 *       "crc32c": "1c2d3e4f"                 CRC32C (Castagnoli) of those bytes, 8 hex digits
 *     }
 *   ],
 *   "metadata": { }                          the caller's object, free form
 * }
 * </pre>
 *
 * <h2>Writing: atomic, checkpointed, resumable</h2>
 * {@link org.densitylab.data.io.DatasetWriter} writes into {@code demo.partial/} next to {@code demo/}.
 * Each {@code .npy} file starts with a header for 0 records whose length does not depend on the count
 * (NumPy reserves 21 digits for the first dimension), and grows by appends. After each chunk the files are
 * synced and {@code progress.json} (the manifest schema with {@code "format":
 * "densitylab-dataset-progress"}, the records and CRC32Cs so far) is replaced atomically (temporary file,
 * fsync, rename). Commit patches the headers with the count, writes {@code manifest.json}, removes the
 * checkpoint and renames {@code demo.partial/} to {@code demo/}. Wherever a run stops, {@code demo/} is
 * absent or complete; {@code resume} cuts each file back to the checkpoint, re-verifies the CRC32C of
 * what is kept, refuses a different name, recipe, seed, conventions or columns, and continues.
 * Generators that derive each record from (seed, index) then produce byte-identical files, interrupted or
 * not.
 *
 * <h2>Reading and errors</h2>
 * {@link org.densitylab.data.io.Dataset#open} checks the manifest's fields, then every column: file
 * present, valid {@code .npy} magic and header, type, shape and data offset as in the manifest, file
 * length exactly header + data, and (by default, streamed) the CRC32C. Each failure is a
 * {@link org.densitylab.data.io.DatasetFormatException} naming the file, the expected and the actual value
 * and the remedy. Reads use positional {@code FileChannel} reads (no 2 GB mapping limit; the page cache
 * does the caching), are safe from several threads, and allocate at most 1 MB of scratch per call.
 */
package org.densitylab.data.io;
