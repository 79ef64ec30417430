package com.xpowerbanq.schema;

/** What a database file holds, as {@link SeriesDatabase#inspect} finds it. */
public enum SchemaState {
    /** The current series schema: typed columns, rollup, views ({@code user_version} current). */
    CURRENT,
    /** Only what the original system created: {@code raw_logs(id, json)}, its indexes and view. */
    LEGACY,
    /** No tables at all: a new file. */
    EMPTY,
    /** Anything else: another application's database, or a schema newer than this build. */
    FOREIGN
}
