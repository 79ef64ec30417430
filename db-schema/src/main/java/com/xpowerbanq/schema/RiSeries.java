package com.xpowerbanq.schema;

import java.util.Objects;

/** The utilisation series of one token and mode in one pool: the position's Reindex events. */
public record RiSeries(Token token, Mode mode, Pool pool) implements Series {

    public RiSeries {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(pool, "pool");
        if (!pool.holds(token)) {
            throw new SeriesNameException(
                    "pool "
                            + pool.id()
                            + " holds "
                            + pool.first()
                            + " and "
                            + pool.second()
                            + ", not "
                            + token);
        }
    }

    @Override
    public Kind kind() {
        return Kind.RI;
    }

    @Override
    public String instanceId() {
        return token.name() + ":" + mode.label() + ":" + pool.id();
    }

    @Override
    public String contractName() {
        return pool.id();
    }

    @Override
    public String apiName() {
        return Kind.RI.apiPrefix() + token.apiSymbol() + "_" + mode.label() + "_" + pool.number();
    }

    @Override
    public String toString() {
        return instanceId();
    }
}
