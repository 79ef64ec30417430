package com.xpowerbanq.devnet;

import com.xpowerbanq.schema.Token;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the devnet deploys beyond the catalogue's pools and oracles: each token's ERC-20 name and a
 * starting USD price for the simulated market.
 */
final class Layout {

    private record Asset(String name, double usd) {}

    private static final Map<Token, Asset> ASSETS = new EnumMap<>(Token.class);

    static {
        ASSETS.put(Token.APOW, new Asset("APower", 0.50));
        ASSETS.put(Token.XPOW, new Asset("XPower", 0.005));
        ASSETS.put(Token.AVAX, new Asset("Wrapped AVAX", 25.0));
        ASSETS.put(Token.USDC, new Asset("USD Coin", 1.0));
        ASSETS.put(Token.USDT, new Asset("TetherToken", 1.0));
    }

    static String name(Token token) {
        return ASSETS.get(token).name();
    }

    static double usd(Token token) {
        return ASSETS.get(token).usd();
    }

    static boolean stable(Token token) {
        return token == Token.USDC || token == Token.USDT;
    }

    private Layout() {}
}
