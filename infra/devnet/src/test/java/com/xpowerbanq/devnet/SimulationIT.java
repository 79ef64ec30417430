package com.xpowerbanq.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.RtSeries;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;

/** The seeded activity through DevnetExtension: cadence, plausible values, finality gap. */
@ExtendWith(DevnetExtension.class)
@DevnetDays(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulationIT {

    private static final String REINDEX = "Reindex(uint256,uint256,uint256)";
    private static final String REFRESH = "Refresh(address,address,(uint256,uint256,uint256))";
    private static final BigInteger RAY = BigInteger.TEN.pow(27);
    private static final BigInteger WAD = BigInteger.TEN.pow(18);

    private final Devnet devnet;
    private final PlainJsonRpc rpc;

    SimulationIT(Devnet devnet) {
        this.devnet = devnet;
        this.rpc = new PlainJsonRpc(devnet.rpcUrl());
    }

    @Test
    @Order(1)
    void everyPositionIsReindexedFourTimesADayWithAGrowingIndex() throws Exception {
        long finalized = finalizedBlock();
        for (RiSeries series : Catalogue.ri()) {
            // when
            JsonNode logs =
                    rpc.logs(
                            devnet.protocol().position(series.instanceId()), REINDEX, 0, finalized);

            // then: 2 days × 4, at 00:30, 06:30, 12:30, 18:30 UTC, all below `finalized`
            assertThat(logs).as(series.instanceId()).hasSize(2 * 4);
            BigInteger previous = RAY;
            for (JsonNode log : logs) {
                String data = log.get("data").asText();
                BigInteger index = PlainJsonRpc.word(data, 0);
                assertThat(index).isGreaterThan(previous);
                assertThat(PlainJsonRpc.word(data, 1)).isBetween(BigInteger.ZERO, WAD);
                assertThat(PlainJsonRpc.word(data, 2).longValueExact() % (6 * 3600))
                        .isEqualTo(1800);
                previous = index;
            }
        }
    }

    @Test
    @Order(2)
    void everyPairIsRetwappedTwelveTimesADayWithMovingQuotes() throws Exception {
        long finalized = finalizedBlock();
        for (RtSeries series : Catalogue.rt()) {
            // when
            String oracle = devnet.protocol().address(series.oracle().id());
            JsonNode logs = pairLogs(oracle, series, finalized);

            // then: 2 days × 12, on even hours, bid below ask, not all equal
            assertThat(logs).as(series.instanceId()).hasSize(2 * 12);
            List<BigInteger> bids = new ArrayList<>();
            for (JsonNode log : logs) {
                String data = log.get("data").asText();
                BigInteger bid = PlainJsonRpc.word(data, 0);
                assertThat(bid).isPositive().isLessThan(PlainJsonRpc.word(data, 1));
                assertThat(PlainJsonRpc.word(data, 2).longValueExact() % 7200).isZero();
                bids.add(bid);
            }
            assertThat(bids.stream().distinct().count()).as(series.instanceId()).isGreaterThan(10);
        }
    }

    @Test
    @Order(3)
    void everyPairIsDueForARetwapWhenTheSimulationEnds() throws Exception {
        for (RtSeries series : Catalogue.rt()) {
            String refreshed =
                    rpc.ethCall(
                            devnet.protocol().address(series.oracle().id()),
                            ChainCalls.encode(
                                    "refreshed",
                                    new Address(devnet.protocol().address(series.source().name())),
                                    new Address(
                                            devnet.protocol().address(series.target().name()))));
            assertThat(PlainJsonRpc.word(refreshed, 0)).as(series.instanceId()).isZero();
        }
    }

    @Test
    @Order(4)
    void advanceToMinesAnEmptyBlockAtTheGivenTime() {
        // given
        long target = devnet.latestTimestamp() + 600;

        // when
        devnet.advanceTo(target);

        // then
        assertThat(devnet.latestTimestamp()).isEqualTo(target);
    }

    @Test
    @Order(5)
    void simulateAddsADayOfActivityAboveTheFinalityGap() throws Exception {
        // given
        String position = devnet.protocol().position("XPOW:borrow:P006");
        long before = rpc.logs(position, REINDEX, 0, devnet.latestBlockNumber()).size();

        // when
        devnet.simulate(1);

        // then
        long finalized = finalizedBlock();
        assertThat(rpc.logs(position, REINDEX, 0, finalized)).hasSize((int) before + 4);
        assertThat(devnet.latestBlockNumber() - finalized).isEqualTo(64);
    }

    private JsonNode pairLogs(String oracle, RtSeries series, long toBlock) throws Exception {
        JsonNode all = rpc.logs(oracle, REFRESH, 0, toBlock);
        String source = devnet.protocol().address(series.source().name());
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode log : all) {
            if (PlainJsonRpc.word(log.get("topics").get(1).asText(), 0)
                    .equals(org.web3j.utils.Numeric.toBigInt(source))) {
                matching.add(log);
            }
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(matching);
    }

    private long finalizedBlock() throws Exception {
        return PlainJsonRpc.number(
                rpc.result("eth_getBlockByNumber", "finalized", false).get("number"));
    }
}
