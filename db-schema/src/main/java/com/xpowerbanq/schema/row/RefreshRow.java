package com.xpowerbanq.schema.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@code Refresh} event of an oracle: the header both quote namings share, its keys first in the
 * original's order; the quote's three words and the log follow in each row's component order.
 */
@JsonPropertyOrder({
    "id",
    "filter",
    "source_symbol",
    "source_token",
    "target_symbol",
    "target_token"
})
public sealed interface RefreshRow extends Row permits RtRow, RtMidRow {

    @JsonProperty("source_symbol")
    String sourceSymbol();

    @JsonProperty("source_token")
    String sourceToken();

    @JsonProperty("target_symbol")
    String targetSymbol();

    @JsonProperty("target_token")
    String targetToken();

    /** The event's name, as the original's filter called it. */
    @JsonProperty(value = "filter", access = JsonProperty.Access.READ_ONLY)
    default String filter() {
        return "Refresh";
    }
}
