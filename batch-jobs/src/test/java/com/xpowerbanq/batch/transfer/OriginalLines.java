package com.xpowerbanq.batch.transfer;

import com.xpowerbanq.schema.row.LogJson;
import com.xpowerbanq.schema.row.RiRow;
import com.xpowerbanq.schema.row.RowJson;
import com.xpowerbanq.schema.row.RtMidRow;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * JSON lines as the original's watchers printed them: one row per line, ids that are not ours (the
 * original's came from the whole serialised log object, so a salt stands for it).
 */
final class OriginalLines {
    private static final String EMITTER = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final String XPOW = "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0";
    private static final String APOW = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";

    private OriginalLines() {}

    /** {@code count} Reindex events, two per block from block 1000, half a day apart. */
    static List<String> ri(int count, String salt) {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(
                    RowJson.write(
                            new RiRow(
                                    id(salt, i),
                                    BigInteger.TEN.pow(27).add(BigInteger.valueOf(i)),
                                    BigInteger.valueOf(i),
                                    BigInteger.valueOf(5 * i).multiply(BigInteger.TEN.pow(15)),
                                    BigInteger.valueOf(time(i)),
                                    "APOW",
                                    APOW,
                                    "supply",
                                    log(i))));
        }
        return lines;
    }

    /**
     * {@code count} Refresh events as the original CLI wrote v10a quotes: bid, ask and time under
     * quote_mid, quote_rel and quote_utc.
     */
    static List<String> rt(int count, String salt) {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BigInteger bid = BigInteger.TEN.pow(18).add(BigInteger.valueOf(i));
            lines.add(
                    RowJson.write(
                            new RtMidRow(
                                    id(salt, i),
                                    "XPOW",
                                    XPOW,
                                    "APOW",
                                    APOW,
                                    bid,
                                    bid.add(BigInteger.TEN.pow(16)),
                                    BigInteger.valueOf(time(i)),
                                    log(i))));
        }
        return lines;
    }

    private static long time(int i) {
        return 1_700_000_000L + 43_200L * i;
    }

    private static String id(String salt, int i) {
        return UUID.nameUUIDFromBytes((salt + "/" + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static LogJson log(int i) {
        long block = 1000 + i / 2;
        return new LogJson(
                EMITTER,
                "0x%064x".formatted(block),
                block,
                "0x",
                i % 2,
                false,
                List.of("0x%064x".formatted(7)),
                "0x%064x".formatted(i + 1),
                0);
    }
}
