package com.xpowerbanq.schema;

import com.xpowerbanq.schema.row.LogJson;
import com.xpowerbanq.schema.row.RiRow;
import com.xpowerbanq.schema.row.RowJson;
import com.xpowerbanq.schema.row.RtMidRow;
import com.xpowerbanq.schema.row.RtRow;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;

/**
 * A test event and its row in the original JSON format: integers as "…n" strings, the log nested.
 * RI events carry util_wad in {@code a}; RT events carry bid in {@code a} and ask in {@code b}.
 */
record Event(String id, long block, int index, long time, BigInteger a, BigInteger b) {

    static final BigInteger E18 = BigInteger.TEN.pow(18);

    private static final String APOW = "APOW";
    private static final String APOW_TOKEN = "0xf3dd4E0a1dB7C5DCbf3b225698Cb6A916AEB24d9";
    private static final String XPOW = "XPOW";
    private static final String XPOW_TOKEN = "0x8f0A35CaBD10E830C8c10629CF539c2e0f1f3481";

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
        return RowJson.write(kind == Kind.RI ? riRow() : rtRow());
    }

    /** An RT row as the original CLI wrote it: the quote under quote_mid/quote_rel/quote_utc. */
    String legacyRtJson() {
        return RowJson.write(
                new RtMidRow(
                        id,
                        XPOW,
                        XPOW_TOKEN,
                        APOW,
                        APOW_TOKEN,
                        a,
                        b,
                        BigInteger.valueOf(time),
                        log()));
    }

    private RiRow riRow() {
        return new RiRow(
                id,
                BigInteger.TEN.pow(27).add(BigInteger.valueOf(block)),
                BigInteger.valueOf(block),
                a,
                BigInteger.valueOf(time),
                APOW,
                APOW_TOKEN,
                "supply",
                log());
    }

    private RtRow rtRow() {
        return new RtRow(
                id, XPOW, XPOW_TOKEN, APOW, APOW_TOKEN, a, b, BigInteger.valueOf(time), log());
    }

    private LogJson log() {
        return new LogJson(
                "0x96d015A979b12F7025AAc137A4C640f8D2ec2499",
                "0x" + String.format("%064x", block),
                block,
                "0x" + String.format("%064x", a),
                index,
                false,
                List.of("0x" + "ab".repeat(32)),
                "0x" + String.format("%064x", block * 1000 + index),
                index % 3);
    }
}
