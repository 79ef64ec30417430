package com.xpowerbanq.batch.index;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the index jobs run: how many series are scanned in parallel. */
@ConfigurationProperties("banq.index")
public record IndexProperties(@DefaultValue("4") int workers) {
    public IndexProperties {
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException(
                    "banq.index.workers=" + workers + " is not between 1 and 64");
        }
    }
}
