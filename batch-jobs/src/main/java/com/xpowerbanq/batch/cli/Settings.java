package com.xpowerbanq.batch.cli;

import com.xpowerbanq.schema.cli.ExitCode;
import java.util.List;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Binds a group of settings as the application context would (application.properties, the
 * environment in Spring's relaxed form, {@code --name=value}), without starting one: for the
 * commands that need a setting or two and should answer at once.
 */
final class Settings {
    private final ConfigurableEnvironment environment;

    private Settings(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    /** The settings of a command line's {@code --name=value} options over the packaged ones. */
    static Settings of(List<String> options) {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(
                        new SimpleCommandLinePropertySource(
                                options.stream()
                                        .map(SpringOptions::property)
                                        .toArray(String[]::new)));
        try {
            ConfigDataEnvironmentPostProcessor.applyTo(environment);
        } catch (RuntimeException e) {
            throw failure(e);
        }
        return new Settings(environment);
    }

    static <T> T bind(List<String> options, String prefix, Class<T> type) {
        return of(options).bind(prefix, type);
    }

    <T> T bind(String prefix, Class<T> type) {
        try {
            return Binder.get(environment).bindOrCreate(prefix, type);
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /**
     * Logging as the application context would set it up (the packaged configuration and the {@code
     * logging.level.*} settings), so a command without a context logs the same way.
     */
    Settings withLogging() {
        LoggingSystem logging = LoggingSystem.get(Settings.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
        Binder.get(environment)
                .bind("logging.level", Bindable.mapOf(String.class, LogLevel.class))
                .ifBound(levels -> levels.forEach(logging::setLogLevel));
        return this;
    }

    private static RuntimeException failure(RuntimeException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return new CommandContext.CommandFailure(
                String.valueOf(cause.getMessage()),
                cause instanceof IllegalArgumentException ? ExitCode.USAGE : ExitCode.INTERNAL,
                e);
    }
}
