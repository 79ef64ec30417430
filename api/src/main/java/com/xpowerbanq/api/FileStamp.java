package com.xpowerbanq.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    /**
     * The stamp of {@code file} (links followed), or null when there is no regular file; opens and
     * closes the files it reads.
     */
    static @Nullable FileStamp of(Path file, Path wal) throws IOException {
        try (ChangeCounters counters = new ChangeCounters(file, wal)) {
            return of(file, wal, counters);
        }
    }

    /**
     * The stamp of {@code file} (links followed), or null when there is no regular file, its
     * counters read from {@code counters} (kept open by the database that is served).
     */
    static @Nullable FileStamp of(Path file, Path wal, ChangeCounters counters) throws IOException {
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
        return new FileStamp(identity, db.size(), nanos(db), walSize, walModified, counters.read());
    }

    private static long nanos(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }
}
