package com.xpowerbanq.batch.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xpowerbanq.batch.chain.ChainProperties;
import com.xpowerbanq.chain.rpc.ChainLog;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.RtSeries;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.crypto.Hash;

/** How each contract run's logs decode, checked on raw log data. */
class RunDecodingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RtSeries PAIR = (RtSeries) Catalogue.parse("XPOW_APOW:T000");
    private static final RiSeries POSITION = (RiSeries) Catalogue.parse("APOW:supply:P000");
    private static final String SOURCE = "0xe7f1725e7734ce288f8367e1bb143e90bb3f0512";
    private static final String TARGET = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

    @ParameterizedTest
    @EnumSource(ContractRun.class)
    void eachRunFiltersOnTheKeccakOfItsOwnEventSignatures(ContractRun run) {
        // given
        RefreshDecoder refresh = new RefreshDecoder(PAIR, SOURCE, TARGET, run);
        ReindexDecoder reindex = new ReindexDecoder(POSITION, TARGET, run);

        // then
        assertThat(refresh.topics().getFirst()).isEqualTo(Hash.sha3String(run.refreshSignature()));
        assertThat(reindex.topics())
                .containsExactly(Hash.sha3String("Reindex(uint256,uint256,uint256)"));
        assertThat(run.refreshSignature())
                .isEqualTo(
                        run == ContractRun.V10A
                                ? "Refresh(address,address,(uint256,uint256,uint256))"
                                : "Refresh(address,address,uint256)");
    }

    @Test
    void aKnownPackedQuoteDecodesToTheMidRelAndUtcOfItsHexDigits() throws Exception {
        // given: a v10b Refresh whose word is mid (32 hex digits), rel (16), utc (12), low 16 bits
        JsonNode golden = RowDecodingTest.read("refresh-v10b.json");
        ChainLog log = RowDecodingTest.chainLog(golden.get("log"));
        String word = log.data().substring(2);

        // when
        JsonNode row = JSON.readTree(RowDecodingTest.decoder(golden).decode(31337, log).json());

        // then: the CLI's formula, computed here from the digits rather than by shifting
        assertThat(row.get("quote_mid").asText())
                .isEqualTo(new BigInteger(word.substring(0, 32), 16) + "n");
        assertThat(row.get("quote_rel").asText())
                .isEqualTo(new BigInteger(word.substring(32, 48), 16) + "n");
        assertThat(row.get("quote_utc").asText())
                .isEqualTo(new BigInteger(word.substring(48, 60), 16) + "n");
        assertThat(row.has("quote_bid")).isFalse();
        assertThat(row.get("quote_utc").asText()).isEqualTo("1790402400n");
    }

    @Test
    void packedQuoteKeepsOnlyTheBitsTheCliKeeps() {
        // given: every bit set
        BigInteger word = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

        // when
        PackedQuote quote = PackedQuote.of(word);

        // then
        assertThat(quote.mid()).isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
        assertThat(quote.rel()).isEqualTo(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        assertThat(quote.utc()).isEqualTo(BigInteger.ONE.shiftLeft(48).subtract(BigInteger.ONE));
    }

    @Test
    void aPackedRunsIndexLogIsStoredAsItIsWithoutAnIndexRay() throws Exception {
        // given
        JsonNode golden = RowDecodingTest.read("reindex-v10c.json");
        ChainLog log = RowDecodingTest.chainLog(golden.get("log"));

        // when
        JsonNode row = JSON.readTree(RowDecodingTest.decoder(golden).decode(31337, log).json());

        // then
        assertThat(row.get("index_log").asText())
                .isEqualTo(new BigInteger(log.data().substring(2, 66), 16) + "n");
        assertThat(row.has("index_ray")).isFalse();
    }

    @Test
    void aV10aLogReadUnderAPackedRunIsAnErrorNamingBlockIndexAndRun() throws Exception {
        // given: a v10a Refresh (three words) presented to the v10b decoder under v10b's topic
        JsonNode golden = RowDecodingTest.read("refresh-v10a.json");
        ChainLog v10a = RowDecodingTest.chainLog(golden.get("log"));
        ChainLog log = withTopic0(v10a, ContractRun.V10B.refreshTopic());

        // then
        assertThatThrownBy(
                        () ->
                                new RefreshDecoder(PAIR, SOURCE, TARGET, ContractRun.V10B)
                                        .decode(31337, log))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("block " + log.blockNumber())
                .hasMessageContaining("index " + log.logIndex())
                .hasMessageContaining("contract run v10b")
                .hasMessageContaining("96 data bytes, expected 32");
    }

    @ParameterizedTest
    @CsvSource({
        "refresh-v10a.json, V10C, block 3 index 1",
        // a v10c index_log (~5e15) read as v10a: an index_ray is never below one ray
        "reindex-v10c.json, V10A, below 1e27"
    })
    void aLogOfAnotherRunIsAnErrorNamingBlockIndexAndRunNotARow(
            String file, ContractRun run, String detail) throws Exception {
        // given
        ChainLog log = RowDecodingTest.chainLog(RowDecodingTest.read(file).get("log"));
        EventDecoder decoder =
                file.startsWith("refresh")
                        ? new RefreshDecoder(PAIR, SOURCE, TARGET, run)
                        : new ReindexDecoder(POSITION, TARGET, run);

        // then
        assertThatThrownBy(() -> decoder.decode(31337, log))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("block " + log.blockNumber() + " index " + log.logIndex())
                .hasMessageContaining("contract run " + run.id())
                .hasMessageContaining(detail);
    }

    @Test
    void aRunThisBuildDoesNotDecodeStopsTheIndexJobsNamingTheRunsItDoes() {
        // given
        ChainProperties chain =
                new ChainProperties(
                        null,
                        "v11a",
                        null,
                        null,
                        Duration.ofSeconds(1),
                        1,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        0);
        ContractRegistry registry = ContractRegistry.packaged("mainnet");

        // then
        assertThatThrownBy(() -> new IndexConfiguration().seriesContracts(registry, chain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CONTRACT_RUN=v11a")
                .hasMessageContaining("v10a, v10b, v10c");
        assertThat(
                        new IndexConfiguration()
                                .seriesContracts(registry, withRun(chain, "v10c"))
                                .format())
                .isEqualTo(ContractRun.V10C);
    }

    private static ChainProperties withRun(ChainProperties chain, String run) {
        return new ChainProperties(
                chain.providerUrl(),
                run,
                chain.contractsFile(),
                chain.network(),
                chain.callTimeout(),
                chain.attempts(),
                chain.backoffBase(),
                chain.backoffMax(),
                chain.confirmations());
    }

    @Test
    void aZeroIndexRayStaysAZeroIndexLogInV10a() {
        assertThat(ReindexDecoder.indexLog(BigInteger.ZERO)).isZero();
    }

    private static ChainLog withTopic0(ChainLog log, String topic) {
        List<String> topics = List.of(topic, log.topics().get(1), log.topics().get(2));
        return new ChainLog(
                log.address(),
                log.blockHash(),
                log.blockNumber(),
                log.data(),
                log.logIndex(),
                log.removed(),
                topics,
                log.transactionHash(),
                log.transactionIndex());
    }
}
