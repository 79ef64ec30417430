package com.xpowerbanq.batch.schedule;

import com.xpowerbanq.batch.launch.ParameterNames;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The schedules of {@code banq-batch serve} ({@code banq.schedule.*} in application.yml; every
 * value can be overridden by env, e.g. {@code BANQ_SCHEDULE_ZONE}, {@code BANQ_SCHEDULE_JITTER},
 * {@code BANQ_SCHEDULE_RETWAP_CRON}, {@code BANQ_SCHEDULE_REINDEXWATCH_ENABLED}, {@code
 * BANQ_SCHEDULE_RETWAP_PARAMETERS_PERCENT_MIN}: parameter names in any spelling, see {@link
 * ParameterNames}). Cron expressions are Quartz's (seconds first), evaluated in {@code zone}: the
 * host's time zone unless set, as the original's systemd timers ran in local time. Each fire waits
 * a random delay of up to {@code jitter}. Unset schedules keep the original timers' times.
 */
@ConfigurationProperties("banq.schedule")
public record ScheduleProperties(
        ZoneId zone,
        Duration jitter,
        int maxRestarts,
        Duration stopTimeout,
        @Nullable Schedule reindex,
        @Nullable Schedule reindexWatch,
        @Nullable Schedule retwap,
        @Nullable Schedule retwapWatch) {

    public static final String REINDEX = "reindex";
    public static final String REINDEX_WATCH = "reindex-watch";
    public static final String RETWAP = "retwap";
    public static final String RETWAP_WATCH = "retwap-watch";

    /** The settings as bound: an unset or empty zone is the host's (the JVM's default) zone. */
    @ConstructorBinding
    public ScheduleProperties(
            @Nullable String zone,
            @DefaultValue("60s") Duration jitter,
            @DefaultValue("1") int maxRestarts,
            @DefaultValue("2m") Duration stopTimeout,
            @Nullable Schedule reindex,
            @Nullable Schedule reindexWatch,
            @Nullable Schedule retwap,
            @Nullable Schedule retwapWatch) {
        this(
                zoneOf(zone),
                jitter,
                maxRestarts,
                stopTimeout,
                reindex,
                reindexWatch,
                retwap,
                retwapWatch);
    }

    private static ZoneId zoneOf(@Nullable String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            // not chained: start-up errors show the root cause, which is to name the setting
            throw new IllegalArgumentException(
                    "banq.schedule.zone (BANQ_SCHEDULE_ZONE) '"
                            + zone
                            + "' is not a time zone: give a region such as Europe/Berlin, UTC or"
                            + " an offset such as +01:00, or leave it unset for the host's zone ("
                            + ZoneId.systemDefault()
                            + "): "
                            + e.getMessage());
        }
    }

    public ScheduleProperties {
        Objects.requireNonNull(zone, "zone");
        if (jitter.isNegative()) {
            throw new IllegalArgumentException(
                    "banq.schedule.jitter (BANQ_SCHEDULE_JITTER) must not be negative: " + jitter);
        }
        if (maxRestarts < 0) {
            throw new IllegalArgumentException(
                    "banq.schedule.max-restarts (BANQ_SCHEDULE_MAXRESTARTS) must be >= 0");
        }
        // the keepers broadcast on schedule, as the original timers ran them with -Y
        Map<String, String> keep = Map.of("series", "all", "broadcast", "true");
        Map<String, String> watch = Map.of("series", "all");
        reindex = Schedule.orDefault(reindex, "0 30 6,18 * * ?", keep, REINDEX);
        reindexWatch = Schedule.orDefault(reindexWatch, "0 45 6,18 * * ?", watch, REINDEX_WATCH);
        retwap = Schedule.orDefault(retwap, "0 0 * * * ?", keep, RETWAP);
        retwapWatch = Schedule.orDefault(retwapWatch, "0 15 6,18 * * ?", watch, RETWAP_WATCH);
    }

    /** Every schedule by job name, in a fixed order, enabled or not. */
    public Map<String, Schedule> byJob() {
        Map<String, Schedule> schedules = new LinkedHashMap<>();
        schedules.put(REINDEX, reindex);
        schedules.put(REINDEX_WATCH, reindexWatch);
        schedules.put(RETWAP, retwap);
        schedules.put(RETWAP_WATCH, retwapWatch);
        return schedules;
    }

    /**
     * One job's schedule: whether it runs, when, and the job parameters of each run, laid over the
     * defaults ({@code series=all}; the keepers also {@code broadcast=true}).
     */
    public record Schedule(
            @Nullable Boolean enabled,
            @Nullable String cron,
            @Nullable Map<String, String> parameters) {

        static Schedule orDefault(
                @Nullable Schedule given, String cron, Map<String, String> parameters, String job) {
            Map<String, String> merged = new LinkedHashMap<>(parameters);
            if (given != null && given.parameters != null) {
                // Spring binds an env override of a configured `percent-min` to both that key
                // and `percent.min`, with one value; two values for one name are an error
                Map<String, String> spelledAs = new LinkedHashMap<>();
                given.parameters.forEach(
                        (name, value) -> {
                            String earlier = spelledAs.put(ParameterNames.key(name), name);
                            if (earlier != null
                                    && !String.valueOf(given.parameters.get(earlier))
                                            .equals(value)) {
                                throw new IllegalArgumentException(
                                        "banq.schedule."
                                                + job
                                                + ".parameters gives one parameter two values, as '"
                                                + earlier
                                                + "' and '"
                                                + name
                                                + "': keep one");
                            }
                            merged.keySet()
                                    .removeIf(
                                            other ->
                                                    ParameterNames.key(other)
                                                            .equals(ParameterNames.key(name)));
                        });
                merged.putAll(given.parameters);
            }
            Schedule schedule =
                    new Schedule(
                            given == null || given.enabled == null || given.enabled,
                            given == null || given.cron == null || given.cron.isBlank()
                                    ? cron
                                    : given.cron.strip(),
                            Map.copyOf(merged));
            if (!CronExpression.isValidExpression(schedule.cron)) {
                throw new IllegalArgumentException(
                        "banq.schedule."
                                + job
                                + ".cron '"
                                + schedule.cron
                                + "' is not a Quartz cron expression (seconds minutes hours"
                                + " day-of-month month day-of-week, e.g. '0 30 6,18 * * ?')");
            }
            return schedule;
        }

        public boolean isEnabled() {
            return enabled == null || enabled;
        }

        public String cronExpression() {
            return cron == null ? "" : cron;
        }

        public Map<String, String> jobParameters() {
            return parameters == null ? Map.of() : parameters;
        }
    }
}
