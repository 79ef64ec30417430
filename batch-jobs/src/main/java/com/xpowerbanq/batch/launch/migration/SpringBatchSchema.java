package com.xpowerbanq.batch.launch.migration;

import java.util.function.UnaryOperator;

/** Version 1: Spring Batch's own job repository tables for PostgreSQL. */
public final class SpringBatchSchema extends ClasspathScript {
    public SpringBatchSchema() {
        super(
                "1",
                "Spring Batch job repository",
                "org/springframework/batch/core/schema-postgresql.sql",
                UnaryOperator.identity());
    }
}
