package com.xpowerbanq.batch.transfer;

import com.xpowerbanq.batch.index.RawLogStore;
import com.xpowerbanq.batch.index.SeriesRow;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.SeriesDatabase;
import com.xpowerbanq.schema.SeriesEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Imports the original's JSON lines into a series database through the writer's own store, so the
 * database is created or migrated as the index jobs do it and an event it already holds (by block
 * and log index, whatever its id) is not inserted again. Each batch of lines is one transaction: a
 * malformed line stops the import before its batch is written, the batches before it stay.
 */
public final class LineImporter {
    /** The original importer's batch size. */
    public static final int DEFAULT_BATCH = 16;

    private final Path file;
    private final Kind kind;
    private final ContractRun run;
    private final int batch;

    /** An importer into a v10a database. */
    public LineImporter(Path file, Kind kind, int batch) {
        this(file, kind, ContractRun.V10A, batch);
    }

    /**
     * An importer of {@code run}'s lines: a new or legacy database records the run, one that
     * records another is refused.
     */
    public LineImporter(Path file, Kind kind, ContractRun run, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        this.file = file;
        this.kind = kind;
        this.run = run;
        this.batch = batch;
    }

    /** Reads {@code lines} to their end; blank lines are skipped, as the original did. */
    public ImportSummary importLines(BufferedReader lines) {
        long number = 0;
        long read = 0;
        long inserted = 0;
        List<SeriesRow> rows = new ArrayList<>(Math.min(batch, 1024));
        try (RawLogStore store = RawLogStore.open(file, kind, run)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                rows.add(parse(line, number, read));
                read++;
                if (rows.size() == batch) {
                    inserted += store.write(rows, null);
                    rows.clear();
                }
            }
            inserted += store.write(rows, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lines to import: " + e, e);
        }
        return new ImportSummary(read, inserted, read - inserted, lastBlock());
    }

    private SeriesRow parse(String line, long number, long read) {
        try {
            return EventLine.parse(line, number, kind);
        } catch (MalformedLineException e) {
            long committed = read - read % batch;
            throw new MalformedLineException(
                    e,
                    "import into "
                            + file
                            + " stopped: nothing of that line's batch was written, the "
                            + committed
                            + " rows before it were");
        }
    }

    private OptionalLong lastBlock() {
        try (Connection connection =
                DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file))) {
            return SeriesEvents.lastBlock(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the last block of " + file + ": " + e, e);
        }
    }
}
