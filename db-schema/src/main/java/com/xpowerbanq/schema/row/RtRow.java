package com.xpowerbanq.schema.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigInteger;

/**
 * A {@code Refresh} event of an oracle: the row of an RT series database, the quote under the
 * protocol's names {@code quote_bid}, {@code quote_ask}, {@code quote_time} (v10a).
 */
@JsonPropertyOrder({
    "id",
    "filter",
    "source_symbol",
    "source_token",
    "target_symbol",
    "target_token",
    "quote_bid",
    "quote_ask",
    "quote_time",
    "log"
})
public record RtRow(
        String id,
        @JsonProperty("source_symbol") String sourceSymbol,
        @JsonProperty("source_token") String sourceToken,
        @JsonProperty("target_symbol") String targetSymbol,
        @JsonProperty("target_token") String targetToken,
        @JsonProperty("quote_bid") @BigIntegerN BigInteger quoteBid,
        @JsonProperty("quote_ask") @BigIntegerN BigInteger quoteAsk,
        @JsonProperty("quote_time") @BigIntegerN BigInteger quoteTime,
        LogJson log)
        implements Row {

    /** The event's name, as the original's filter called it. */
    @JsonProperty(value = "filter", access = JsonProperty.Access.READ_ONLY)
    public String filter() {
        return "Refresh";
    }
}
