package com.xpowerbanq.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What a database file looks like right now: its identity (inode), size and modification time,
 * those of its write-ahead log, and SQLite's own change counters (the file change counter in the
 * database header and the WAL-index header in {@code -shm}, which every commit rewrites). Any
 * commit changes the stamp, even two commits within one tick of the file system clock; it is the
 * basis of the ETag and of the cached rollup.
 */
record FileStamp(
        Object identity,
        long size,
        long modifiedNanos,
        long walSize,
        long walModifiedNanos,
        long counters) {
    private static final int DB_HEADER = 100;
    private static final int WAL_INDEX_HEADER = 48;

    /** The stamp of {@code file} (links followed), or null when there is no regular file. */
    static @Nullable FileStamp of(Path file, Path wal) throws IOException {
        BasicFileAttributes db;
        try {
            db = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!db.isRegularFile()) {
            return null;
        }
        long walSize = -1;
        long walModified = -1;
        try {
            BasicFileAttributes w = Files.readAttributes(wal, BasicFileAttributes.class);
            walSize = w.size();
            walModified = nanos(w);
        } catch (NoSuchFileException e) {
            // no write-ahead log: the database file alone holds the content
        }
        Object identity = db.fileKey() != null ? db.fileKey() : file.toRealPath().toString();
        Path shm = wal.resolveSibling(wal.getFileName().toString().replace("-wal", "-shm"));
        long counters = hash(hash(0, file, DB_HEADER), shm, WAL_INDEX_HEADER);
        return new FileStamp(identity, db.size(), nanos(db), walSize, walModified, counters);
    }

    private static long hash(long seed, Path file, int bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read the header; a shorter file hashes what it has
            }
        } catch (NoSuchFileException e) {
            return seed * 31;
        }
        long h = seed;
        for (int i = 0; i < buffer.position(); i++) {
            h = h * 1_099_511_628_211L + buffer.get(i);
        }
        return h;
    }

    private static long nanos(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }
}
