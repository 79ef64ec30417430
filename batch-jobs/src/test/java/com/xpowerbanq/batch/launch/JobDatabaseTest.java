package com.xpowerbanq.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobDatabaseTest {
    @Test
    void unsetMeansTheSqliteFileOfOneHost() {
        JobDatabase none = new JobDatabase(" ", null, null, null, 10);
        assertThat(none.isPostgres()).isFalse();
        assertThat(new BanqProperties(Path.of("state")).clustered()).isFalse();
    }

    @Test
    void onlyAPostgresUrlIsTaken() {
        assertThatThrownBy(() -> new JobDatabase("jdbc:mysql://db/banq", null, null, null, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BANQ_DATABASE_URL must be a PostgreSQL JDBC URL")
                .hasMessageContaining("jdbc:mysql://db/banq");
    }

    @Test
    void thePasswordComesFromTheValueOrTheFileNeverBoth(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("password");
        Files.writeString(file, "s3cret\nignored\n");
        assertThat(new JobDatabase(url(), "banq", null, file, 10).resolvePassword())
                .isEqualTo("s3cret");
        assertThat(new JobDatabase(url(), "banq", "inline", null, 10).resolvePassword())
                .isEqualTo("inline");
        assertThat(new JobDatabase(url(), "banq", null, null, 10).resolvePassword()).isNull();
        assertThatThrownBy(() -> new JobDatabase(url(), "banq", "inline", file, 10))
                .hasMessageContaining("not both");
        JobDatabase missing = new JobDatabase(url(), "banq", null, dir.resolve("none"), 10);
        assertThatThrownBy(missing::resolvePassword)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read BANQ_DATABASE_PASSWORD_FILE");
    }

    @Test
    void messagesNeverShowAPassword() {
        JobDatabase database =
                new JobDatabase(url() + "?user=banq&password=s3cret", "banq", null, null, 10);
        assertThat(database.describe()).doesNotContain("s3cret").contains("as banq");
    }

    @Test
    void aPoolTooSmallForALockAndAWriteIsRefused() {
        assertThatThrownBy(() -> new JobDatabase(url(), null, null, null, 1))
                .hasMessageContaining("pool-size must be at least 2");
    }

    @Test
    void theHostNameIsChecked() {
        BanqProperties.ClusterProperties cluster =
                new BanqProperties.ClusterProperties(Duration.ofSeconds(7), Duration.ofSeconds(60));
        JobDatabase database = new JobDatabase(url(), null, null, null, 10);
        assertThat(new BanqProperties(Path.of("s"), " host-a ", database, cluster).host())
                .isEqualTo("host-a");
        assertThat(new BanqProperties(Path.of("s"), null, database, cluster).host()).isNotBlank();
        assertThatThrownBy(() -> new BanqProperties(Path.of("s"), "host a;", database, cluster))
                .hasMessageContaining("BANQ_HOST must be a host name");
        assertThatThrownBy(
                        () ->
                                new BanqProperties.ClusterProperties(
                                        Duration.ofMillis(500), Duration.ZERO))
                .hasMessageContaining("BANQ_CLUSTER_CHECKIN_INTERVAL must be at least 1s");
    }

    @Test
    void indexJobsRunOnEveryHostTheRestOnOne() {
        assertThat(JobPlacement.of(JobNames.REINDEX_WATCH)).isEqualTo(JobPlacement.EVERY_HOST);
        assertThat(JobPlacement.of(JobNames.RETWAP_WATCH)).isEqualTo(JobPlacement.EVERY_HOST);
        assertThat(JobPlacement.of(JobNames.REINDEX)).isEqualTo(JobPlacement.ONE_HOST);
        assertThat(JobPlacement.of(JobNames.RETWAP)).isEqualTo(JobPlacement.ONE_HOST);
        assertThat(JobPlacement.of("prune")).isEqualTo(JobPlacement.ONE_HOST);
    }

    @Test
    void advisoryLockKeysAreStableAndDistinct() {
        assertThat(AdvisoryRunLock.key("reindex")).isEqualTo(AdvisoryRunLock.key("reindex"));
        assertThat(AdvisoryRunLock.key("reindex"))
                .isNotEqualTo(AdvisoryRunLock.key("reindex-watch@host-a"));
        assertThat(AdvisoryRunLock.key("reindex-watch@host-a"))
                .isNotEqualTo(AdvisoryRunLock.key("reindex-watch@host-b"));
    }

    private static String url() {
        return "jdbc:postgresql://127.0.0.1:5432/banq";
    }
}
