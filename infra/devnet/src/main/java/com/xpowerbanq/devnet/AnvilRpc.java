package com.xpowerbanq.devnet;

import com.xpowerbanq.chain.rpc.ChainException;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.chain.rpc.RpcErrorException;
import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

/**
 * anvil's own JSON-RPC methods (mining, automine, time travel) that web3j has no call for, sent by
 * the shared chain client.
 */
final class AnvilRpc {

    /** A response whose result we take as plain JSON values. */
    static final class AnyResponse extends Response<Object> {}

    private final JsonRpcChainClient chain;

    AnvilRpc(JsonRpcChainClient chain) {
        this.chain = chain;
    }

    Object send(String method, Object... params) {
        try {
            return chain.request(method, Arrays.asList(params), AnyResponse.class).getResult();
        } catch (RpcErrorException e) {
            throw new DevnetException(method + " failed: " + e.detail(), e);
        } catch (ChainException e) {
            throw new DevnetException(method + " did not reach anvil: " + e.getMessage(), e);
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
}
