package com.xpowerbanq.batch.launch.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.function.UnaryOperator;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A Flyway migration that runs a DDL script shipped inside a library's jar, as the library wrote
 * it, in Flyway's transaction.
 */
abstract class ClasspathScript implements JavaMigration {
    private final MigrationVersion version;
    private final String description;
    private final String resource;
    private final UnaryOperator<String> edit;

    ClasspathScript(
            String version, String description, String resource, UnaryOperator<String> edit) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.resource = resource;
        this.edit = edit;
    }

    @Override
    public MigrationVersion getVersion() {
        return version;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Integer getChecksum() {
        return resource.hashCode();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        String script;
        try (var in = new ClassPathResource(resource).getInputStream()) {
            script = edit.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
        }
        Connection connection = context.getConnection();
        ScriptUtils.executeSqlScript(
                connection, new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)));
    }
}
