package com.xpowerbanq.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A packaged {@code .sql} resource, run whole through SQLite's own multi-statement executor. */
record SqlScript(String name, String text) {

    static SqlScript load(String name) {
        try (InputStream in = SqlScript.class.getResourceAsStream("sql/" + name)) {
            if (in == null) {
                throw new IllegalStateException("packaged SQL script sql/" + name + " is missing");
            }
            return new SqlScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script with every {@code {{name}}} replaced by {@code value}. */
    SqlScript with(String name, String value) {
        return new SqlScript(this.name, text.replace("{{" + name + "}}", value));
    }

    /** Runs every statement of the script; returns the rows the script changed. */
    int run(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(text);
        } catch (SQLException e) {
            throw new SQLException(
                    "SQL script " + name + " failed: " + e.getMessage(),
                    e.getSQLState(),
                    e.getErrorCode(),
                    e);
        }
    }
}
