package org.densitylab.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The lock of a folder a run writes into ({@code run.lock}, an operating-system file lock, released when the run
 * ends or its process dies). A second writer, in another process or another thread, is refused with a clear
 * message; the thread holding the lock may take it again (an experiment and the trainer it runs share a folder).
 */
public final class RunLock implements AutoCloseable {
    /** The lock file's name. */
    public static final String FILE = "run.lock";
    private static final Map<Path, RunLock> HELD = new HashMap<>();

    private final Path dir;
    private final Thread owner;
    private final FileChannel channel;
    private final FileLock lock;
    private int holds = 1;

    private RunLock(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.owner = Thread.currentThread();
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks a folder (creating it).
     *
     * @param folder the folder
     * @return the lock; close it to release
     * @throws IllegalStateException naming the folder and its holder if another run writes into it
     * @throws IOException           naming the folder if it or the lock file cannot be created
     */
    public static RunLock acquire(Path folder) throws IOException {
        Path dir = folder.toAbsolutePath().normalize();
        synchronized (HELD) {
            RunLock held = HELD.get(dir);
            if (held != null) {
                if (held.owner != Thread.currentThread()) {
                    throw busy(dir, "another run in this program");
                }
                held.holds++;
                return held;
            }
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE);
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
                ch.close();
                throw busy(dir, holder.isEmpty() ? "another run" : holder);
            }
            ch.truncate(0);
            ch.write(java.nio.ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + " since "
                    + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            RunLock l = new RunLock(dir, ch, lock);
            HELD.put(dir, l);
            return l;
        }
    }

    private static IllegalStateException busy(Path dir, String holder) {
        return new IllegalStateException(dir + " is in use by " + holder + " (" + dir.resolve(FILE)
                + "): wait until that run ends, or choose another output folder");
    }

    /** Releases one hold; the last one unlocks the folder. */
    @Override
    public void close() throws IOException {
        synchronized (HELD) {
            if (--holds > 0) {
                return;
            }
            HELD.remove(dir);
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
