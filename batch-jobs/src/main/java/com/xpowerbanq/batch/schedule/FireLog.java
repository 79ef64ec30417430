package com.xpowerbanq.batch.schedule;

import com.xpowerbanq.batch.launch.BanqProperties;
import com.xpowerbanq.batch.launch.JobPlacement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * When each scheduled job last fired, kept in the job repository's database so that a fire missed
 * while the daemon was down is noticed at the next start (systemd's Persistent=true).
 */
public final class FireLog {
    private final JdbcTemplate jdbc;
    private final BanqProperties banq;

    /**
     * The fire log in the job repository's database; in a cluster an index job's fires are kept per
     * host ({@code reindex-watch@host-a}), as each host runs its own.
     */
    public FireLog(DataSource dataSource, BanqProperties banq) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.banq = banq;
        jdbc.execute(
                "CREATE TABLE IF NOT EXISTS BANQ_SCHEDULE_FIRE ("
                        + "JOB_NAME VARCHAR(100) NOT NULL PRIMARY KEY, "
                        + "LAST_FIRE VARCHAR(40) NOT NULL)");
    }

    public Optional<Instant> last(String jobName) {
        List<String> fires =
                jdbc.queryForList(
                        "SELECT LAST_FIRE FROM BANQ_SCHEDULE_FIRE WHERE JOB_NAME = ?",
                        String.class,
                        JobPlacement.keyOf(banq, jobName));
        return fires.stream().findFirst().map(Instant::parse);
    }

    public void record(String jobName, Instant fired) {
        jdbc.update(
                "INSERT INTO BANQ_SCHEDULE_FIRE (JOB_NAME, LAST_FIRE) VALUES (?, ?) "
                        + "ON CONFLICT (JOB_NAME) DO UPDATE SET LAST_FIRE = excluded.LAST_FIRE",
                JobPlacement.keyOf(banq, jobName),
                fired.toString());
    }
}
