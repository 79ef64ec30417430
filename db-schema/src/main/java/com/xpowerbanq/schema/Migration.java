package com.xpowerbanq.schema;

/**
 * What {@link SeriesDatabase#migrate} did to a database.
 *
 * @param from the state found before migrating
 * @param fromVersion the schema version found before migrating (0 for an empty or legacy database)
 * @param version the schema version after migrating
 * @param rows the rows of {@code raw_logs} after migrating
 * @param duplicatesRemoved legacy rows removed because another row held the same event (block, log
 *     index) under a different id
 */
public record Migration(
        SchemaState from, int fromVersion, int version, long rows, int duplicatesRemoved) {

    /** Whether the database was changed (false when it was current already). */
    public boolean changed() {
        return from != SchemaState.CURRENT || fromVersion != version;
    }
}
