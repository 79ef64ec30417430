package com.xpowerbanq.batch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xpowerbanq.chain.rpc.ChainLog;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.RtSeries;
import com.xpowerbanq.schema.row.RiRow;
import com.xpowerbanq.schema.row.Row;
import com.xpowerbanq.schema.row.RowJson;
import com.xpowerbanq.schema.row.RtMidRow;
import com.xpowerbanq.schema.row.RtRow;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden cases in src/test/resources/rows: a log as the chain returns it and the expected row. */
class RowDecodingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @MethodSource("goldenCases")
    void decodesTheLogIntoTheOriginalRowFormat(String file) throws IOException {
        JsonNode golden = read(file);
        EventDecoder decoder = decoder(golden);

        SeriesRow row = decoder.decode(golden.get("chainId").asLong(), chainLog(golden.get("log")));

        assertThat(row.json()).isEqualTo(golden.get("expected").asText());
        assertThat(row.id()).isEqualTo(JSON.readTree(row.json()).get("id").asText());
    }

    @ParameterizedTest
    @MethodSource("goldenCases")
    void theRowReadsBackWithJacksonAsTheSameTypedRow(String file) throws IOException {
        // given
        JsonNode golden = read(file);
        String expected = golden.get("expected").asText();
        Class<? extends Row> kind =
                golden.has("token")
                        ? RiRow.class
                        : run(golden).packed() ? RtMidRow.class : RtRow.class;

        // when
        Row row = RowJson.read(expected, kind);

        // then
        assertThat(RowJson.write(row)).isEqualTo(expected);
        assertThat(row.log().blockNumber())
                .isEqualTo(JSON.readTree(expected).at("/log/blockNumber").asLong());
        assertThat(JSON.readTree(RowJson.write(row))).isEqualTo(JSON.readTree(expected));
    }

    /** The golden files, one per run and event kind. */
    static List<String> goldenCases() {
        return List.of(
                "reindex-v10a.json", "refresh-v10a.json", "refresh-v10b.json", "reindex-v10c.json");
    }

    @ParameterizedTest
    @CsvSource({
        "1000019350402505807000000000, 19350215289268",
        "1234567890123456789012345678, 210721022315652640",
        "1000000000000000000000000001, 0",
        "5000000000000000000000000000000, 8517193191416238080",
        "0, 0"
    })
    void indexLogIsWhatTheOriginalCliComputedInDoublePrecision(String ray, String expected) {
        // expected values computed by node: BigInt(Math.round(Math.log(Number(v) / 1e27) * 1e18))
        assertThat(ReindexDecoder.indexLog(new BigInteger(ray)))
                .isEqualTo(new BigInteger(expected));
    }

    @Test
    void aLogWithShortDataIsRejectedNamingBlockAndTransaction() throws IOException {
        JsonNode golden = read("reindex-v10a.json");
        ChainLog log = chainLog(golden.get("log"));
        ChainLog shortData =
                new ChainLog(
                        log.address(),
                        log.blockHash(),
                        log.blockNumber(),
                        "0x1234",
                        log.logIndex(),
                        false,
                        log.topics(),
                        log.transactionHash(),
                        log.transactionIndex());

        assertThatThrownBy(() -> decoder(golden).decode(31337, shortData))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("block " + log.blockNumber())
                .hasMessageContaining(log.transactionHash());
    }

    static EventDecoder decoder(JsonNode golden) {
        var series = Catalogue.parse(golden.get("series").asText());
        return switch (series) {
            case RiSeries ri -> new ReindexDecoder(ri, golden.get("token").asText(), run(golden));
            case RtSeries rt ->
                    new RefreshDecoder(
                            rt,
                            golden.get("source").asText(),
                            golden.get("target").asText(),
                            run(golden));
        };
    }

    /** The golden case's contract run; the first cases predate the field and are v10a. */
    static ContractRun run(JsonNode golden) {
        return ContractRun.of(golden.path("run").asText("v10a"));
    }

    static ChainLog chainLog(JsonNode log) {
        List<String> topics = new ArrayList<>();
        log.get("topics").forEach(t -> topics.add(t.asText()));
        return new ChainLog(
                log.get("address").asText(),
                log.get("blockHash").asText(),
                Long.decode(log.get("blockNumber").asText()),
                log.get("data").asText(),
                Integer.decode(log.get("logIndex").asText()),
                log.get("removed").asBoolean(),
                topics,
                log.get("transactionHash").asText(),
                Integer.decode(log.get("transactionIndex").asText()));
    }

    static JsonNode read(String file) throws IOException {
        try (InputStream in = RowDecodingTest.class.getResourceAsStream("/rows/" + file)) {
            return JSON.readTree(in);
        }
    }
}
