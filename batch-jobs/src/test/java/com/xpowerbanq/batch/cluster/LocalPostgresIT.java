package com.xpowerbanq.batch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The tests' throwaway PostgreSQL: a real server of the Debian package, on loopback. */
class LocalPostgresIT {
    @AutoClose static final LocalPostgres POSTGRES = LocalPostgres.start();

    @Test
    void answersJdbcOnLoopbackWithItsUserAndPassword() throws SQLException, IOException {
        // given
        String url = POSTGRES.jdbcUrl();

        // when
        try (Connection connection =
                        DriverManager.getConnection(url, POSTGRES.user(), POSTGRES.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE fires (host TEXT NOT NULL)");
            statement.execute("INSERT INTO fires VALUES ('host-a'), ('host-b')");
            ResultSet count = statement.executeQuery("SELECT count(*) FROM fires");

            // then
            assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/banq");
            assertThat(count.next()).isTrue();
            assertThat(count.getInt(1)).isEqualTo(2);
        }
        assertThat(POSTGRES.environment())
                .containsEntry("BANQ_DATABASE_URL", url)
                .containsEntry("BANQ_DATABASE_USER", "banq")
                .containsKey("BANQ_DATABASE_PASSWORD_FILE");
        assertThat(Files.readString(POSTGRES.passwordFile())).isEqualTo(POSTGRES.password());
    }

    @Test
    void refusesAWrongPassword() {
        assertThatThrownBy(
                        () ->
                                DriverManager.getConnection(POSTGRES.jdbcUrl(), "banq", "wrong")
                                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    @Test
    void aSecondClusterRunsBesideTheFirstWithItsOwnData() throws SQLException {
        // given
        try (LocalPostgres second = LocalPostgres.start();
                Connection first = POSTGRES.connect();
                Connection other = second.connect();
                Statement inFirst = first.createStatement();
                Statement inOther = other.createStatement()) {
            // when
            inFirst.execute("CREATE TABLE only_in_first (id INT)");

            // then
            assertThat(second.port()).isNotEqualTo(POSTGRES.port());
            assertThat(exists(inFirst, "only_in_first")).isTrue();
            assertThat(exists(inOther, "only_in_first")).isFalse();
        }
    }

    @Test
    void anotherDatabaseIsMadeOnDemand() throws SQLException {
        // when
        String url = POSTGRES.createDatabase("host_b_repository");

        // then
        try (Connection connection = POSTGRES.connect("host_b_repository")) {
            assertThat(connection.getMetaData().getURL()).isEqualTo(url);
        }
        assertThatThrownBy(() -> POSTGRES.createDatabase("drop table x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lower-case letters");
    }

    @Test
    void closingStopsTheServerAndRemovesItsFolderOnceAndForAll() throws SQLException {
        // given
        LocalPostgres postgres = LocalPostgres.start();
        try (Connection connection = postgres.connect()) {
            assertThat(connection.isValid(5)).isTrue();
        }

        // when
        postgres.close();
        postgres.close();

        // then
        assertThatThrownBy(() -> postgres.connect().close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Connection to 127.0.0.1:" + postgres.port() + " refused");
        assertThat(postgres.passwordFile().getParent()).doesNotExist();
    }

    @Test
    void aServerThatCannotStartFailsAtOnceWithTheTailOfItsLog() throws IOException {
        // given: the real initdb and pg_ctl, and a postgres that refuses to start
        Path real = PostgresPrograms.find().bin();
        Path bin = Files.createTempDirectory("banq-pg-bin-");
        try {
            Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String program : List.of("initdb", "pg_ctl")) {
                Files.createSymbolicLink(bin.resolve(program), real.resolve(program));
            }
            Path postgres =
                    Files.writeString(
                            bin.resolve("postgres"),
                            "#!/bin/sh\necho 'FATAL:  this server refuses to start' >&2\nexit 1\n");
            Files.setPosixFilePermissions(postgres, PosixFilePermissions.fromString("rwxr-xr-x"));

            // when / then
            assertThatThrownBy(
                            () ->
                                    LocalPostgres.start(
                                            new PostgresPrograms(bin), Duration.ofSeconds(60)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("postgres ended with exit code 1 before it accepted")
                    .hasMessageContaining("postgres.log")
                    .hasMessageContaining("FATAL:  this server refuses to start");
        } finally {
            try (Stream<Path> files = Files.list(bin)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(bin);
        }
    }

    private static boolean exists(Statement statement, String table) throws SQLException {
        try (ResultSet found =
                statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            found.next();
            return found.getBoolean(1);
        }
    }
}
