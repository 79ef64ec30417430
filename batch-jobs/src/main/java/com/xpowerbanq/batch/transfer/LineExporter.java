package com.xpowerbanq.batch.transfer;

import com.xpowerbanq.schema.SeriesDatabase;
import com.xpowerbanq.schema.SeriesEvents;
import com.xpowerbanq.schema.cli.ExitCode;
import com.xpowerbanq.schema.cli.ExitStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Writes the events of a series database as the original's JSON lines: the stored json column as it
 * is, one per line, in (block, log index) order. Reads through a read-only connection, so a running
 * writer is not disturbed and the file is never changed.
 */
public final class LineExporter {
    private LineExporter() {}

    /** Writes the events of blocks {@code from..to} to {@code out}; returns how many. */
    public static long export(Path file, long from, long to, Writer out) {
        if (!Files.isRegularFile(file)) {
            throw new MissingDatabaseException(file);
        }
        try (Connection connection =
                DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file))) {
            long count =
                    SeriesEvents.forEachJson(
                            connection,
                            from,
                            to,
                            json -> {
                                try {
                                    out.write(json);
                                    out.write('\n');
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
            out.flush();
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the events of " + file + ": " + e, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the events of " + file + ": " + e, e);
        }
    }

    /** The series has no database in the state directory (exit 69). */
    static final class MissingDatabaseException extends RuntimeException implements ExitStatus {
        MissingDatabaseException(Path file) {
            super("no series database at " + file + " (check --state-dir or BANQ_STATE_DIR)");
        }

        @Override
        public ExitCode exitCode() {
            return ExitCode.UNAVAILABLE;
        }
    }
}
