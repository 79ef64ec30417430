package com.xpowerbanq.batch.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.jspecify.annotations.Nullable;

/**
 * A throwaway PostgreSQL cluster for integration tests: initdb into a temporary folder, the server
 * on a free 127.0.0.1 port (its unix socket in that folder, fsync off), one user with a password
 * and a database; {@link #close()} stops it (fast shutdown, then kill) and removes the folder.
 *
 * <pre>{@code
 * @AutoClose static final LocalPostgres POSTGRES = LocalPostgres.start();
 * }</pre>
 */
public final class LocalPostgres implements AutoCloseable {
    /** The superuser initdb makes, who logs in with {@link #password()}. */
    public static final String USER = "banq";

    /** The database {@link #jdbcUrl()} names, made at start. */
    public static final String DATABASE = "banq";

    private static final Duration START_DEADLINE = Duration.ofSeconds(60);
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(15);
    private static final int PORT_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 20;
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    // what the tests need of a server, and nothing that makes it slow: no fsync, no full pages
    private static final List<String> SETTINGS =
            List.of(
                    "listen_addresses=127.0.0.1",
                    "fsync=off",
                    "synchronous_commit=off",
                    "full_page_writes=off",
                    "shared_buffers=16MB",
                    "max_connections=100");

    private final PostgresPrograms programs;
    private final ServerAccount account;
    private final Path dir;
    private final String password;
    private int port;
    private @Nullable Process server;
    private @Nullable String lastRefusal;
    // a test JVM that ends without closing (a test class that forgot, a failed fork) still stops
    // its server: it runs detached from the JVM and would keep its port and folder
    private final Thread stopAtExit = new Thread(this::close, "local-postgres-stop");

