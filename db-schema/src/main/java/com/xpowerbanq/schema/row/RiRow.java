package com.xpowerbanq.schema.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigInteger;

/** A {@code Reindex} event of a position: the row of an RI series database. */
@JsonPropertyOrder({
    "id",
    "filter",
    "index_ray",
    "index_log",
    "util_wad",
    "stamp",
    "symbol",
    "token",
    "mode",
    "log"
})
public record RiRow(
        String id,
        @JsonProperty("index_ray") @BigIntegerN BigInteger indexRay,
        @JsonProperty("index_log") @BigIntegerN BigInteger indexLog,
        @JsonProperty("util_wad") @BigIntegerN BigInteger utilWad,
        @BigIntegerN BigInteger stamp,
        String symbol,
        String token,
        String mode,
        LogJson log)
        implements Row {

    /** The event's name, as the original's filter called it. */
    @JsonProperty(value = "filter", access = JsonProperty.Access.READ_ONLY)
    public String filter() {
        return "Reindex";
    }
}
