package com.xpowerbanq.batch.index;

import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.ParameterNames;
import com.xpowerbanq.chain.rpc.BlockBounds;
import com.xpowerbanq.chain.rpc.ChainException;
import com.xpowerbanq.schema.Kind;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * Checks the parameters of an index job before anything runs; messages name what to fix. A {@code
 * to} or {@code from} given as a block number is also checked against the chain, when it answers:
 * {@code to} beyond the latest block, or {@code from} above the upper bound, is refused before any
 * partition starts.
 */
final class IndexJobParametersValidator implements JobParametersValidator, ParameterNames.Known {
    private static final Logger log = LoggerFactory.getLogger(IndexJobParametersValidator.class);
    private static final Set<String> KNOWN =
            Set.of(
                    IndexJobParameters.SERIES,
                    IndexJobParameters.WINDOW,
                    IndexJobParameters.FROM,
                    IndexJobParameters.TO,
                    IndexJobParameters.RESCAN);

    private final Kind kind;
    private final @Nullable Supplier<BlockBounds> bounds;

    /** A validator of the parameters alone. */
    IndexJobParametersValidator(Kind kind) {
        this(kind, null);
    }

    /** A validator that also checks block numbers against the chain {@code bounds} reads. */
    IndexJobParametersValidator(Kind kind, @Nullable Supplier<BlockBounds> bounds) {
        this.kind = kind;
        this.bounds = bounds;
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
        IndexJobParameters parsed;
        try {
            parsed = IndexJobParameters.of(kind, checked);
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(e.getMessage());
        }
        if (bounds != null) {
            checkAgainstChain(parsed, bounds);
        }
    }

    private static void checkAgainstChain(
            IndexJobParameters parameters, Supplier<BlockBounds> bounds)
            throws InvalidJobParametersException {
        OptionalLong from = parameters.fromBlock();
        OptionalLong to = parameters.toBlock();
        if (from.isEmpty() && to.isEmpty()) {
            return;
        }
        try {
            BlockBounds chain = bounds.get();
            long latest = chain.latest();
            if (to.isPresent() && to.getAsLong() > latest) {
                throw new InvalidJobParametersException(
                        "to="
                                + to.getAsLong()
                                + " is beyond the chain's latest block "
                                + latest
                                + ": give a block up to "
                                + latest
                                + ", 'latest' or 'finalized'");
            }
            if (from.isPresent()) {
                String bound;
                long upper;
                if (to.isPresent()) {
                    bound = "to=" + to.getAsLong();
                    upper = to.getAsLong();
                } else if (parameters.to().equals("latest")) {
                    bound = "the latest block";
                    upper = latest;
                } else {
                    upper = chain.finalized();
                    bound = "the finalized block " + upper;
                }
                if (from.getAsLong() > upper) {
                    throw new InvalidJobParametersException(
                            "from="
                                    + from.getAsLong()
                                    + " is above the upper bound, "
                                    + bound
                                    + " (latest block "
                                    + latest
                                    + "): nothing to scan; give a lower from= or a higher to=");
                }
            }
        } catch (ChainException e) {
            // the run itself reports an unreachable chain, and leaves a restartable execution
            log.debug("cannot check from/to against the chain now: {}", e.getMessage());
        }
    }
}
