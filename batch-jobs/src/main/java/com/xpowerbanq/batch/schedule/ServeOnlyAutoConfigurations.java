package com.xpowerbanq.batch.schedule;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves the auto-configurations only {@code serve} uses out of every other context: Quartz, the
 * management web server and its actuator endpoints, health and metrics. {@code run}, {@code
 * restart}, {@code prune} and the rest need no scheduler and no web server, and loading them (a
 * scheduler with no jobs still starts its threads; Tomcat, Micrometer and the actuator add hundreds
 * of classes) would slow every command's start. Registered in {@code META-INF/spring.factories}.
 */
public final class ServeOnlyAutoConfigurations
        implements AutoConfigurationImportFilter, EnvironmentAware {
    /** Packages of the auto-configurations that only the daemon needs. */
    static final List<String> SERVE_ONLY =
            List.of(
                    "org.springframework.boot.quartz.",
                    "org.springframework.boot.actuate.",
                    "org.springframework.boot.health.",
                    "org.springframework.boot.micrometer.",
                    "org.springframework.boot.tomcat.",
                    "org.springframework.boot.servlet.",
                    "org.springframework.boot.webmvc.",
                    "org.springframework.boot.jdbc.autoconfigure.health.",
                    "org.springframework.boot.jdbc.autoconfigure.metrics.");

    private boolean serving;

    @Override
    public void setEnvironment(Environment environment) {
        serving = environment.getProperty(ScheduleDaemon.SERVE, Boolean.class, false);
    }

    @Override
    public boolean[] match(
            @Nullable String[] autoConfigurationClasses,
            AutoConfigurationMetadata autoConfigurationMetadata) {
        boolean[] matches = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < matches.length; i++) {
            String name = autoConfigurationClasses[i];
            matches[i] = serving || name == null || !serveOnly(name);
        }
        return matches;
    }

    static boolean serveOnly(String autoConfiguration) {
        return SERVE_ONLY.stream().anyMatch(autoConfiguration::startsWith);
    }
}
