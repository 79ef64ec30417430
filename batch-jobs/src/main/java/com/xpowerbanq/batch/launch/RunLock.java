package com.xpowerbanq.batch.launch;

import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * An exclusive lock per job: whoever holds it knows that no other process runs that job, so an
 * execution still marked as running was left by a process that died and can be recovered. On one
 * host it is a file lock in the state directory ({@link FileRunLock}); in a cluster an advisory
 * lock of the shared PostgreSQL ({@link AdvisoryRunLock}). Either is released when its process
 * dies, even by SIGKILL.
 */
interface RunLock extends AutoCloseable {
    @Override
    void close();

    /** The file lock {@code name} in {@code stateDir} (one host). */
    static RunLock acquire(Path stateDir, String name) {
        return FileRunLock.acquire(stateDir, name);
    }

    /** Takes locks where the job repository lives. */
    @FunctionalInterface
    interface Locks {
        /** The lock named {@code name}; {@link JobBusyException} when another process holds it. */
        RunLock acquire(String name);

        static Locks of(BanqProperties banq, DataSource pool) {
            return banq.clustered()
                    ? name -> AdvisoryRunLock.acquire(pool, name)
                    : onDisk(banq.stateDir());
        }

        static Locks onDisk(Path stateDir) {
            return name -> FileRunLock.acquire(stateDir, name);
        }
    }
}
