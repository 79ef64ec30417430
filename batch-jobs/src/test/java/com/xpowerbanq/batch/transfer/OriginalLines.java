package com.xpowerbanq.batch.transfer;

import com.xpowerbanq.schema.row.LogJson;
import com.xpowerbanq.schema.row.RiRow;
import com.xpowerbanq.schema.row.RowJson;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * JSON lines as the original's watcher printed them for an RI series: one row per line, ids that
 * are not ours (the original's came from the whole serialised log object, so a salt stands for it).
 */
final class OriginalLines {
    private static final String POSITION = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final String APOW = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";

    private OriginalLines() {}

    /** {@code count} Reindex events, two per block from block 1000, a day apart each block. */
    static List<String> ri(int count, String salt) {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long block = 1000 + i / 2;
            int index = i % 2;
            String blockHash = "0x%064x".formatted(block);
            String id =
                    UUID.nameUUIDFromBytes(
                                    (salt + blockHash + index).getBytes(StandardCharsets.UTF_8))
                            .toString();
            LogJson log =
                    new LogJson(
                            POSITION,
                            blockHash,
                            block,
                            "0x",
                            index,
                            false,
                            List.of("0x%064x".formatted(7)),
                            "0x%064x".formatted(i + 1),
                            0);
            RiRow row =
                    new RiRow(
                            id,
                            BigInteger.TEN.pow(27).add(BigInteger.valueOf(i)),
                            BigInteger.valueOf(i),
                            BigInteger.valueOf(5 * i).multiply(BigInteger.TEN.pow(15)),
                            BigInteger.valueOf(1_700_000_000L + 43_200L * i),
                            "APOW",
                            APOW,
                            "supply",
                            log);
            lines.add(RowJson.write(row));
        }
        return lines;
    }
}
