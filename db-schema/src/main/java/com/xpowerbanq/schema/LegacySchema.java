package com.xpowerbanq.schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The schema the original system created, statement for statement: a database made with it is what
 * a legacy series database looks like, for tests, benchmarks and migration drills.
 */
public final class LegacySchema {

    private LegacySchema() {}

    /** Applies the original DDL of {@code kind} (its PRAGMAs, raw_logs, view and indexes). */
    public static void create(Connection connection, Kind kind) throws SQLException {
        SqlScript.load("legacy-" + kind.name().toLowerCase(java.util.Locale.ROOT) + ".sql")
                .run(connection);
    }
}
