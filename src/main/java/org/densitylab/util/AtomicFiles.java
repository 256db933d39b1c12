package org.densitylab.util;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way DensityLab writes a file: into a temporary sibling with a unique name (so two writers never share
 * one), flushed to disk, given its final permissions, and renamed over the target in one atomic step, after which
 * the folder entry is flushed too. A reader sees the old file or the new one, never part of one; an interrupted
 * write leaves at most a hidden {@code .NAME.*.tmp} that nothing reads.
 *
 * <p>Files are readable by everyone ({@code rw-r--r--}, like the datasets) unless written with
 * {@link #writeSecret}. Every failure names the file and the reason (e.g. "No space left on device").
 */
public final class AtomicFiles {
    /** Permissions of an ordinary result file. */
    public static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");
    /** Permissions of a file holding a secret. */
    public static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");

    private AtomicFiles() {
    }

    /** Writes the content of a file to a stream (not to be closed by the writer). */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the stream
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content of a file to a channel, at any positions. */
    @FunctionalInterface
    public interface ChannelContent {
        /**
         * @param ch the channel of the temporary file
         * @throws IOException if writing fails
         */
        void writeTo(FileChannel ch) throws IOException;
    }

    /**
     * Replaces a file atomically with text (UTF-8).
     *
     * @param file the file; its folder is created if needed
     * @param text the content
     * @throws IOException naming the file if it cannot be written
     */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Replaces a file atomically with what {@code content} writes to a stream.
     *
     * @param file    the file; its folder is created if needed
     * @param content the writer
     * @throws IOException naming the file if it cannot be written
     */
    public static void write(Path file, Content content) throws IOException {
        writeChannel(file, PUBLIC, ch -> {
            OutputStream out = new FilterOutputStream(Channels.newOutputStream(ch)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            };
            content.writeTo(out);
            out.flush();
        });
    }

    /**
     * Replaces a file atomically with text that only its owner may read ({@code rw-------}).
     *
     * @param file the file
     * @param text the content
     * @throws IOException naming the file if it cannot be written
     */
    public static void writeSecret(Path file, String text) throws IOException {
        writeChannel(file, SECRET, ch -> {
            ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
        });
    }

    /**
     * Replaces a file atomically with what {@code content} writes to a channel.
     *
     * @param file        the file; its folder is created if needed
     * @param permissions its permissions ({@link #PUBLIC} or {@link #SECRET}; ignored where the file system has none)
     * @param content     the writer
     * @throws IOException naming the file if it cannot be written
     */
    public static void writeChannel(Path file, Set<PosixFilePermission> permissions, ChannelContent content) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                content.writeTo(ch);
                ch.force(true);
            }
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, permissions);
            }
            move(tmp, target);
            tmp = null;
        } catch (IOException e) {
            throw failure("cannot write " + file, e);
        } finally {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Appends one line to a text file (a log such as {@code command.txt}), atomically: the file holds either the
     * old lines or the old lines and the new one.
     *
     * @param file the file, created if missing
     * @param line the line, without its newline
     * @throws IOException naming the file if it cannot be read or written
     */
    public static void appendLine(Path file, String line) throws IOException {
        String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        writeString(file, old + (old.isEmpty() || old.endsWith("\n") ? "" : "\n") + line + "\n");
    }

    /**
     * Renames a file or folder atomically (replacing a file, not a non-empty folder) and flushes the folder entry.
     *
     * @param from the source
     * @param to   the target
     * @throws IOException naming the target if the file system cannot rename atomically or the rename fails
     */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + to + " cannot rename atomically; write to a local disk", e);
        } catch (IOException e) {
            throw failure("cannot rename " + from + " to " + to, e);
        }
        fsyncDirectory(to.toAbsolutePath().getParent());
    }

    /**
     * Makes a folder's entries (creations, renames) durable; a no-op where folders cannot be opened.
     *
     * @param dir the folder
     */
    public static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not supported on this platform (e.g. Windows); the rename itself is still atomic
        }
    }

    /**
     * An input/output failure described for people: what was being done, the file and the system's reason,
     * without Java class names.
     *
     * @param what  what failed, naming the file ("cannot write results.csv")
     * @param cause the failure
     * @return an exception whose message says all that (the cause kept for debugging)
     */
    public static IOException failure(String what, IOException cause) {
        if (cause.getMessage() != null && cause.getMessage().startsWith(what)) {
            return cause;
        }
        return new IOException(what + ": " + reason(cause), cause);
    }

    /**
     * @param e a failure
     * @return the system's reason, e.g. "No space left on device" or "permission denied on /x"
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return "no such file or folder " + n.getFile();
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied on " + a.getFile();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + (f.getFile() == null ? "" : " (" + f.getFile() + ")");
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }
}
