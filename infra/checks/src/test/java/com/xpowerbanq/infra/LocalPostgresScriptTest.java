package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/demo/local-postgres.sh, the demo's throwaway PostgreSQL, with the real server of the Debian
 * package: it answers with the password it printed the file of, and goes away on stop.
 */
class LocalPostgresScriptTest {
    private static final Path SCRIPT = Repository.infra("demo", "local-postgres.sh");

    @TempDir Path scratch;

    @AfterEach
    void stop() {
        Command.run(List.of(SCRIPT.toString(), "stop", cluster().toString()));
    }

    @Test
    void startedItAnswersItsUserOnLoopbackAndStoppedItIsGone() throws IOException {
        // given
        int port = freePort();

        // when
        Command.Result started = start(port);

        // then
        assertThat(started.ok()).as(started.output()).isTrue();
        Path passwordFile = cluster().resolve("password");
        assertThat(started.output())
                .contains("BANQ_DATABASE_URL=jdbc:postgresql://127.0.0.1:" + port + "/banq\n")
                .contains("BANQ_DATABASE_USER=banq\n")
                .contains("BANQ_DATABASE_PASSWORD_FILE=" + passwordFile + "\n");
        String password = Files.readString(passwordFile);
        assertThat(started.output()).doesNotContain(password);
        assertThat(psql(port, password).output().strip()).isEqualTo("banq");
        assertThat(psql(port, "wrong").output()).contains("password authentication failed");

        // when
        Command.Result stopped = Command.run(List.of(SCRIPT.toString(), "stop", cluster() + ""));

        // then
        assertThat(stopped.ok()).as(stopped.output()).isTrue();
        assertThat(cluster()).doesNotExist();
        assertThat(psql(port, password).ok()).isFalse();
    }

    @Test
    void aTakenPortFailsAtOnceWithTheTailOfTheServersLog() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // when
            Command.Result result = start(taken.getLocalPort());

            // then
            assertThat(result.exitCode()).as(result.output()).isEqualTo(70);
            assertThat(result.output())
                    .contains("PostgreSQL stopped before it accepted connections on 127.0.0.1:")
                    .contains("could not bind");
        }
    }

    @Test
    void aMissingArgumentIsAUsageError() {
        Command.Result result = Command.run(List.of(SCRIPT.toString(), "start", cluster() + ""));

        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.output()).contains("usage: local-postgres.sh start DIR PORT");
    }

    private Path cluster() {
        return scratch.resolve("postgres");
    }

    private Command.Result start(int port) {
        return Command.run(
                List.of(SCRIPT.toString(), "start", cluster().toString(), Integer.toString(port)));
    }

    private Command.Result psql(int port, String password) throws IOException {
        Path pass = scratch.resolve("pgpass");
        Files.writeString(pass, "127.0.0.1:" + port + ":*:banq:" + password + "\n");
        Files.setPosixFilePermissions(pass, PosixFilePermissions.fromString("rw-------"));
        return Command.run(
                List.of(
                        newestServerProgram("psql").toString(),
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-U",
                        "banq",
                        "-w",
                        "-tA",
                        "-c",
                        "SELECT current_user",
                        "banq"),
                scratch,
                Map.of("PGPASSFILE", pass.toString()));
    }

    private static Path newestServerProgram(String name) throws IOException {
        Path lib = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(lib) ? Files.list(lib) : Stream.empty()) {
            return versions.map(version -> version.resolve("bin").resolve(name))
                    .filter(Files::isExecutable)
                    .max(Comparator.comparing(LocalPostgresScriptTest::major))
                    .orElseThrow(
                            () ->
                                    new AssertionError(
                                            "no /usr/lib/postgresql/<major>/bin/"
                                                    + name
                                                    + ": install the Debian package postgresql"
                                                    + " (infra/setup-test-tools.sh does)"));
        }
    }

    private static double major(Path program) {
        return Double.parseDouble(program.getParent().getParent().getFileName().toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
