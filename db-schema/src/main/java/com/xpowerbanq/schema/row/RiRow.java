package com.xpowerbanq.schema.row;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/**
 * A {@code Reindex} event of a position: the row of an RI series database. v10a rows carry the
 * event's {@code index_ray} and the {@code index_log} the original CLI derived from it; v10b/v10c
 * events carry {@code index_log} itself, so their rows have no {@code index_ray} (as the CLI wrote
 * them).
 */
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
        @JsonProperty("index_ray") @JsonInclude(JsonInclude.Include.NON_NULL) @BigIntegerN
                @Nullable BigInteger indexRay,
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
