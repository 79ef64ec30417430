package com.xpowerbanq.batch.launch.migration;

/**
 * Version 2: Quartz's own job store tables for PostgreSQL. Its script ends with a {@code COMMIT},
 * which is left to Flyway's transaction.
 */
public final class QuartzJobStoreSchema extends ClasspathScript {
    public QuartzJobStoreSchema() {
        super(
                "2",
                "Quartz job store",
                "org/quartz/impl/jdbcjobstore/tables_postgres.sql",
                script -> script.replaceAll("(?im)^\\s*COMMIT\\s*;\\s*$", ""));
    }
}
