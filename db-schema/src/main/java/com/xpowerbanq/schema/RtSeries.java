package com.xpowerbanq.schema;

import java.util.Objects;

/** The TWAP quotes of one direction source→target of an oracle: its Refresh events. */
public record RtSeries(Token source, Token target, Oracle oracle) implements Series {

    public RtSeries {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(oracle, "oracle");
        if (source == target || !oracle.quotes(source, target)) {
            throw new SeriesNameException(
                    "oracle "
                            + oracle.id()
                            + " quotes "
                            + oracle.a()
                            + "/"
                            + oracle.b()
                            + " in either direction, not "
                            + source
                            + "/"
                            + target);
        }
    }

    @Override
    public Kind kind() {
        return Kind.RT;
    }

    @Override
    public String instanceId() {
        return source.name() + "_" + target.name() + ":" + oracle.id();
    }

    @Override
    public String contractName() {
        return oracle.id();
    }

    @Override
    public String apiName() {
        return Kind.RT.apiPrefix()
                + source.apiSymbol()
                + "_"
                + target.apiSymbol()
                + "_"
                + oracle.number();
    }

    @Override
    public String toString() {
        return instanceId();
    }
}
