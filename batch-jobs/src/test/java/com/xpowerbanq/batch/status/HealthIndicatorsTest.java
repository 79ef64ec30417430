package com.xpowerbanq.batch.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RetryPolicy;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Status;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Readiness' two members against a real SQLite file and a port nobody answers on. */
class HealthIndicatorsTest {

    @Test
    void theJobRepositoryIsUpWhileWritableAndDownWhenItCannotBeWritten(@TempDir Path dir)
            throws Exception {
        // given
        Path file = dir.resolve("banq-batch.db");
        SQLiteDataSource writable = new SQLiteDataSource();
        writable.setUrl("jdbc:sqlite:" + file);
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        SQLiteDataSource locked = new SQLiteDataSource(readOnly);
        locked.setUrl("jdbc:sqlite:" + file);

        // when
        var up = new JobRepositoryHealth(writable).health();
        var down = new JobRepositoryHealth(locked).health();

        // then
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().toString()).contains("cannot be written");
    }

    @Test
    void theChainIsDownWhenNoEndpointAnswersAndNamesNone() throws Exception {
        // given: a loopback port nobody listens on any more
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/secret-key";

        // when
        try (JsonRpcChainClient chain =
                JsonRpcChainClient.connect(
                        List.of(url), Duration.ofSeconds(2), RetryPolicy.once())) {
            var health = new ChainHealth(() -> chain).health();

            // then
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().toString()).doesNotContain("secret-key", "127.0.0.1");
        }
    }
}
