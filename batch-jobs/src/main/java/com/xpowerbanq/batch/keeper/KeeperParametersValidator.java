package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.ParameterNames;
import com.xpowerbanq.schema.Kind;
import java.math.BigInteger;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * Checks the parameters of a keeper job before it starts: known names only, series of the job's
 * kind, booleans, percent bounds and amount as numbers. A private key is never a parameter.
 */
final class KeeperParametersValidator implements JobParametersValidator, ParameterNames.Known {
    private final Kind kind;
    private final Set<String> allowed;

    KeeperParametersValidator(Kind kind) {
        this.kind = kind;
        this.allowed =
                kind == Kind.RI
                        ? Set.of(KeeperJobs.SERIES, KeeperJobs.BROADCAST)
                        : Set.of(
                                KeeperJobs.SERIES,
                                KeeperJobs.BROADCAST,
                                KeeperJobs.PERCENT_MIN,
                                KeeperJobs.PERCENT_MAX,
                                KeeperJobs.AMOUNT);
    }

    @Override
    public Set<String> parameterNames() {
        return allowed;
    }

    @Override
    public void validate(@Nullable JobParameters parameters) throws InvalidJobParametersException {
        if (parameters == null) {
            return;
        }
        for (var parameter : parameters.parameters()) {
            String name = parameter.name();
            if (name.toLowerCase(java.util.Locale.ROOT).contains("private")
                    || name.toLowerCase(java.util.Locale.ROOT).contains("key")) {
                throw new InvalidJobParametersException(
                        "a signing key is never a job parameter: set PRIVATE_KEY or PRIVATE_KEY_FILE"
                                + " in the environment instead");
            }
            if (!allowed.contains(name) && !JobNames.LAUNCH_PARAMETERS.contains(name)) {
                throw new InvalidJobParametersException(
                        "unknown parameter '"
                                + name
                                + "' (accepted: "
                                + new TreeSet<>(allowed)
                                + ")");
            }
        }
        try {
            SeriesSelection.parse(text(parameters, KeeperJobs.SERIES), kind);
            KeeperOptions.from(parameters);
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }

    /** A parameter's value as text, whatever type the launcher gave it; null when absent. */
    static @Nullable String text(JobParameters parameters, String name) {
        var parameter = parameters.getParameter(name);
        return parameter == null ? null : String.valueOf(parameter.value());
    }

    /** The per-run options every partition reads from the job parameters. */
    record KeeperOptions(boolean broadcast, DeltaBounds bounds, BigInteger amount) {
        static KeeperOptions from(JobParameters parameters) {
            String broadcast = text(parameters, KeeperJobs.BROADCAST);
            if (broadcast != null
                    && !broadcast.equalsIgnoreCase("true")
                    && !broadcast.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException(
                        "broadcast=" + broadcast + " must be true or false");
            }
            double min =
                    percent(parameters, KeeperJobs.PERCENT_MIN, DeltaBounds.DEFAULT_PERCENT_MIN);
            double max =
                    percent(parameters, KeeperJobs.PERCENT_MAX, DeltaBounds.DEFAULT_PERCENT_MAX);
            return new KeeperOptions(
                    "true".equalsIgnoreCase(broadcast),
                    DeltaBounds.percent(min, max),
                    amount(parameters));
        }

        private static double percent(JobParameters parameters, String name, double fallback) {
            String value = text(parameters, name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                double parsed = Double.parseDouble(value.strip());
                if (!(parsed >= 0) || Double.isInfinite(parsed)) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        name + "=" + value + " must be a percentage >= 0 (e.g. 3 or 0.5)");
            }
        }

        private static BigInteger amount(JobParameters parameters) {
            String value = text(parameters, KeeperJobs.AMOUNT);
            if (value == null || value.isBlank()) {
                return RetwapKeeper.DEFAULT_AMOUNT;
            }
            try {
                BigInteger parsed = new java.math.BigDecimal(value.strip()).toBigIntegerExact();
                if (parsed.signum() <= 0) {
                    throw new ArithmeticException();
                }
                return parsed;
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException(
                        "amount="
                                + value
                                + " must be a positive whole number of the source token's"
                                + " smallest unit (e.g. 1000000000 or 1e9)");
            }
        }
    }
}
