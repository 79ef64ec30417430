package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RetryPolicy;
import com.xpowerbanq.devnet.Devnet;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/** Test-side handles on a devnet account: its nonce, its key in a file, anvil's mining switches. */
public final class KeeperDevnet {
    private static final String REINDEX_TOPIC =
            EventEncoder.encode(
                    new Event(
                            "Reindex",
                            List.of(
                                    new TypeReference<Uint256>() {},
                                    new TypeReference<Uint256>() {},
                                    new TypeReference<Uint256>() {})));

    private KeeperDevnet() {}

    public static BigInteger nonce(Web3j web3j, String address) throws IOException {
        return web3j.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST)
                .send()
                .getTransactionCount();
    }

    /** The series partitions of a keeper job's execution by instance id. */
    public static Map<String, StepExecution> partitions(JobExecution execution) {
        return execution.getStepExecutions().stream()
                .filter(
                        step ->
                                step.getExecutionContext()
                                        .containsKey(KeeperPartitioner.SERIES_KEY))
                .collect(
                        Collectors.toMap(
                                step ->
                                        step.getExecutionContext()
                                                .getString(KeeperPartitioner.SERIES_KEY),
                                Function.identity()));
    }

    /** The nonces the keeper's partitions recorded, in ascending order. */
    public static List<BigInteger> noncesOf(Collection<StepExecution> partitions) {
        return partitions.stream()
                .map(
                        step ->
                                new BigInteger(
                                        step.getExecutionContext()
                                                .getString(KeeperTasklet.NONCE_KEY)))
                .sorted()
                .toList();
    }

    /** {@code count} consecutive nonces from {@code first}. */
    public static List<BigInteger> consecutive(BigInteger first, int count) {
        return IntStream.range(0, count).mapToObj(i -> first.add(BigInteger.valueOf(i))).toList();
    }

    /** Writes the account's key to a file (mode 600), as an operator would for PRIVATE_KEY_FILE. */
    public static Path keyFile(Path dir, Credentials account) throws IOException {
        Path file = dir.resolve("keeper.key");
        Files.writeString(
                file,
                Numeric.toHexStringNoPrefixZeroPadded(account.getEcKeyPair().getPrivateKey(), 64));
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
        return file;
    }

    public static String hexKey(Credentials account) {
        return Numeric.toHexStringNoPrefixZeroPadded(account.getEcKeyPair().getPrivateKey(), 64);
    }

    public static void automine(String rpcUrl, boolean on) throws IOException {
        rpc(rpcUrl, "evm_setAutomine", List.of(on));
    }

    public static void mine(String rpcUrl) throws IOException {
        rpc(rpcUrl, "evm_mine", List.of());
    }

    /** A block every {@code seconds} (0: back to mining each transaction at once). */
    public static void blockTime(String rpcUrl, int seconds) throws IOException {
        if (seconds == 0) {
            rpc(rpcUrl, "evm_setIntervalMining", List.of(0));
            automine(rpcUrl, true);
        } else {
            rpc(rpcUrl, "evm_setIntervalMining", List.of(seconds));
        }
    }

    /** Transactions waiting in anvil's pool (pending, not mined). */
    public static int pending(Web3j web3j) throws IOException {
        var block =
                web3j.ethGetBlockByNumber(DefaultBlockParameterName.PENDING, false)
                        .send()
                        .getBlock();
        return block == null ? 0 : block.getTransactions().size();
    }

    /** Transactions of {@code account} sent but not mined yet. */
    public static long waiting(Web3j web3j, Credentials account) throws IOException {
        BigInteger pending =
                web3j.ethGetTransactionCount(
                                account.getAddress(), DefaultBlockParameterName.PENDING)
                        .send()
                        .getTransactionCount();
        return pending.subtract(nonce(web3j, account.getAddress())).longValueExact();
    }

    /** The Reindex events of every position from {@code fromBlock} to the latest block. */
    public static List<Log> reindexLogs(Devnet devnet, long fromBlock) throws IOException {
        return logs(devnet, fromBlock, REINDEX_TOPIC, List.of());
    }

    /** The Reindex events from {@code fromBlock} on, counted by emitting position (lower case). */
    public static Map<String, Long> reindexCounts(Devnet devnet, long fromBlock)
            throws IOException {
        return reindexLogs(devnet, fromBlock).stream()
                .collect(
                        Collectors.groupingBy(
                                log -> log.getAddress().toLowerCase(),
                                java.util.TreeMap::new,
                                Collectors.counting()));
    }

    /**
     * The events with first topic {@code topic} from {@code fromBlock} to the latest block, emitted
     * by {@code addresses} (every contract when empty).
     */
    public static List<Log> logs(
            Devnet devnet, long fromBlock, String topic, List<String> addresses)
            throws IOException {
        if (fromBlock > devnet.latestBlockNumber()) {
            return List.of();
        }
        EthLog logs =
                devnet.web3j()
                        .ethGetLogs(
                                new EthFilter(
                                                DefaultBlockParameter.valueOf(
                                                        BigInteger.valueOf(fromBlock)),
                                                DefaultBlockParameter.valueOf("latest"),
                                                addresses)
                                        .addSingleTopic(topic))
                        .send();
        return logs.getLogs().stream().map(result -> (Log) result.get()).toList();
    }

    /** A chain client on one endpoint, as the keeper's view calls use it. */
    public static JsonRpcChainClient chain(String rpcUrl) {
        return JsonRpcChainClient.connect(
                List.of(rpcUrl),
                Duration.ofSeconds(10),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100)));
    }

    /** Any of anvil's own methods; an error answer fails. */
    public static void rpc(String rpcUrl, String method, List<?> params) throws IOException {
        HttpService service = new HttpService(rpcUrl);
        Response<?> response = new Request<>(method, params, service, RawResponse.class).send();
        if (response.hasError()) {
            throw new IOException(method + ": " + response.getError().getMessage());
        }
    }

    static final class RawResponse extends Response<Object> {}
}
