package com.xpowerbanq.batch.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback JSON-RPC proxy that behaves like a busy public endpoint: refuses eth_getLogs ranges
 * above a limit, answers 429 and drops connections at random (seeded).
 */
final class FaultyRpcProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger dropped = new AtomicInteger();
    final AtomicInteger forwarded = new AtomicInteger();

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI upstream;
    private final long maxRange;
    private final double throttle;
    private final double drop;
    private final Random random = new Random(7);

    FaultyRpcProxy(String upstream, long maxRange, double throttle, double drop)
            throws IOException {
        this.upstream = URI.create(upstream);
        this.maxRange = maxRange;
        this.throttle = throttle;
        this.drop = drop;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        double dice;
        synchronized (random) {
            dice = random.nextDouble();
        }
        if (dice < drop) {
            dropped.incrementAndGet();
            exchange.close();
            return;
        }
        if (dice < drop + throttle) {
            throttled.incrementAndGet();
            reply(exchange, 429, "{\"error\":\"rate limit exceeded\"}");
            return;
        }
        JsonNode request = JSON.readTree(body);
        if (request.path("method").asText().equals("eth_getLogs")) {
            JsonNode filter = request.path("params").path(0);
            long from = Long.decode(filter.path("fromBlock").asText());
            long to = Long.decode(filter.path("toBlock").asText());
            if (to - from + 1 > maxRange) {
                refused.incrementAndGet();
                reply(
                        exchange,
                        200,
                        "{\"jsonrpc\":\"2.0\",\"id\":"
                                + request.path("id")
                                + ",\"error\":{\"code\":-32000,\"message\":\"requested too many blocks from "
                                + from
                                + " to "
                                + to
                                + ", maximum is set to "
                                + maxRange
                                + "\"}}");
                return;
            }
        }
        try {
            HttpResponse<String> answer =
                    client.send(
                            HttpRequest.newBuilder(upstream)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            forwarded.incrementAndGet();
            reply(exchange, answer.statusCode(), answer.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
