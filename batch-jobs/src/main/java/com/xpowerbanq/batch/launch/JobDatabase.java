package com.xpowerbanq.batch.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the job repository and, in {@code serve}, Quartz's job store live: unset, a SQLite file in
 * the state directory (one host); {@code BANQ_DATABASE_URL=jdbc:postgresql://…} a PostgreSQL that
 * several hosts share. The user and password come from {@code BANQ_DATABASE_USER} and {@code
 * BANQ_DATABASE_PASSWORD}, or the password from the file {@code BANQ_DATABASE_PASSWORD_FILE} (a
 * credentials file readable only by the service), never from the command line.
 */
public record JobDatabase(
        @Nullable String url,
        @Nullable String user,
        @Nullable String password,
        @Nullable Path passwordFile,
        @DefaultValue("10") int poolSize) {
    static final String POSTGRES_PREFIX = "jdbc:postgresql://";
    static final JobDatabase SQLITE = new JobDatabase(null, null, null, null, 10);

    public JobDatabase {
        url = url == null || url.isBlank() ? null : url.strip();
        if (url != null && !url.startsWith(POSTGRES_PREFIX)) {
            throw new IllegalArgumentException(
                    "BANQ_DATABASE_URL must be a PostgreSQL JDBC URL ("
                            + POSTGRES_PREFIX
                            + "host:port/database), not '"
                            + url
                            + "'; unset, the job repository is the SQLite file in the state"
                            + " directory");
        }
        if (password != null && !password.isEmpty() && passwordFile != null) {
            throw new IllegalArgumentException(
                    "set BANQ_DATABASE_PASSWORD or BANQ_DATABASE_PASSWORD_FILE, not both");
        }
        if (poolSize < 2) {
            throw new IllegalArgumentException(
                    "banq.database.pool-size must be at least 2, not " + poolSize);
        }
    }

    public boolean isPostgres() {
        return url != null;
    }

    /** The password: the file's first line, the value, or none. */
    public @Nullable String resolvePassword() {
        if (passwordFile == null) {
            return password == null || password.isEmpty() ? null : password;
        }
        try {
            return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .map(String::strip)
                    .orElseThrow(
                            () ->
                                    new IllegalArgumentException(
                                            "BANQ_DATABASE_PASSWORD_FILE "
                                                    + passwordFile
                                                    + " is empty"));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read BANQ_DATABASE_PASSWORD_FILE " + passwordFile + ": " + e, e);
        }
    }

    /** The URL for messages: what the operator set, never a password. */
    public String describe() {
        String shown = url == null ? "" : url.replaceAll("(?i)password=[^&]*", "password=…");
        return user == null ? shown : shown + " as " + user;
    }
}