    private LocalPostgres(PostgresPrograms programs, ServerAccount account, Path dir) {
        this.programs = programs;
        this.account = account;
        this.dir = dir;
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        this.password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** A started cluster of the newest server under /usr/lib/postgresql (or env PG_BIN). */
    public static LocalPostgres start() {
        return start(PostgresPrograms.find(), START_DEADLINE);
    }

    static LocalPostgres start(PostgresPrograms programs, Duration deadline) {
        ServerAccount account = ServerAccount.ofThisProcess();
        LocalPostgres postgres;
        try {
            Path dir = Files.createTempDirectory("banq-pg-");
            account.own(dir);
            postgres = new LocalPostgres(programs, account, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for PostgreSQL", e);
        }
        Runtime.getRuntime().addShutdownHook(postgres.stopAtExit);
        try {
            postgres.initdb(deadline);
            postgres.serve(deadline);
            postgres.createDatabase(DATABASE);
            return postgres;
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** A file holding the password and nothing else, for BANQ_DATABASE_PASSWORD_FILE. */
    public Path passwordFile() {
        return dir.resolve("password");
    }

    public int port() {
        return port;
    }

    /** What a banq-batch process needs to use {@link #DATABASE} as its job repository. */
    public Map<String, String> environment() {
        return Map.of(
                "BANQ_DATABASE_URL", jdbcUrl(),
                "BANQ_DATABASE_USER", USER,
                "BANQ_DATABASE_PASSWORD_FILE", passwordFile().toString());
    }

    public Connection connect() throws SQLException {
        return connect(DATABASE);
    }

    public Connection connect(String database) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", password);
        login.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), login);
    }

    /** Makes another empty database, for a test that wants one of its own; gives its URL. */
    public String createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "database name '" + name + "': use lower-case letters, digits and _");
        }
        try (Connection admin = connect("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot create database " + name + " on 127.0.0.1:" + port, e);
        }
        return jdbcUrl(name);
    }

    /** Stops the server (fast shutdown, then a kill after a deadline) and removes its folder. */
    @Override
    public synchronized void close() {
        if (Thread.currentThread() != stopAtExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopAtExit);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook stops the server anyway
            }
        }
        Process running = server;
        server = null;
        if (running != null && running.isAlive()) {
            stop(running);
        }
        if (!Files.exists(dir)) {
            return; // closed before
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the PostgreSQL folder " + dir, e);
        }
    }

    private void initdb(Duration deadline) {
        try {
            Files.writeString(passwordFile(), password);
            Files.setPosixFilePermissions(
                    passwordFile(), PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + passwordFile(), e);
        }
        account.own(passwordFile());
        run(
                List.of(
                        programs.program("initdb").toString(),
                        "--pgdata=" + data(),
                        "--username=" + USER,
                        "--pwfile=" + passwordFile(),
                        "--auth=scram-sha-256",
                        "--encoding=UTF8",
                        "--no-locale",
                        "--no-sync"),
                deadline,
                dir.resolve("initdb.log"));
    }

    private void serve(Duration deadline) {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            Process started = launch();
            server = started;
            try {
                await("PostgreSQL accepting connections on 127.0.0.1:" + port)
                        .atMost(deadline)
                        .pollInterval(Duration.ofMillis(50))
                        .failFast("postgres ended", () -> !started.isAlive())
                        .until(this::answers);
                return;
            } catch (TerminalFailureException e) {
                // another process took the port between our probe and the server's bind
                if (attempt < PORT_ATTEMPTS && logTail().contains("could not bind")) {
                    continue;
                }
                throw new IllegalStateException(
                        "postgres ended with exit code "
                                + started.exitValue()
                                + " before it accepted connections on 127.0.0.1:"
                                + port
                                + "; the tail of "
                                + log()
                                + ":\n"
                                + logTail());
            } catch (ConditionTimeoutException e) {
                throw new IllegalStateException(
                        "PostgreSQL did not accept connections on 127.0.0.1:"
                                + port
                                + " within "
                                + deadline
                                + " (last answer: "
                                + lastRefusal
                                + "); the tail of "
                                + log()
                                + ":\n"
                                + logTail());
            }
        }
    }

    private Process launch() {
        List<String> argv = new ArrayList<>();
        argv.add(programs.program("postgres").toString());
        argv.addAll(List.of("-D", data().toString(), "-p", Integer.toString(port)));
        argv.addAll(List.of("-c", "unix_socket_directories=" + dir));
        SETTINGS.forEach(setting -> argv.addAll(List.of("-c", setting)));
        try {
            return new ProcessBuilder(account.command(argv))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + argv.getFirst(), e);
        }
    }

    private boolean answers() {
        try (Connection connection = connect("postgres")) {
            return connection.isValid(5);
        } catch (SQLException e) {
            lastRefusal = e.getMessage();
            return false;
        }
    }

    private void stop(Process running) {
        try {
            run(
                    List.of(
                            programs.program("pg_ctl").toString(),
                            "stop",
                            "--pgdata=" + data(),
                            "--mode=fast",
                            "--wait",
                            "--timeout=" + STOP_DEADLINE.toSeconds()),
                    STOP_DEADLINE.plusSeconds(5),
                    dir.resolve("pg_ctl.log"));
        } catch (RuntimeException e) {
            // the kill below ends it all the same
        }
        try {
            if (!running.waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                running.descendants().forEach(ProcessHandle::destroyForcibly);
                running.destroyForcibly().waitFor(STOP_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
        }
    }

    /** Runs one of the server's programs to its end, within the deadline, its output to a log. */
    private void run(List<String> argv, Duration deadline, Path output) {
        try {
            Process process =
                    new ProcessBuilder(account.command(argv))
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile())
                            .start();
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(
                        argv.getFirst()
                                + " did not end within "
                                + deadline
                                + "; its output:\n"
                                + tail(output));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        argv.getFirst()
                                + " failed with exit code "
                                + process.exitValue()
                                + "; its output:\n"
                                + tail(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + argv.getFirst() + " ran", e);
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private Path log() {
        return dir.resolve("postgres.log");
    }

    private String logTail() {
        return tail(log());
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join(
                    "\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(" + file + " cannot be read: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
