package com.xpowerbanq.devnet;

import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * What the chain says when a keeper duty overran its deadline: the pool's transactions by sender
 * and nonce ({@code txpool_inspect}), the keeper's nonces (latest: mined; pending: mined or in the
 * pool) and the last lines of anvil's log. Each part is read on its own, so a dead anvil still
 * leaves the others.
 */
final class StuckDutyReport {
    private static final int NONCES_SHOWN = 12;

    /** Decimal nonces in numeric order. */
    private static final Comparator<String> NONCE_ORDER =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    private final AnvilRpc rpc;
    private final JsonRpcChainClient chain;
    private final AnvilProcess anvil;

    StuckDutyReport(AnvilRpc rpc, JsonRpcChainClient chain, AnvilProcess anvil) {
        this.rpc = rpc;
        this.chain = chain;
        this.anvil = anvil;
    }

    /** The report for the keeper account {@code keeper}. */
    String describe(String keeper) {
        return "pool (txpool_inspect): "
                + pool()
                + "; keeper "
                + keeper
                + " nonces: "
                + nonces(keeper)
                + "; "
                + (anvil.isAlive()
                        ? "last lines of anvil's log:\n" + anvil.logTail()
                        : anvil.exitReport());
    }

    private String pool() {
        Object inspect;
        try {
            inspect = rpc.send("txpool_inspect");
        } catch (DevnetException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        if (!(inspect instanceof Map<?, ?> sections)) {
            return "unknown (txpool_inspect answered " + inspect + ")";
        }
        return "pending "
                + section(sections.get("pending"))
                + ", queued "
                + section(sections.get("queued"));
    }

    /** "{0xabc…: nonces 984, 985}" for each sender in a section of txpool_inspect. */
    private static String section(Object section) {
        if (!(section instanceof Map<?, ?> senders) || senders.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        senders.forEach(
                (sender, byNonce) -> {
                    List<String> nonces =
                            byNonce instanceof Map<?, ?> map
                                    ? map.keySet().stream()
                                            .map(String::valueOf)
                                            .sorted(NONCE_ORDER)
                                            .toList()
                                    : List.of(String.valueOf(byNonce));
                    String shown =
                            String.join(
                                    ", ", nonces.subList(0, Math.min(nonces.size(), NONCES_SHOWN)));
                    if (nonces.size() > NONCES_SHOWN) {
                        shown += " and " + (nonces.size() - NONCES_SHOWN) + " more";
                    }
                    parts.add(sender + ": nonces " + shown);
                });
        return "{" + String.join("; ", parts) + "}";
    }

    private String nonces(String keeper) {
        try {
            return "latest "
                    + count(keeper, DefaultBlockParameterName.LATEST)
                    + ", pending "
                    + count(keeper, DefaultBlockParameterName.PENDING);
        } catch (RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private String count(String keeper, DefaultBlockParameterName tag) {
        return chain.request(
                        "eth_getTransactionCount(" + keeper + ", " + tag.getValue() + ")",
                        w -> w.ethGetTransactionCount(keeper, tag))
                .getTransactionCount()
                .toString();
    }
}
