package org.densitylab.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.CRC32C;

/** File plumbing shared by the readers and writers: bulk element transfer, checksums, deletion (atomic replacement:
 * {@link org.densitylab.util.AtomicFiles}). */
final class FileIo {
    /** Bytes moved per system call; bounds the scratch memory of every transfer. */
    static final int BLOCK_BYTES = 1 << 20;

    private FileIo() {
    }

    /** @return a little-endian heap buffer of {@link #BLOCK_BYTES} */
    static ByteBuffer scratch() {
        return scratch(BLOCK_BYTES);
    }

    /** @return a little-endian heap buffer for a transfer of {@code bytes}, at most {@link #BLOCK_BYTES} */
    static ByteBuffer scratch(long bytes) {
        return ByteBuffer.allocate((int) Math.max(8, Math.min(BLOCK_BYTES, bytes))).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Reads {@code count} elements at byte {@code position} of {@code ch} into {@code dst[offset..]}.
     *
     * @throws DatasetFormatException if the file ends first
     */
    static void readElements(FileChannel ch, Path file, long position, DType dtype, Object dst, int offset,
                             int count, ByteBuffer scratch) throws IOException {
        int perBlock = scratch.capacity() / dtype.size();
        long pos = position;
        for (int done = 0; done < count; ) {
            int n = Math.min(perBlock, count - done);
            scratch.clear().limit(n * dtype.size());
            readFully(ch, file, scratch, pos);
            scratch.flip();
            dtype.get(scratch, dst, offset + done, n);
            done += n;
            pos += (long) n * dtype.size();
        }
    }

    /**
     * Writes {@code src[offset..offset+count)} at byte {@code position} of {@code ch}, updating
     * {@code crc} (if not null) with the bytes written.
     */
    static void writeElements(FileChannel ch, long position, DType dtype, Object src, int offset, int count,
                              ByteBuffer scratch, CRC32C crc) throws IOException {
        int perBlock = scratch.capacity() / dtype.size();
        long pos = position;
        for (int done = 0; done < count; ) {
            int n = Math.min(perBlock, count - done);
            scratch.clear();
            dtype.put(src, offset + done, n, scratch);
            scratch.limit(n * dtype.size());
            if (crc != null) {
                crc.update(scratch.duplicate());
            }
            while (scratch.hasRemaining()) {
                pos += ch.write(scratch, pos);
            }
            done += n;
        }
    }

    /** Fills {@code buf} from byte {@code position}; a short file is a {@link DatasetFormatException}. */
    static void readFully(FileChannel ch, Path file, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new DatasetFormatException(file + " is truncated: it ends at byte " + pos
                        + " but " + buf.remaining() + " more bytes were expected");
            }
            pos += n;
        }
    }

    /** Updates {@code crc} with bytes {@code [from, to)} of {@code ch}, streamed; returns its value. */
    static long crc32c(FileChannel ch, Path file, long from, long to, CRC32C crc, ByteBuffer scratch)
            throws IOException {
        for (long pos = from; pos < to; ) {
            int n = (int) Math.min(scratch.capacity(), to - pos);
            scratch.clear().limit(n);
            readFully(ch, file, scratch, pos);
            scratch.flip();
            crc.update(scratch);
            pos += n;
        }
        return crc.getValue();
    }

    /** Deletes a directory tree; a missing directory is fine. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** CRC32C as the eight lower-case hex digits stored in manifests. */
    static String hex(long crc) {
        return String.format("%08x", crc);
    }

    /**
     * Closes every non-null channel, even if some fail; rethrows the first failure.
     *
     * @param channels the channels
     * @throws IOException the first close failure
     */
    static void closeAll(FileChannel... channels) throws IOException {
        IOException first = null;
        for (FileChannel ch : channels) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
