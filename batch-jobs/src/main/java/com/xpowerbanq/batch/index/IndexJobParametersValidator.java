package com.xpowerbanq.batch.index;

import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.ParameterNames;
import com.xpowerbanq.schema.Kind;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/** Checks the parameters of an index job before anything runs; messages name what to fix. */
final class IndexJobParametersValidator implements JobParametersValidator, ParameterNames.Known {
    private static final Set<String> KNOWN =
            Set.of(
                    IndexJobParameters.SERIES,
                    IndexJobParameters.WINDOW,
                    IndexJobParameters.FROM,
                    IndexJobParameters.TO,
                    IndexJobParameters.RESCAN);

    private final Kind kind;

    IndexJobParametersValidator(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Set<String> parameterNames() {
        return KNOWN;
    }

    @Override
    public void validate(@Nullable JobParameters parameters) throws InvalidJobParametersException {
        JobParameters checked = parameters == null ? new JobParameters() : parameters;
        for (var parameter : checked) {
            if (!KNOWN.contains(parameter.name())
                    && !JobNames.LAUNCH_PARAMETERS.contains(parameter.name())) {
                throw new InvalidJobParametersException(
                        "unknown parameter '"
                                + parameter.name()
                                + "': use series, window, from, to, rescan");
            }
        }
        try {
            IndexJobParameters.of(kind, checked);
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
    }
}
