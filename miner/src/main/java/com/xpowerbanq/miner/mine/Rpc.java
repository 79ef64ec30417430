package com.xpowerbanq.miner.mine;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;

/**
 * JSON-RPC over one or more endpoints: a request that fails on the transport moves on to the next
 * endpoint; an answer with a JSON-RPC error is returned as is for the caller to read.
 */
final class Rpc implements AutoCloseable {

    /** No endpoint answered; names them. */
    static final class UnavailableException extends IOException {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @FunctionalInterface
    interface Call<T extends Response<?>> {
        Request<?, T> on(Web3j web3j);
    }

    private final List<String> urls;
    private final List<Web3j> clients;
    private final AtomicInteger current = new AtomicInteger();

    Rpc(List<String> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("no JSON-RPC endpoint");
        }
        this.urls = List.copyOf(urls);
        this.clients = urls.stream().map(url -> Web3j.build(new HttpService(url))).toList();
    }

    <T extends Response<?>> T send(Call<T> call) throws UnavailableException {
        IOException last = null;
        int start = current.get();
        for (int i = 0; i < clients.size(); i++) {
            int index = (start + i) % clients.size();
            try {
                T response = call.on(clients.get(index)).send();
                current.set(index);
                return response;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UnavailableException(
                "no JSON-RPC endpoint answered (" + String.join(", ", urls) + "): " + reason(last),
                last);
    }

    List<String> urls() {
        return urls;
    }

    private static String reason(IOException e) {
        return e == null || e.getMessage() == null ? String.valueOf(e) : e.getMessage();
    }

    @Override
    public void close() {
        clients.forEach(Web3j::shutdown);
    }
}
