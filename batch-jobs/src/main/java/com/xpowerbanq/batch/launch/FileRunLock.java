package com.xpowerbanq.batch.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock per job name on a file in the state directory (one host). Whoever holds it
 * knows that no other process runs that job, so an execution still marked as running was left by a
 * process that died and can be recovered. The operating system releases it when the process dies,
 * even by SIGKILL.
 */
final class FileRunLock implements RunLock {
    private final FileChannel channel;
    private final FileLock lock;

    private FileRunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static RunLock acquire(Path stateDir, String job) {
        Path file = stateDir.resolve("locks").resolve(job + ".lock");
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel =
                    FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new JobBusyException(
                        "job " + job + " is already running (lock " + file + " is held)");
            }
            return new FileRunLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
