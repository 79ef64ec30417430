package com.xpowerbanq.schema;

import java.util.Locale;

/**
 * The five tokens of the protocol. The enum name is the token's name in instance ids and in the
 * contract registry ({@code AVAX_ADDRESS_v10a}); the API names use the lowercased on-chain symbol.
 */
public enum Token {
    APOW("APOW", 18),
    XPOW("XPOW", 18),
    AVAX("WAVAX", 18),
    USDC("USDC", 6),
    USDT("USDt", 6);

    private final String symbol;
    private final int decimals;

    Token(String symbol, int decimals) {
        this.symbol = symbol;
        this.decimals = decimals;
    }

    /** The on-chain ERC-20 symbol: "APOW", "XPOW", "WAVAX", "USDC", "USDt". */
    public String symbol() {
        return symbol;
    }

    /** The lowercased on-chain symbol the web UI uses in API names: "wavax", "usdt", … */
    public String apiSymbol() {
        return symbol.toLowerCase(Locale.ROOT);
    }

    public int decimals() {
        return decimals;
    }
}
