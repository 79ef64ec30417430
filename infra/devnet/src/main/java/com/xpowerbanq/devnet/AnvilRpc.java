package com.xpowerbanq.devnet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

/** anvil's own JSON-RPC methods (mining, automine, time travel) that web3j has no call for. */
final class AnvilRpc {

    /** A response whose result we take as plain JSON values. */
    static final class AnyResponse extends Response<Object> {}

    private final Web3jService service;

    AnvilRpc(Web3jService service) {
        this.service = service;
    }

    Request<Object, AnyResponse> request(String method, Object... params) {
        return new Request<>(method, Arrays.asList(params), service, AnyResponse.class);
    }

    Object send(String method, Object... params) {
        try {
            AnyResponse response = request(method, params).send();
            if (response.hasError()) {
                throw new DevnetException(method + " failed: " + response.getError().getMessage());
            }
            return response.getResult();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " did not reach anvil", e);
        }
    }

    void setAutomine(boolean on) {
        send("evm_setAutomine", on);
    }

    /** Mines one block with exactly this timestamp (all pending transactions that fit). */
    void mineAt(long timestamp) {
        send("evm_mine", hex(timestamp));
    }

    /** Mines n blocks, interval seconds apart. */
    void mine(long blocks, long interval) {
        send("anvil_mine", hex(blocks), hex(interval));
    }

    void increaseTime(long seconds) {
        send("evm_increaseTime", hex(seconds));
    }

    static String hex(long value) {
        return Numeric.encodeQuantity(BigInteger.valueOf(value));
    }

    static List<Object> params(Object... params) {
        return Arrays.asList(params);
    }
}
