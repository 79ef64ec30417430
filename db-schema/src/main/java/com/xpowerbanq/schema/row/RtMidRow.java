package com.xpowerbanq.schema.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigInteger;

/**
 * A {@code Refresh} row with the quote under the original CLI's names {@code quote_mid}, {@code
 * quote_rel}, {@code quote_utc}: how v10b/v10c rows are written and how the original wrote v10a
 * rows (whose three words are then bid, ask, time).
 */
@JsonPropertyOrder({
    "id",
    "filter",
    "source_symbol",
    "source_token",
    "target_symbol",
    "target_token",
    "quote_mid",
    "quote_rel",
    "quote_utc",
    "log"
})
public record RtMidRow(
        String id,
        @JsonProperty("source_symbol") String sourceSymbol,
        @JsonProperty("source_token") String sourceToken,
        @JsonProperty("target_symbol") String targetSymbol,
        @JsonProperty("target_token") String targetToken,
        @JsonProperty("quote_mid") @BigIntegerN BigInteger quoteMid,
        @JsonProperty("quote_rel") @BigIntegerN BigInteger quoteRel,
        @JsonProperty("quote_utc") @BigIntegerN BigInteger quoteUtc,
        LogJson log)
        implements Row {

    /** The event's name, as the original's filter called it. */
    @JsonProperty(value = "filter", access = JsonProperty.Access.READ_ONLY)
    public String filter() {
        return "Refresh";
    }
}
