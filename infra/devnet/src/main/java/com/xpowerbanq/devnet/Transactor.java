package com.xpowerbanq.devnet;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.web3j.crypto.ContractUtils;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

/**
 * Sends the deployer's transactions in bulk: queued transactions are signed here (in parallel) and
 * go to anvil in one JSON-RPC batch, then one block is mined at the chosen timestamp and every
 * receipt is checked. Automine must be off while transactions are queued.
 */
final class Transactor {

    private static final BigInteger MAX_FEE = BigInteger.valueOf(50_000_000_000L);
    private static final BigInteger PRIORITY_FEE = BigInteger.valueOf(1_000_000_000L);

    private record Queued(BigInteger nonce, String to, String data, long gas, String label) {}

    private final JsonRpcChainClient chain;
    private final AnvilRpc rpc;
    private final Credentials signer;
    private final List<Queued> queue = new ArrayList<>();
    private final Map<String, Queued> byHash = new HashMap<>();
    private BigInteger nonce;

    Transactor(JsonRpcChainClient chain, AnvilRpc rpc, Credentials signer) {
        this.chain = chain;
        this.rpc = rpc;
        this.signer = signer;
        this.nonce = pendingNonce();
    }

    /** Takes up the nonce after transactions that another sender signed with the same key. */
    void resync() {
        if (!queue.isEmpty()) {
            throw new IllegalStateException("resync with " + queue.size() + " queued transactions");
        }
        nonce = pendingNonce();
    }

    private BigInteger pendingNonce() {
        return chain.request(
                        "eth_getTransactionCount(deployer, pending)",
                        w ->
                                w.ethGetTransactionCount(
                                        signer.getAddress(), DefaultBlockParameterName.PENDING))
                .getTransactionCount();
    }

    /** Queues a contract creation; returns the address it will have. */
    String deploy(String label, String initCode, long gas) {
        String address =
                Keys.toChecksumAddress(
                        ContractUtils.generateContractAddress(signer.getAddress(), nonce));
        enqueue("", initCode, gas, label);
        return address;
    }

    void call(Activity.Call call) {
        enqueue(call.to(), call.data(), call.gas(), call.label());
    }

    private void enqueue(String to, String data, long gas, String label) {
        queue.add(new Queued(nonce, to, data, gas, label));
        nonce = nonce.add(BigInteger.ONE);
    }

    /**
     * Sends what is queued, mines it at the timestamp (more blocks, a second apart, if the block
     * gas limit leaves some pending) and fails naming the first transaction that reverted. Returns
     * the timestamp of the last block mined.
     */
    long mineAt(long timestamp) {
        Map<String, String> open = sendQueued();
        long at = timestamp;
        rpc.mineAt(at);
        checkLatestBlock(open);
        while (!open.isEmpty()) {
            int before = open.size();
            at++;
            rpc.mineAt(at);
            checkLatestBlock(open);
            if (open.size() == before) {
                throw new DevnetException(
                        "transactions stay pending after mining, first: "
                                + open.values().iterator().next());
            }
        }
        return at;
    }

    /** Signs and sends the queue; returns tx hash → label of what was sent. */
    private Map<String, String> sendQueued() {
        List<String> signed =
                queue.parallelStream()
                        .map(
                                q ->
                                        Numeric.toHexString(
                                                TransactionEncoder.signMessage(
                                                        RawTransaction.createTransaction(
                                                                Devnet.CHAIN_ID,
                                                                q.nonce(),
                                                                BigInteger.valueOf(q.gas()),
                                                                q.to(),
                                                                BigInteger.ZERO,
                                                                q.data(),
                                                                PRIORITY_FEE,
                                                                MAX_FEE),
                                                        Devnet.CHAIN_ID,
                                                        signer)))
                        .toList();
        Map<String, String> sent = new LinkedHashMap<>();
        if (signed.isEmpty()) {
            return sent;
        }
        List<Function<Web3j, Request<?, ? extends Response<?>>>> sends =
                signed.stream()
                        .<Function<Web3j, Request<?, ? extends Response<?>>>>map(
                                raw -> w -> w.ethSendRawTransaction(raw))
                        .toList();
        List<Response<?>> responses = chain.batch("eth_sendRawTransaction batch", sends);
        for (int i = 0; i < responses.size(); i++) {
            Response<?> response = responses.get(i);
            if (response.hasError()) {
                throw new DevnetException(
                        queue.get(i).label() + " was refused: " + response.getError().getMessage());
            }
            sent.put(Hash.sha3(signed.get(i)), queue.get(i).label());
            byHash.put(Hash.sha3(signed.get(i)), queue.get(i));
        }
        queue.clear();
        return sent;
    }

    /** Removes the transactions the latest block holds from open; throws on a failed one. */
    private void checkLatestBlock(Map<String, String> open) {
        if (open.isEmpty()) {
            return;
        }
        Object result = rpc.send("eth_getBlockReceipts", "latest");
        if (!(result instanceof List<?> receipts)) {
            throw new DevnetException("eth_getBlockReceipts answered " + result);
        }
        for (Object item : receipts) {
            Map<?, ?> receipt = (Map<?, ?>) item;
            String label = open.remove(String.valueOf(receipt.get("transactionHash")));
            if (label != null && !"0x1".equals(receipt.get("status"))) {
                BigInteger block = Numeric.toBigInt(String.valueOf(receipt.get("blockNumber")));
                throw new DevnetException(
                        label
                                + " reverted in block "
                                + block
                                + " (tx "
                                + receipt.get("transactionHash")
                                + "): "
                                + reasonOf(byHash.get(receipt.get("transactionHash")), block));
            }
        }
    }

    /** Replays a failed transaction as a call on the state before its block, for the reason. */
    private String reasonOf(Queued tx, BigInteger block) {
        Map<String, String> call = new LinkedHashMap<>();
        call.put("from", signer.getAddress());
        call.put("to", tx.to());
        call.put("data", tx.data());
        call.put("gas", AnvilRpc.hex(tx.gas()));
        try {
            rpc.send("eth_call", call, Numeric.encodeQuantity(block.subtract(BigInteger.ONE)));
            return "out of gas or reverted only in its block";
        } catch (DevnetException e) {
            return e.getMessage();
        }
    }
}
