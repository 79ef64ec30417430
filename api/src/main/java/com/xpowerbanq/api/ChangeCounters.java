package com.xpowerbanq.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's change counters of one database: the file change counter in its header and the WAL-index
 * header in its {@code -shm}, which every commit rewrites. The two files stay open and are read by
 * position, so a request pays two reads instead of opening and closing both files: the profile of a
 * cached answer showed those system calls as the largest cost after the socket write. Open files
 * also keep SQLite's locks safe: closing any descriptor of a file drops every POSIX lock the
 * process holds on it, those of the API's own read connections included.
 *
 * <p>The database file is the one this object was made for (the directory withdraws the database
 * when its link leads to another file); the {@code -shm} is looked at on every read and reopened
 * when SQLite made a new one.
 */
final class ChangeCounters implements AutoCloseable {
    private static final int DB_HEADER = 100;
    private static final int WAL_INDEX_HEADER = 48;

    private final Path file;
    private final Path shm;
    private @Nullable FileChannel fileChannel;
    private @Nullable Opened shmOpened;

    private record Opened(FileChannel channel, Object key) {}

    ChangeCounters(Path file, Path wal) {
        this.file = file;
        this.shm = wal.resolveSibling(wal.getFileName().toString().replace("-wal", "-shm"));
    }

    /** A hash of both headers as they are now; a missing file counts as such. */
    synchronized long read() throws IOException {
        return hash(hash(0, databaseHeader()), shmHeader());
    }

    private @Nullable ByteBuffer databaseHeader() throws IOException {
        if (fileChannel == null) {
            try {
                fileChannel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                return null;
            }
        }
        return readAt0(fileChannel, DB_HEADER);
    }

    private @Nullable ByteBuffer shmHeader() throws IOException {
        Object key;
        try {
            BasicFileAttributes a = Files.readAttributes(shm, BasicFileAttributes.class);
            key = Objects.requireNonNullElse(a.fileKey(), a.creationTime());
        } catch (NoSuchFileException e) {
            closeShm();
            return null;
        }
        if (shmOpened == null || !shmOpened.key().equals(key)) {
            closeShm();
            try {
                shmOpened = new Opened(FileChannel.open(shm, StandardOpenOption.READ), key);
            } catch (NoSuchFileException e) {
                return null;
            }
        }
        return readAt0(shmOpened.channel(), WAL_INDEX_HEADER);
    }

    private static ByteBuffer readAt0(FileChannel channel, int bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read the header; a shorter file hashes what it has
        }
        return buffer;
    }

    private static long hash(long seed, @Nullable ByteBuffer header) {
        if (header == null) {
            return seed * 31;
        }
        long h = seed;
        for (int i = 0; i < header.position(); i++) {
            h = h * 1_099_511_628_211L + header.get(i);
        }
        return h;
    }

    private void closeShm() throws IOException {
        if (shmOpened != null) {
            Opened old = shmOpened;
            shmOpened = null;
            old.channel().close();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closeShm();
        if (fileChannel != null) {
            fileChannel.close();
            fileChannel = null;
        }
    }
}
