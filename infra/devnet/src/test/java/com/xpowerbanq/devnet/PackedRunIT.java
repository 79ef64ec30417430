package com.xpowerbanq.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.RtSeries;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * A devnet of the v10b run: its registry names the run, positions emit Reindex(index_log, …) and
 * oracles Refresh(source, target, uint256 quote) with the quote packed as the CLI unpacks it (mid =
 * w >> 128, rel = (w >> 64) & (2^64 − 1), utc = (w >> 16) & (2^48 − 1)); the calls the keeper jobs
 * make answer as on v10a.
 */
@ExtendWith(DevnetExtension.class)
@DevnetDays(1)
@DevnetRun(ContractRun.V10B)
class PackedRunIT {

    private static final BigInteger WAD = BigInteger.TEN.pow(18);
    private static final BigInteger U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger U48 = BigInteger.ONE.shiftLeft(48).subtract(BigInteger.ONE);

    @Test
    void registryNamesEveryContractUnderTheRunOnly(Devnet devnet) {
        ContractRegistry registry = ContractRegistry.load(devnet.registryFile());

        assertThat(devnet.run()).isEqualTo(ContractRun.V10B);
        assertThat(registry.runs()).containsExactly("v10b");
        for (String name : devnet.protocol().registry().keySet()) {
            assertThat(registry.address(name, "v10b")).contains(devnet.protocol().address(name));
            assertThat(registry.address(name, "v10a")).isEmpty();
        }
    }

    @Test
    void aSimulatedDayEmitsEveryRunEventUnderTheRunsTopics(Devnet devnet) throws Exception {
        PlainJsonRpc rpc = new PlainJsonRpc(devnet.rpcUrl());
        long latest = devnet.latestBlockNumber();
        for (RtSeries series : Catalogue.rt()) {
            String oracle = devnet.protocol().address(series.oracle().id());
            BigInteger source = Numeric.toBigInt(devnet.protocol().address(series.source().name()));
            // the simulated steps retwap every pair every 2 h on the hour, 12 a day
            List<Long> times = new ArrayList<>();
            for (JsonNode log : rpc.logs(oracle, ContractRun.V10B.refreshSignature(), 0, latest)) {
                long utc =
                        Numeric.toBigInt(log.get("data").asText())
                                .shiftRight(16)
                                .and(U48)
                                .longValueExact();
                if (PlainJsonRpc.word(log.get("topics").get(1).asText(), 0).equals(source)
                        && utc % SteadyActivity.RETWAP_EVERY == 0) {
                    times.add(utc);
                }
            }
            assertThat(times).as("Refresh of %s", series.instanceId()).hasSize(12);
            assertThat(rpc.logs(oracle, ContractRun.V10A.refreshSignature(), 0, latest).size())
                    .isZero();
        }
        RiSeries ri = Catalogue.ri().get(0);
        JsonNode reindexes =
                rpc.logs(
                        devnet.protocol().position(ri.instanceId()),
                        ContractRun.REINDEX_SIGNATURE,
                        0,
                        latest);
        assertThat(reindexes.size()).isEqualTo(4);
        BigInteger previous = BigInteger.ZERO;
        for (JsonNode log : reindexes) {
            BigInteger indexLog = PlainJsonRpc.word(log.get("data").asText(), 0);
            // ln of an index that grew by at most 200% a year for a day
            assertThat(indexLog)
                    .isGreaterThanOrEqualTo(previous)
                    .isLessThan(WAD.divide(BigInteger.valueOf(100)));
            previous = indexLog;
        }
    }

    @Test
    void retwapPacksTheLog2OfTheFeedsQuoteAndTheBlockTime(Devnet devnet) throws Exception {
        // given: a pair due again, and what its feed quotes for one whole source token (APOW)
        PlainJsonRpc rpc = new PlainJsonRpc(devnet.rpcUrl());
        ChainCalls chain = new ChainCalls(devnet);
        String oracle = devnet.protocol().address("T002");
        String apow = devnet.protocol().address("APOW");
        String usdc = devnet.protocol().address("USDC");
        devnet.increaseTime(2 * 3600);
        String quotes =
                rpc.ethCall(
                        devnet.protocol().feed("APOW", "USDC"),
                        ChainCalls.encode("getQuotes", new Uint256(WAD)));
        BigInteger bid = PlainJsonRpc.word(quotes, 0);
        BigInteger ask = PlainJsonRpc.word(quotes, 1);

        // when
        TransactionReceipt receipt = chain.retwap(oracle, apow, usdc);

        // then: one word, unpacked as the CLI does
        assertThat(receipt.isStatusOK()).isTrue();
        long block = receipt.getBlockNumber().longValueExact();
        JsonNode logs = rpc.logs(oracle, ContractRun.V10B.refreshSignature(), block, block);
        assertThat(logs).hasSize(1);
        String data = logs.get(0).get("data").asText();
        assertThat(Numeric.cleanHexPrefix(data)).hasSize(64);
        BigInteger word = Numeric.toBigInt(data);
        BigInteger mid = word.shiftRight(128);
        BigInteger rel = word.shiftRight(64).and(U64);
        long utc = word.shiftRight(16).and(U48).longValueExact();
        assertThat(utc).isEqualTo(rpc.blockTime(block));
        assertThat(wad(mid)).isCloseTo((log2(bid) + log2(ask)) / 2, within(1e-9));
        assertThat(wad(rel)).isCloseTo(log2(ask) - log2(bid), within(1e-9));
        // APOW at about $0.50 in USDC's 6 decimals: 2^mid is about 500,000 units
        assertThat(Math.pow(2, wad(mid))).isBetween(3e5, 8e5);

        // and the oracle answers the keeper's reads in linear units, as on v10a
        String mean =
                rpc.ethCall(
                        oracle,
                        ChainCalls.encode(
                                "getQuotes",
                                new Uint256(WAD),
                                new Address(apow),
                                new Address(usdc)));
        assertThat(PlainJsonRpc.word(mean, 0))
                .isBetween(bid.divide(BigInteger.TWO), bid.shiftLeft(1));
    }

    @Test
    void positionIndexAnswersTheLogOfTheIndex(Devnet devnet) throws Exception {
        PlainJsonRpc rpc = new PlainJsonRpc(devnet.rpcUrl());
        String position = devnet.protocol().position("APOW:supply:P000");
        String index = rpc.ethCall(position, ChainCalls.encode("index"));
        assertThat(PlainJsonRpc.word(index, 0))
                .isPositive()
                .isLessThan(WAD.divide(BigInteger.valueOf(100)));
        assertThat(PlainJsonRpc.word(index, 1)).isBetween(BigInteger.ZERO, WAD);
    }

    /** An 18-decimal fixed-point value as a number. */
    private static double wad(BigInteger value) {
        return new BigDecimal(value).movePointLeft(18).doubleValue();
    }

    private static double log2(BigInteger amount) {
        return Math.log(amount.doubleValue()) / Math.log(2);
    }
}
