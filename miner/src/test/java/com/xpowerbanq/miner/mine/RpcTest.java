package com.xpowerbanq.miner.mine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RpcTest {
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startEndpoint() throws IOException {
        // a JSON-RPC endpoint on loopback that answers eth_chainId with 0xa86a (43114)
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    requests.incrementAndGet();
                    byte[] body =
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0xa86a\"}"
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        server.start();
    }

    @AfterEach
    void stopEndpoint() {
        server.stop(0);
    }

    @Test
    void movesOnToTheNextEndpointWhenOneDoesNotAnswer() throws Exception {
        String live = "http://127.0.0.1:" + server.getAddress().getPort();
        try (Rpc rpc = new Rpc(List.of("http://127.0.0.1:9", live))) {
            assertThat(rpc.send(w -> w.ethChainId()).getChainId().longValue()).isEqualTo(43114);
            // and stays on the endpoint that answered
            rpc.send(w -> w.ethChainId());
            assertThat(requests.get()).isEqualTo(2);
        }
    }

    @Test
    void namesEveryEndpointWhenNoneAnswers() {
        try (Rpc rpc = new Rpc(List.of("http://127.0.0.1:9", "http://127.0.0.1:7"))) {
            assertThatThrownBy(() -> rpc.send(w -> w.ethChainId()))
                    .isInstanceOf(Rpc.UnavailableException.class)
                    .hasMessageContaining("http://127.0.0.1:9, http://127.0.0.1:7");
        }
    }
}
