package com.xpowerbanq.batch.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where banq-batch keeps its state: the series databases in the state directory ({@code
 * --state-dir} or {@code BANQ_STATE_DIR}; {@code /var/lib/banq} in production), and the job
 * repository beside them, unless {@code database} names a PostgreSQL shared by a cluster of hosts
 * ({@code BANQ_DATABASE_URL}). {@code host} is this process's name in that cluster ({@code
 * BANQ_HOST}, by default the machine's host name).
 */
@ConfigurationProperties("banq")
public record BanqProperties(
        @DefaultValue("var/lib/banq") Path stateDir,
        @Nullable String host,
        @DefaultValue JobDatabase database,
        @DefaultValue ClusterProperties cluster) {

    @ConstructorBinding
    public BanqProperties {
        stateDir = stateDir.toAbsolutePath().normalize();
        host = host == null || host.isBlank() ? localHostName() : host.strip();
        if (!host.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new IllegalArgumentException(
                    "BANQ_HOST must be a host name of letters, digits, '.', '_' and '-' (at most 63),"
                            + " not '"
                            + host
                            + "'");
        }
    }

    /** A single host's settings: the job repository in the state directory. */
    public BanqProperties(Path stateDir) {
        this(stateDir, null, JobDatabase.SQLITE, ClusterProperties.DEFAULTS);
    }

    /** Whether the job repository is shared by a cluster of hosts (PostgreSQL). */
    public boolean clustered() {
        return database.isPostgres();
    }

    /** How a cluster notices a host that died. */
    public record ClusterProperties(@DefaultValue("7s") Duration checkinInterval) {
        static final ClusterProperties DEFAULTS = new ClusterProperties(Duration.ofSeconds(7));

        public ClusterProperties {
            if (checkinInterval.isNegative() || checkinInterval.toMillis() < 1000) {
                throw new IllegalArgumentException(
                        "BANQ_CLUSTER_CHECKIN_INTERVAL must be at least 1s, not "
                                + checkinInterval);
            }
        }
    }

    private static String localHostName() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        // the kernel's name needs no resolver, which may be slow or absent on a server
        try {
            String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
