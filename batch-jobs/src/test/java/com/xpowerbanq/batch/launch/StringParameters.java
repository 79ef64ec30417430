package com.xpowerbanq.batch.launch;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/** Job parameters as the CLI and the scheduler give them: names and text values. */
public final class StringParameters {
    private StringParameters() {}

    /** Parameters from alternating names and values: {@code of("series", "all", "to", "9")}. */
    public static JobParameters of(String... namesAndValues) {
        JobParametersBuilder builder = new JobParametersBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            builder.addString(namesAndValues[i], namesAndValues[i + 1]);
        }
        return builder.toJobParameters();
    }
}
