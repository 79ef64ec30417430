package com.xpowerbanq.batch.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Hash;
import org.web3j.crypto.TransactionDecoder;

/**
 * A loopback JSON-RPC proxy that behaves like a busy public endpoint: refuses eth_getLogs ranges
 * above a limit, answers 429 and drops connections at random (seeded); and like a node that loses
 * transactions: it can accept an {@code eth_sendRawTransaction} (answering its true hash) and never
 * forward it, and withhold receipts for a while.
 */
public final class FaultyRpcProxy implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    final AtomicInteger dropped = new AtomicInteger();
    final AtomicInteger forwarded = new AtomicInteger();

    /** Transactions accepted and never forwarded. */
    public final AtomicInteger swallowed = new AtomicInteger();

    /** Receipts asked for while withheld. */
    public final AtomicInteger withheld = new AtomicInteger();

    private final List<Swallow> swallows = new CopyOnWriteArrayList<>();
    private volatile Instant receiptsFrom = Instant.MIN;

    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI upstream;
    private final long maxRange;
    private final double throttle;
    private final double drop;
    private final Random random = new Random(7);

    /** A proxy that forwards everything until told to lose something. */
    public FaultyRpcProxy(String upstream) throws IOException {
        this(upstream, Long.MAX_VALUE, 0, 0);
    }

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

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next {@code count} transactions sent are accepted and never forwarded. */
    public void swallowNextSends(int count) {
        swallows.add(new Swallow(null, new AtomicInteger(count)));
    }

    /** The next {@code count} transactions sent with {@code nonce} are accepted, not forwarded. */
    public void swallowSendsOfNonce(BigInteger nonce, int count) {
        swallows.add(new Swallow(nonce, new AtomicInteger(count)));
    }

    /** Stops losing transactions and withholding receipts. */
    public void forwardEverything() {
        swallows.clear();
        receiptsFrom = Instant.MIN;
    }

    /** Every receipt is answered as not there yet (null) until {@code until}. */
    public void withholdReceiptsUntil(Instant until) {
        receiptsFrom = until;
    }

    /** Which sends to lose: of one nonce, or any (null), {@code left} more times. */
    private record Swallow(@Nullable BigInteger nonce, AtomicInteger left) {
        boolean takes(BigInteger sent) {
            return (nonce == null || nonce.equals(sent))
                    && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    /** Answers a request the node must not see, or null to forward it. */
    private @Nullable String lose(JsonNode request) {
        String method = request.path("method").asText();
        if (method.equals("eth_sendRawTransaction")) {
            String raw = request.path("params").path(0).asText();
            BigInteger nonce = TransactionDecoder.decode(raw).getNonce();
            for (Swallow swallow : swallows) {
                if (swallow.takes(nonce)) {
                    swallowed.incrementAndGet();
                    return result(request, "\"" + Hash.sha3(raw) + "\"");
                }
            }
        } else if (method.equals("eth_getTransactionReceipt")
                && Instant.now().isBefore(receiptsFrom)) {
            withheld.incrementAndGet();
            return result(request, "null");
        }
        return null;
    }

    private static String result(JsonNode request, String result) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + request.path("id") + ",\"result\":" + result + "}";
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
        String lost = lose(request);
        if (lost != null) {
            reply(exchange, 200, lost);
            return;
        }
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
