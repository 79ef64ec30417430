package com.xpowerbanq.batch.launch;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Batch creates job executions at SERIALIZABLE isolation, which on PostgreSQL aborts one of
 * two hosts' concurrent launches of different jobs with a serialization failure. In a cluster a job
 * is launched under its advisory lock ({@link AdvisoryRunLock}) and the repository's unique keys
 * refuse a duplicate instance, so READ COMMITTED is enough there; SQLite keeps the default.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class ClusterDatabaseEnvironment implements EnvironmentPostProcessor {
    static final String ISOLATION = "spring.batch.jdbc.isolation-level-for-create";

    @Override
    public void postProcessEnvironment(
            ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("banq.database.url", "");
        if (url.startsWith(JobDatabase.POSTGRES_PREFIX)
                && !environment.containsProperty(ISOLATION)) {
            environment
                    .getPropertySources()
                    .addLast(
                            new MapPropertySource(
                                    "banq-cluster-database", Map.of(ISOLATION, "read-committed")));
        }
    }
}
