package com.xpowerbanq.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.jspecify.annotations.Nullable;

/**
 * What a database file looks like on disk right now: its identity (inode), size and modification
 * time, and those of its write-ahead log. Any commit changes the log or the file, so the stamp
 * changes with every change of content; it is the basis of the ETag.
 */
record FileStamp(
        Object identity, long size, long modifiedNanos, long walSize, long walModifiedNanos) {

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
        return new FileStamp(identity, db.size(), nanos(db), walSize, walModified);
    }

    private static long nanos(BasicFileAttributes attributes) {
        return attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    boolean sameFile(FileStamp other) {
        return identity.equals(other.identity);
    }
}
