package com.xpowerbanq.batch.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Up while the job repository can be written: a run that cannot record its progress must not be
 * started, so readiness goes down with it (a full disk, a read-only file, a lock held too long).
 */
final class JobRepositoryHealth implements HealthIndicator {
    private final DataSource dataSource;

    JobRepositoryHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            boolean auto = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                statement.execute(
                        "CREATE TABLE IF NOT EXISTS BANQ_HEALTH_PROBE (ID INTEGER PRIMARY KEY, AT TEXT)");
                // the same SQL on SQLite and PostgreSQL
                statement.execute(
                        "INSERT INTO BANQ_HEALTH_PROBE (ID, AT) VALUES (1, '"
                                + java.time.Instant.now()
                                + "') ON CONFLICT (ID) DO UPDATE SET AT = excluded.AT");
                connection.commit();
            } finally {
                connection.setAutoCommit(auto);
            }
            return Health.up().build();
        } catch (SQLException e) {
            return Health.down()
                    .withDetail("jobRepository", "cannot be written: " + e.getMessage())
                    .build();
        }
    }
}
