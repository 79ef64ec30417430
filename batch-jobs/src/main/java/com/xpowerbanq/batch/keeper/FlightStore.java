package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.batch.launch.InstanceRecords;
import com.xpowerbanq.chain.tx.FlightRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * The write-ahead record of every keeper transaction in flight, one row per (job instance, series)
 * in the job repository's table {@value #TABLE}, created here on first use with DDL that SQLite and
 * PostgreSQL both take. Each write is committed at once on a connection of its own (plain JDBC in
 * autocommit, never joining a transaction Spring holds), since the step that sent the transaction
 * commits only at its end: a process killed in between leaves the record for the restart. A
 * connection is held only for one statement: SQLite's pool has one.
 */
public final class FlightStore implements InstanceRecords {
    static final String TABLE = "BANQ_KEEPER_FLIGHT";

    private static final String CREATE =
            """
            CREATE TABLE IF NOT EXISTS BANQ_KEEPER_FLIGHT (
                JOB_INSTANCE_ID BIGINT NOT NULL,
                SERIES VARCHAR(100) NOT NULL,
                FLIGHT TEXT NOT NULL,
                UPDATED_MILLIS BIGINT NOT NULL,
                PRIMARY KEY (JOB_INSTANCE_ID, SERIES)
            )
            """;
    private static final String UPSERT =
            """
            INSERT INTO BANQ_KEEPER_FLIGHT (JOB_INSTANCE_ID, SERIES, FLIGHT, UPDATED_MILLIS)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (JOB_INSTANCE_ID, SERIES)
            DO UPDATE SET FLIGHT = excluded.FLIGHT, UPDATED_MILLIS = excluded.UPDATED_MILLIS
            """;
    private static final String FIND =
            "SELECT FLIGHT FROM BANQ_KEEPER_FLIGHT WHERE JOB_INSTANCE_ID = ? AND SERIES = ?";
    private static final String FORGET =
            "DELETE FROM BANQ_KEEPER_FLIGHT WHERE JOB_INSTANCE_ID = ? AND SERIES = ?";
    private static final String FORGET_INSTANCE =
            "DELETE FROM BANQ_KEEPER_FLIGHT WHERE JOB_INSTANCE_ID = ?";

    private final DataSource dataSource;
    private final Clock clock;
    private volatile boolean created;

    /** A store in the job repository behind {@code dataSource}. */
    public FlightStore(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    FlightStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Keeps {@code record} as the transaction in flight of {@code series} in the instance. */
    void keep(long jobInstanceId, String series, FlightRecord record) {
        update(
                "record the transaction in flight of " + series,
                UPSERT,
                jobInstanceId,
                series,
                record.serialized(),
                clock.millis());
    }

    /**
     * The transaction in flight of {@code series} in the instance, if one was recorded; a row that
     * is no record is reported naming it, and left as it is.
     */
    Optional<FlightRecord> find(long jobInstanceId, String series) {
        Optional<String> stored = query(jobInstanceId, series);
        try {
            return stored.map(FlightRecord::parse);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "the row of "
                            + TABLE
                            + " for job instance "
                            + jobInstanceId
                            + " and series "
                            + series
                            + " is unreadable ("
                            + e.getMessage()
                            + "); look at the chain for the account's transactions, then delete"
                            + " the row to let the series be decided again",
                    e);
        }
    }

    /** The series has no transaction in flight any more whose effect a restart must await. */
    void forget(long jobInstanceId, String series) {
        update("forget the transaction in flight of " + series, FORGET, jobInstanceId, series);
    }

    @Override
    public void deleteInstance(long jobInstanceId) {
        update(
                "delete the transactions in flight of job instance " + jobInstanceId,
                FORGET_INSTANCE,
                jobInstanceId);
    }

    private Optional<String> query(long jobInstanceId, String series) {
        try (Connection connection = connection();
                PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setLong(1, jobInstanceId);
            statement.setString(2, series);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the transaction in flight of " + series, e);
        }
    }

    private void update(String what, String sql, Object... values) {
        try (Connection connection = connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** A connection of its own in autocommit, the table created on the first one. */
    private Connection connection() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            if (!created) {
                try (var statement = connection.createStatement()) {
                    statement.execute(CREATE);
                }
                created = true;
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static DataAccessResourceFailureException failure(String what, SQLException e) {
        return new DataAccessResourceFailureException(
                "cannot "
                        + what
                        + " in the job repository's table "
                        + TABLE
                        + ": "
                        + e.getMessage(),
                e);
    }
}
