package com.xpowerbanq.batch.launch;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where banq-batch keeps its state: the job repository and the series databases ({@code
 * --state-dir} or {@code BANQ_STATE_DIR}; {@code /var/lib/banq} in production).
 */
@ConfigurationProperties("banq")
public record BanqProperties(@DefaultValue("var/lib/banq") Path stateDir) {
    public BanqProperties {
        stateDir = stateDir.toAbsolutePath().normalize();
    }
}
