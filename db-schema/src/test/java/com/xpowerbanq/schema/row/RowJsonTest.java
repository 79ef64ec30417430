package com.xpowerbanq.schema.row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowJsonTest {
    private static final LogJson LOG =
            new LogJson(
                    "0x47b36E824631e97E94d462F822181Ed08A459384",
                    "0xb3d8",
                    4,
                    "0x00",
                    1,
                    false,
                    List.of("0x1865", "0x0000"),
                    "0xbfc4",
                    2);

    @Test
    void anRiRowIsWrittenInTheOriginalKeyOrderWithBigIntegersAsNStrings() {
        // given
        RiRow row =
                new RiRow(
                        "855ca48b-38ab-55e1-8cec-679eb625fcc2",
                        new BigInteger("1000019350402505807000000000"),
                        new BigInteger("19350215289268"),
                        new BigInteger("770697000000000000"),
                        BigInteger.valueOf(1790404200),
                        "APOW",
                        "0x5FbDB2315678afecb367f032d93F642f64180aa3",
                        "supply",
                        LOG);

        // when
        String json = RowJson.write(row);

        // then
        assertThat(json)
                .isEqualTo(
                        "{\"id\":\"855ca48b-38ab-55e1-8cec-679eb625fcc2\",\"filter\":\"Reindex\","
                                + "\"index_ray\":\"1000019350402505807000000000n\","
                                + "\"index_log\":\"19350215289268n\","
                                + "\"util_wad\":\"770697000000000000n\",\"stamp\":\"1790404200n\","
                                + "\"symbol\":\"APOW\","
                                + "\"token\":\"0x5FbDB2315678afecb367f032d93F642f64180aa3\","
                                + "\"mode\":\"supply\",\"log\":"
                                + LOG_JSON
                                + "}");
    }

    @Test
    void rtRowsAreWrittenUnderTheProtocolsOrTheOriginalCliQuoteNames() {
        // given
        RtRow bid = new RtRow("i", "XPOW", "0x02", "APOW", "0x01", n(5), n(6), n(7), LOG);
        RtMidRow mid = new RtMidRow("i", "XPOW", "0x02", "APOW", "0x01", n(5), n(6), n(7), LOG);
        String pair =
                "{\"id\":\"i\",\"filter\":\"Refresh\",\"source_symbol\":\"XPOW\","
                        + "\"source_token\":\"0x02\",\"target_symbol\":\"APOW\","
                        + "\"target_token\":\"0x01\",";

        // when / then
        assertThat(RowJson.write(bid))
                .isEqualTo(
                        pair
                                + "\"quote_bid\":\"5n\",\"quote_ask\":\"6n\",\"quote_time\":\"7n\","
                                + "\"log\":"
                                + LOG_JSON
                                + "}");
        assertThat(RowJson.write(mid))
                .isEqualTo(
                        pair
                                + "\"quote_mid\":\"5n\",\"quote_rel\":\"6n\",\"quote_utc\":\"7n\","
                                + "\"log\":"
                                + LOG_JSON
                                + "}");
    }

    @Test
    void everyRowKindReadsBackAsTheRowThatWasWritten() {
        // given
        List<Row> rows =
                List.of(
                        new RiRow("a", n(1), n(0), n(2), n(3), "APOW", "0x01", "borrow", LOG),
                        new RtRow("b", "XPOW", "0x02", "APOW", "0x01", n(1), n(2), n(3), LOG),
                        new RtMidRow("c", "XPOW", "0x02", "APOW", "0x01", n(1), n(2), n(3), LOG));

        for (Row row : rows) {
            // when
            Row read = RowJson.read(RowJson.write(row), row.getClass());

            // then
            assertThat(read).isEqualTo(row);
        }
    }

    @Test
    void oddStringsAreEscapedAsJsonAndReadBackUnchanged() {
        // given: quotes, a backslash, control characters, non-ASCII and a surrogate pair
        String symbol = "A\"B\\C\n\t\u0001é€\uD834\uDD1E/";
        RiRow row = new RiRow("x", n(1), n(0), n(2), n(3), symbol, "0x01", "supply", LOG);

        // when
        String json = RowJson.write(row);

        // then
        assertThat(json).contains("\"symbol\":\"A\\\"B\\\\C\\n\\t\\u0001é€\uD834\uDD1E/\"");
        assertThat(RowJson.read(json, RiRow.class).symbol()).isEqualTo(symbol);
    }

    @Test
    void aBigIntegerWithoutItsTrailingNIsRefusedNamingTheField() {
        // given
        String json = RowJson.write(new RtRow("b", "X", "0x", "Y", "0x", n(1), n(2), n(3), LOG));
        String plain = json.replace("\"quote_ask\":\"2n\"", "\"quote_ask\":\"2\"");

        // when / then
        assertThatThrownBy(() -> RowJson.read(plain, RtRow.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a RtRow row")
                .hasMessageContaining("ending in 'n'");
    }

    private static BigInteger n(long value) {
        return BigInteger.valueOf(value);
    }

    private static final String LOG_JSON =
            "{\"_type\":\"log\",\"address\":\"0x47b36E824631e97E94d462F822181Ed08A459384\","
                    + "\"blockHash\":\"0xb3d8\",\"blockNumber\":4,\"data\":\"0x00\",\"index\":1,"
                    + "\"removed\":false,\"topics\":[\"0x1865\",\"0x0000\"],"
                    + "\"transactionHash\":\"0xbfc4\",\"transactionIndex\":2}";
}
