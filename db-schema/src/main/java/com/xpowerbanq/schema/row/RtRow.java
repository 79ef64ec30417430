package com.xpowerbanq.schema.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigInteger;

/**
 * A {@code Refresh} row of an RT series database, the quote under the protocol's names {@code
 * quote_bid}, {@code quote_ask}, {@code quote_time} (v10a).
 */
public record RtRow(
        String id,
        String sourceSymbol,
        String sourceToken,
        String targetSymbol,
        String targetToken,
        @JsonProperty("quote_bid") @BigIntegerN BigInteger quoteBid,
        @JsonProperty("quote_ask") @BigIntegerN BigInteger quoteAsk,
        @JsonProperty("quote_time") @BigIntegerN BigInteger quoteTime,
        LogJson log)
        implements RefreshRow {}
