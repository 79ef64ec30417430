package com.xpowerbanq.batch.launch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session-level advisory lock of the cluster's PostgreSQL, held on a connection of its own for as
 * long as the job runs. The server releases it when that connection ends: at once when the holding
 * process dies (the kernel closes its socket), and within the keepalive time when its host vanishes
 * ({@link PostgresJobDatabase}).
 */
final class AdvisoryRunLock implements RunLock {
    private static final Logger log = LoggerFactory.getLogger(AdvisoryRunLock.class);

    private final Connection connection;
    private final long key;
    private final String name;

    private AdvisoryRunLock(Connection connection, long key, String name) {
        this.connection = connection;
        this.key = key;
        this.name = name;
    }

    static RunLock acquire(DataSource pool, String name) {
        long key = key(name);
        Connection connection = null;
        try {
            connection = pool.getConnection();
            connection.setAutoCommit(true);
            boolean taken;
            try (PreparedStatement lock =
                    connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, key);
                try (ResultSet result = lock.executeQuery()) {
                    result.next();
                    taken = result.getBoolean(1);
                }
            }
            if (!taken) {
                connection.close();
                throw new JobBusyException(
                        "job "
                                + name
                                + " is already running on a host of the cluster (advisory lock "
                                + key
                                + " is held; see pg_locks)");
            }
            return new AdvisoryRunLock(connection, key, name);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException(
                    "cannot take the cluster lock of " + name + ": " + e.getMessage(), e);
        }
    }

    /** The lock's 64-bit key: the first 8 bytes of the SHA-256 of {@code banq:} and its name. */
    static long key(String name) {
        try {
            return ByteBuffer.wrap(
                            MessageDigest.getInstance("SHA-256")
                                    .digest(("banq:" + name).getBytes(StandardCharsets.UTF_8)))
                    .getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try (PreparedStatement unlock =
                connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
        } catch (SQLException e) {
            // the connection is gone, and the lock with it
            log.warn("could not release the cluster lock of {}: {}", name, e.getMessage());
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing a lock connection: {}", e.getMessage());
            }
        }
    }
}
