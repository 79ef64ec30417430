package com.xpowerbanq.batch.index;

import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.SeriesDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer side of one series database: inserts rows idempotently ({@code ON CONFLICT DO
 * NOTHING}) and records the scan's progress in {@code banq_meta} in the same transaction.
 */
public final class RawLogStore implements AutoCloseable {
    /** banq_meta key: the last block whose events are all in the database. */
    public static final String META_LAST_BLOCK = "scan.last_block";

    /** banq_meta key: the chain id the progress refers to. */
    public static final String META_CHAIN_ID = "scan.chain_id";

    /** banq_meta key: the contract whose events were scanned. */
    public static final String META_CONTRACT = "scan.contract";

    private static final Logger log = LoggerFactory.getLogger(RawLogStore.class);

    private static final String INSERT =
            "INSERT INTO raw_logs(id, json) VALUES (?, ?) ON CONFLICT DO NOTHING";
    private static final String UPSERT_META =
            "INSERT INTO banq_meta(key, value) VALUES (?, ?)"
                    + " ON CONFLICT(key) DO UPDATE SET value = excluded.value";

    private final Path file;
    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement meta;
    // chain and contract as last committed by this store, so each chunk rewrites only the block
    private @Nullable String recorded;

    private RawLogStore(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        connection.setAutoCommit(false);
        this.insert = connection.prepareStatement(INSERT);
        this.meta = connection.prepareStatement(UPSERT_META);
    }

    /** Opens (creating or migrating) the v10a series database at {@code file}. */
    public static RawLogStore open(Path file, Kind kind) {
        return open(file, kind, ContractRun.V10A);
    }

    /**
     * Opens (creating or migrating) the series database at {@code file} for events of {@code run};
     * a database that records another run is refused, naming both.
     */
    public static RawLogStore open(Path file, Kind kind, ContractRun run) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new RawLogStore(file, SeriesDatabase.openWriter(file, kind, run));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open series database " + file + ": " + e, e);
        }
    }

    /** Progress of an earlier scan of the same contract on the same chain, if any. */
    public OptionalLong lastBlock(long chainId, String contract) {
        try (PreparedStatement q =
                connection.prepareStatement(
                        "SELECT key, value FROM banq_meta WHERE key LIKE 'scan.%'")) {
            String last = null;
            String chain = null;
            String address = null;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case META_LAST_BLOCK -> last = rs.getString(2);
                        case META_CHAIN_ID -> chain = rs.getString(2);
                        case META_CONTRACT -> address = rs.getString(2);
                        default -> {}
                    }
                }
            }
            connection.commit();
            if (last == null
                    || !String.valueOf(chainId).equals(chain)
                    || !contract.equalsIgnoreCase(String.valueOf(address))) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Long.parseLong(last));
        } catch (SQLException | NumberFormatException e) {
            throw new IllegalStateException(
                    "cannot read the scan progress of " + file + ": " + e, e);
        }
    }

    /**
     * Writes rows and, when given, the progress they complete, in one transaction; returns how many
     * rows were new.
     */
    public int write(List<SeriesRow> rows, @Nullable WindowEnd progress) {
        try {
            int inserted = 0;
            if (!rows.isEmpty()) {
                for (SeriesRow row : rows) {
                    insert.setString(1, row.id());
                    insert.setString(2, row.json());
                    insert.addBatch();
                }
                for (int count : insert.executeBatch()) {
                    inserted += Math.max(0, count);
                }
            }
            if (progress != null) {
                putMeta(META_LAST_BLOCK, Long.toString(progress.lastBlock()));
                String scanned = progress.chainId() + "/" + progress.contract();
                if (!scanned.equals(recorded)) {
                    putMeta(META_CHAIN_ID, Long.toString(progress.chainId()));
                    putMeta(META_CONTRACT, progress.contract());
                }
                meta.executeBatch();
            }
            connection.commit();
            if (progress != null) {
                recorded = progress.chainId() + "/" + progress.contract();
            }
            return inserted;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("cannot write to " + file + ": " + e.getMessage(), e);
        }
    }

    private void putMeta(String key, String value) throws SQLException {
        meta.setString(1, key);
        meta.setString(2, value);
        meta.addBatch();
    }

    public Path file() {
        return file;
    }

    /**
     * Closes the store; its WAL is checkpointed and emptied first unless a reader still uses it.
     */
    @Override
    public void close() {
        try {
            if (connection.isClosed()) {
                return;
            }
            try {
                SeriesDatabase.truncateWal(connection);
            } catch (SQLException e) {
                log.debug("WAL of {} left for the next checkpoint: {}", file, e.getMessage());
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close " + file + ": " + e, e);
        }
    }
}
