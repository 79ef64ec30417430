package com.xpowerbanq.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.xpowerbanq.schema.ContractRegistry;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * The devnet end to end: anvil up, protocol deployed, events of reindex() and retwap() read back
 * over plain JSON-RPC, XPOW's proof-of-work rule, and no anvil left afterwards.
 */
class DevnetIT {

    private static final BigInteger RAY = BigInteger.TEN.pow(27);
    private static final BigInteger WAD = BigInteger.TEN.pow(18);

    private static Devnet devnet;
    private static List<ProcessHandle> processes;
    private static PlainJsonRpc rpc;
    private static ChainCalls chain;

    @BeforeAll
    static void startDevnet() {
        devnet = Devnet.start(DevnetOptions.defaults().withDays(1));
        processes = devnet.processes();
        rpc = new PlainJsonRpc(devnet.rpcUrl());
        chain = new ChainCalls(devnet);
    }

    @AfterAll
    static void stopDevnetAndCheckNoAnvilIsLeft() {
        assertThat(processes).hasSizeGreaterThanOrEqualTo(2);
        devnet.close();
        assertThat(processes.get(0).isAlive()).as("anvil").isFalse();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void registryFileNamesEveryDeployedContractAndTheEndpoint() throws Exception {
        // when
        ContractRegistry registry = ContractRegistry.load(devnet.registryFile());

        // then
        assertThat(registry.providerUrl()).isEqualTo(devnet.rpcUrl());
        for (String name : devnet.protocol().registry().keySet()) {
            assertThat(registry.address(name, "v10a")).contains(devnet.protocol().address(name));
            assertThat(
                            rpc.result("eth_getCode", devnet.protocol().address(name), "latest")
                                    .asText())
                    .as("code of %s", name)
                    .hasSizeGreaterThan(2);
        }
        assertThat(registry.address("ACMA", "v10a")).isEmpty();
        JsonNode accounts = rpc.result("eth_accounts");
        for (int i = 0; i < 10; i++) {
            assertThat(accounts.get(i).asText())
                    .isEqualToIgnoringCase(devnet.account(i).getAddress());
        }
    }

    @Test
    void positionsAreNamedAsTheProtocolNamesThem() throws Exception {
        assertThat(text(devnet.protocol().position("APOW:supply:P000"), "symbol"))
                .isEqualTo("sAPOW");
        assertThat(text(devnet.protocol().position("XPOW:borrow:P000"), "symbol"))
                .isEqualTo("bXPOW");
        assertThat(text(devnet.protocol().position("AVAX:borrow:P001"), "symbol"))
                .isEqualTo("bAVAX:APOW");
        assertThat(text(devnet.protocol().position("USDT:supply:P006"), "symbol"))
                .isEqualTo("sUSDt:XPOW");
        assertThat(text(devnet.protocol().position("APOW:supply:P000"), "name"))
                .isEqualTo("APower Supply");
    }

    private static String text(String contract, String function) throws Exception {
        return PlainJsonRpc.string(rpc.ethCall(contract, ChainCalls.encode(function)));
    }

    @Test
    void reindexEmitsTheCompoundedIndexItsUtilisationAndTheBlockTime() throws Exception {
        // given: the position as the system resolves it, pool.supplyOf(token)
        String pool = devnet.registry().address("P000", "v10a").orElseThrow();
        String apow = devnet.registry().address("APOW", "v10a").orElseThrow();
        String position =
                "0x"
                        + rpc.ethCall(pool, ChainCalls.encode("supplyOf", new Address(apow)))
                                .substring(26);
        assertThat(position).isEqualToIgnoringCase(devnet.protocol().position("APOW:supply:P000"));
        BigInteger util = PlainJsonRpc.word(rpc.ethCall(position, ChainCalls.encode("util")), 0);
        long latest = devnet.latestBlockNumber();
        JsonNode before = rpc.logs(position, "Reindex(uint256,uint256,uint256)", 0, latest);
        BigInteger previousIndex =
                PlainJsonRpc.word(before.get(before.size() - 1).get("data").asText(), 0);

        // when
        devnet.increaseTime(3600);
        TransactionReceipt receipt =
                chain.send(devnet.account(3), position, ChainCalls.encode("reindex"));

        // then
        assertThat(receipt.isStatusOK()).isTrue();
        long block = receipt.getBlockNumber().longValueExact();
        JsonNode logs = rpc.logs(position, "Reindex(uint256,uint256,uint256)", block, block);
        assertThat(logs).hasSize(1);
        String data = logs.get(0).get("data").asText();
        BigInteger indexRay = PlainJsonRpc.word(data, 0);
        assertThat(indexRay).isGreaterThan(previousIndex).isGreaterThan(RAY);
        assertThat(PlainJsonRpc.word(data, 1)).isEqualTo(util).isBetween(BigInteger.ZERO, WAD);
        assertThat(PlainJsonRpc.word(data, 2).longValueExact()).isEqualTo(rpc.blockTime(block));
    }

    @Test
    void retwapEmitsTheFeedQuoteForOneWholeSourceToken() throws Exception {
        // given: more than the oracle's one-hour limit after the last simulated retwap
        String oracle = devnet.protocol().address("T000");
        String xpow = devnet.protocol().address("XPOW");
        String apow = devnet.protocol().address("APOW");
        devnet.increaseTime(2 * 3600);
        String quotes =
                rpc.ethCall(
                        devnet.protocol().feed("XPOW", "APOW"),
                        ChainCalls.encode("getQuotes", new Uint256(WAD)));
        assertThat(
                        rpc.ethCall(
                                oracle,
                                ChainCalls.encode(
                                        "refreshed", new Address(xpow), new Address(apow))))
                .endsWith("0");

        // when
        TransactionReceipt receipt = chain.retwap(oracle, xpow, apow);

        // then
        assertThat(receipt.isStatusOK()).isTrue();
        long block = receipt.getBlockNumber().longValueExact();
        JsonNode logs =
                rpc.logs(
                        oracle, "Refresh(address,address,(uint256,uint256,uint256))", block, block);
        assertThat(logs).hasSize(1);
        JsonNode log = logs.get(0);
        assertThat(PlainJsonRpc.word(log.get("topics").get(1).asText(), 0))
                .isEqualTo(Numeric.toBigInt(xpow));
        assertThat(PlainJsonRpc.word(log.get("topics").get(2).asText(), 0))
                .isEqualTo(Numeric.toBigInt(apow));
        String data = log.get("data").asText();
        assertThat(PlainJsonRpc.word(data, 0)).isEqualTo(PlainJsonRpc.word(quotes, 0));
        assertThat(PlainJsonRpc.word(data, 1)).isEqualTo(PlainJsonRpc.word(quotes, 1));
        assertThat(PlainJsonRpc.word(data, 0)).isLessThan(PlainJsonRpc.word(data, 1));
        assertThat(PlainJsonRpc.word(data, 2).longValueExact()).isEqualTo(rpc.blockTime(block));
        assertThat(
                        rpc.ethCall(
                                oracle,
                                ChainCalls.encode(
                                        "refreshed", new Address(xpow), new Address(apow))))
                .endsWith("1");
    }

    @Test
    void retwapByAnAccountWithoutTheKeeperRoleReverts() throws Exception {
        // given
        Credentials stranger = devnet.account(5);
        String oracle = devnet.protocol().address("T001");
        String data =
                ChainCalls.encode(
                        "retwap",
                        new Address(devnet.protocol().address("AVAX")),
                        new Address(devnet.protocol().address("APOW")));

        // when
        TransactionReceipt receipt = chain.send(stranger, oracle, data);

        // then
        assertThat(receipt.isStatusOK()).isFalse();
        assertThat(
                        rpc.call(
                                        "eth_call",
                                        java.util.Map.of(
                                                "from",
                                                stranger.getAddress(),
                                                "to",
                                                oracle,
                                                "data",
                                                data),
                                        "latest")
                                .path("error")
                                .path("data")
                                .asText())
                .startsWith(PlainJsonRpc.selector("AccessManagedUnauthorized(address)"))
                .endsWith(Numeric.cleanHexPrefix(stranger.getAddress()).toLowerCase());
    }

    @Test
    void xpowMintPaysTwoToTheZerosMinusOneAndRejectsInvalidProofs() throws Exception {
        // given: the block hash of the current hour
        String xpow = devnet.protocol().address("XPOW");
        Credentials miner = devnet.account(2);
        String to = miner.getAddress();
        assertThat(chain.send(miner, xpow, ChainCalls.encode("init")).isStatusOK()).isTrue();
        BigInteger interval =
                PlainJsonRpc.word(rpc.ethCall(xpow, ChainCalls.encode("currentInterval")), 0);
        byte[] blockHash =
                Numeric.hexStringToByteArray(
                        rpc.ethCall(xpow, ChainCalls.encode("blockHashOf", new Uint256(interval))));
        assertThat(new BigInteger(1, blockHash)).isNotZero();
        Proof proof = Proof.search(xpow, to, blockHash, 2, 0);
        BigInteger before = balanceOf(xpow, to);

        // when
        TransactionReceipt minted = chain.send(miner, xpow, mint(to, blockHash, proof.data()));

        // then
        assertThat(minted.isStatusOK()).isTrue();
        assertThat(balanceOf(xpow, to).subtract(before))
                .isEqualTo(
                        BigInteger.TWO.pow(proof.zeros()).subtract(BigInteger.ONE).multiply(WAD));

        // and a duplicate reverts, in a call and as a transaction
        BigInteger pairIndex = new BigInteger(1, proof.hash()).xor(new BigInteger(1, blockHash));
        assertThat(rpc.ethCall(xpow, mint(to, blockHash, proof.data())))
                .isEqualTo(
                        "revert:"
                                + PlainJsonRpc.selector("DuplicatePairIndex(bytes32)")
                                + String.format("%064x", pairIndex));
        assertThat(chain.send(miner, xpow, mint(to, blockHash, proof.data())).isStatusOK())
                .isFalse();

        // and a hash without a leading zero reverts
        Proof empty = Proof.search(xpow, to, blockHash, 0, 1_000_000);
        assertThat(rpc.ethCall(xpow, mint(to, blockHash, empty.data())))
                .isEqualTo(
                        "revert:"
                                + PlainJsonRpc.selector("EmptyNonceHash(bytes32)")
                                + Numeric.toHexStringNoPrefix(empty.hash()));

        // and an unknown block hash reverts
        byte[] unknown = Hash.sha3("unknown".getBytes());
        Proof other = Proof.search(xpow, to, unknown, 1, 2_000_000);
        assertThat(rpc.ethCall(xpow, mint(to, unknown, other.data())))
                .isEqualTo(
                        "revert:"
                                + PlainJsonRpc.selector("ExpiredBlockHash(bytes32)")
                                + Numeric.toHexStringNoPrefix(unknown));

        // and once the hour has turned, the cached hash has expired
        Proof fresh = Proof.search(xpow, to, blockHash, 1, 3_000_000);
        long now = devnet.latestTimestamp();
        devnet.increaseTime(3600 - now % 3600 + 1);
        assertThat(rpc.ethCall(xpow, mint(to, blockHash, fresh.data())))
                .isEqualTo(
                        "revert:"
                                + PlainJsonRpc.selector("ExpiredBlockHash(bytes32)")
                                + Numeric.toHexStringNoPrefix(blockHash));
    }

    private static String mint(String to, byte[] blockHash, byte[] data) {
        return ChainCalls.encode(
                "mint", new Address(to), new Bytes32(blockHash), new DynamicBytes(data));
    }

    private static BigInteger balanceOf(String token, String account) throws Exception {
        return PlainJsonRpc.word(
                rpc.ethCall(token, ChainCalls.encode("balanceOf", new Address(account))), 0);
    }

    /** A nonce found by brute force: data whose hash has the wanted number of leading zeros. */
    record Proof(byte[] data, byte[] hash, int zeros) {

        /** zeros 0 finds a hash without leading zero; otherwise at least that many. */
        static Proof search(String xpow, String to, byte[] blockHash, int zeros, long start) {
            byte[] prefix =
                    Numeric.toBytesPadded(Numeric.toBigInt(xpow).xor(Numeric.toBigInt(to)), 20);
            byte[] input = new byte[20 + 32 + 8];
            System.arraycopy(prefix, 0, input, 0, 20);
            System.arraycopy(blockHash, 0, input, 20, 32);
            for (long nonce = start; ; nonce++) {
                for (int i = 0; i < 8; i++) {
                    input[52 + i] = (byte) (nonce >>> (56 - 8 * i));
                }
                byte[] hash = Hash.sha3(input);
                int found = leadingZeroHexDigits(hash);
                if (zeros == 0 ? found == 0 : found >= zeros) {
                    return new Proof(java.util.Arrays.copyOfRange(input, 52, 60), hash, found);
                }
            }
        }

        static int leadingZeroHexDigits(byte[] hash) {
            int zeros = 0;
            for (byte b : hash) {
                if ((b & 0xf0) != 0) {
                    return zeros;
                }
                zeros++;
                if ((b & 0x0f) != 0) {
                    return zeros;
                }
                zeros++;
            }
            return zeros;
        }
    }
}
