package com.xpowerbanq.devnet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.utils.Numeric;

/**
 * Frees transactions that anvil holds queued although nothing is missing before them: the nonce of
 * the first one is the sender's next. anvil computes at submission what a transaction waits for;
 * one submitted while the block with its predecessor is being mined can wait for it for ever, and
 * every later one queues behind it (the hang of {@code ./banq demo}: nonces 984–991 queued at
 * account nonce 984, and {@code evm_mine} left them out). Taking the sender's transactions out of
 * the pool and submitting them again, unchanged, makes anvil judge them afresh: same hashes, so
 * whoever awaits their receipts sees them mined.
 */
final class HeldTransactions {
    private static final Logger log = LoggerFactory.getLogger(HeldTransactions.class);

    private final AnvilRpc rpc;

    HeldTransactions(AnvilRpc rpc) {
        this.rpc = rpc;
    }

    /** Resubmits each sender's pool if anvil holds its next transaction queued; how many. */
    int release() {
        Map<?, ?> content = map(rpc.send("txpool_content"), "txpool_content");
        Map<?, ?> queued = map(content.get("queued"), "txpool_content.queued");
        Map<?, ?> ready = content.get("pending") instanceof Map<?, ?> m ? m : Map.of();
        int released = 0;
        for (Map.Entry<?, ?> entry : queued.entrySet()) {
            String sender = String.valueOf(entry.getKey());
            TreeMap<BigInteger, String> held = hashesByNonce(entry.getValue());
            TreeMap<BigInteger, String> waiting = hashesByNonce(ready.get(entry.getKey()));
            BigInteger next =
                    waiting.isEmpty()
                            ? Numeric.toBigInt(
                                    String.valueOf(
                                            rpc.send("eth_getTransactionCount", sender, "latest")))
                            : waiting.lastKey().add(BigInteger.ONE);
            if (!held.isEmpty() && held.firstKey().equals(next)) {
                waiting.putAll(held);
                resubmit(sender, waiting);
                released += held.size();
            }
        }
        return released;
    }

    private void resubmit(String sender, TreeMap<BigInteger, String> byNonce) {
        List<String> raws = new ArrayList<>();
        for (String hash : byNonce.values()) {
            raws.add(String.valueOf(rpc.send("eth_getRawTransactionByHash", hash)));
        }
        log.warn(
                "anvil held transactions of {} queued from its next nonce {}; submitting nonces"
                        + " {} again",
                sender,
                byNonce.firstKey(),
                byNonce.keySet());
        rpc.send("anvil_removePoolTransactions", sender);
        for (String raw : raws) {
            rpc.send("eth_sendRawTransaction", raw);
        }
    }

    private static TreeMap<BigInteger, String> hashesByNonce(Object byNonce) {
        TreeMap<BigInteger, String> hashes = new TreeMap<>();
        if (byNonce instanceof Map<?, ?> txs) {
            txs.forEach(
                    (nonce, tx) ->
                            hashes.put(
                                    new BigInteger(String.valueOf(nonce)),
                                    String.valueOf(map(tx, "pool transaction").get("hash"))));
        }
        return hashes;
    }

    private static Map<?, ?> map(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new DevnetException(what + " answered " + value);
    }
}
