package com.xpowerbanq.schema.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigInteger;

/**
 * A {@code Refresh} row with the quote under the original CLI's names {@code quote_mid}, {@code
 * quote_rel}, {@code quote_utc}: how v10b/v10c rows are written and how the original wrote v10a
 * rows (whose three words are then bid, ask, time).
 */
public record RtMidRow(
        String id,
        String sourceSymbol,
        String sourceToken,
        String targetSymbol,
        String targetToken,
        @JsonProperty("quote_mid") @BigIntegerN BigInteger quoteMid,
        @JsonProperty("quote_rel") @BigIntegerN BigInteger quoteRel,
        @JsonProperty("quote_utc") @BigIntegerN BigInteger quoteUtc,
        LogJson log)
        implements RefreshRow {}
