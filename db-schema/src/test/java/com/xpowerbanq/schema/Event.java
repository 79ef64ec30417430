package com.xpowerbanq.schema;

import java.math.BigInteger;
import java.util.UUID;

/**
 * A test event and its row in the original JSON format: integers as "…n" strings, the log nested.
 * RI events carry util_wad in {@code a}; RT events carry bid in {@code a} and ask in {@code b}.
 */
record Event(String id, long block, int index, long time, BigInteger a, BigInteger b) {

    static final BigInteger E18 = BigInteger.TEN.pow(18);

    static Event of(long block, int index, long time, BigInteger a, BigInteger b) {
        return new Event(UUID.randomUUID().toString(), block, index, time, a, b);
    }

    Event withNewId() {
        return new Event(UUID.randomUUID().toString(), block, index, time, a, b);
    }

    /** The value the rollup aggregates: utilisation (RI) or mid quote (RT), scaled by 1e18. */
    double value(Kind kind) {
        double first = Double.parseDouble(a.toString()) / 1e18;
        if (kind == Kind.RI) {
            return first;
        }
        return (first + Double.parseDouble(b.toString()) / 1e18) / 2;
    }

    String json(Kind kind) {
        return kind == Kind.RI ? riJson() : rtJson(false);
    }

    /** An RT row as the original CLI wrote it: the quote under quote_mid/quote_rel/quote_utc. */
    String legacyRtJson() {
        return rtJson(true);
    }

    private String riJson() {
        return "{\"id\":\""
                + id
                + "\",\"filter\":\"Reindex\""
                + ",\"index_ray\":\""
                + BigInteger.TEN.pow(27).add(BigInteger.valueOf(block))
                + "n\""
                + ",\"index_log\":\""
                + block
                + "n\""
                + ",\"util_wad\":\""
                + a
                + "n\""
                + ",\"stamp\":\""
                + time
                + "n\""
                + ",\"symbol\":\"APOW\",\"token\":\"0xf3dd4E0a1dB7C5DCbf3b225698Cb6A916AEB24d9\""
                + ",\"mode\":\"supply\",\"log\":"
                + log()
                + "}";
    }

    private String rtJson(boolean legacy) {
        String quote =
                legacy
                        ? ",\"quote_mid\":\""
                                + a
                                + "n\",\"quote_rel\":\""
                                + b
                                + "n\",\"quote_utc\":\""
                                + time
                                + "n\""
                        : ",\"quote_bid\":\""
                                + a
                                + "n\",\"quote_ask\":\""
                                + b
                                + "n\",\"quote_time\":\""
                                + time
                                + "n\"";
        return "{\"id\":\""
                + id
                + "\",\"filter\":\"Refresh\""
                + ",\"source_symbol\":\"XPOW\",\"source_token\":\"0x8f0A35CaBD10E830C8c10629CF539c2e0f1f3481\""
                + ",\"target_symbol\":\"APOW\",\"target_token\":\"0xf3dd4E0a1dB7C5DCbf3b225698Cb6A916AEB24d9\""
                + quote
                + ",\"log\":"
                + log()
                + "}";
    }

    private String log() {
        return "{\"_type\":\"log\",\"address\":\"0x96d015A979b12F7025AAc137A4C640f8D2ec2499\""
                + ",\"blockHash\":\"0x"
                + String.format("%064x", block)
                + "\""
                + ",\"blockNumber\":"
                + block
                + ",\"data\":\"0x"
                + String.format("%064x", a)
                + "\""
                + ",\"index\":"
                + index
                + ",\"removed\":false"
                + ",\"topics\":[\"0x"
                + "ab".repeat(32)
                + "\"]"
                + ",\"transactionHash\":\"0x"
                + String.format("%064x", block * 1000 + index)
                + "\""
                + ",\"transactionIndex\":"
                + (index % 3)
                + "}";
    }
}
