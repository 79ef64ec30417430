package com.xpowerbanq.schema.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code GET /metrics} on a loopback port of its own, apart from any public port, so that nginx
 * never forwards it: the Prometheus text format that a Micrometer registry scrapes. banq-api and
 * banq-miner serve their metrics with it (banq-batch has Spring Boot Actuator).
 */
public final class MetricsEndpoint implements AutoCloseable {
    public static final String PATH = "/metrics";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;

    private MetricsEndpoint(HttpServer server) {
        this.server = server;
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: any free port) and answers each scrape with {@code
     * scrape}'s text.
     *
     * @throws UncheckedIOException when it cannot listen, naming the port
     */
    public static MetricsEndpoint start(int port, Supplier<String> scrape) {
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
            server.createContext(PATH, exchange -> answer(exchange, scrape));
            server.start();
            return new MetricsEndpoint(server);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on 127.0.0.1:" + port + " for the metrics: " + e.getMessage(),
                    e);
        }
    }

    private static void answer(HttpExchange exchange, Supplier<String> scrape) throws IOException {
        try (exchange) {
            if (!PATH.equals(exchange.getRequestURI().getPath())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = scrape.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL operators and Prometheus scrape. */
    public String url() {
        return "http://127.0.0.1:" + port() + PATH;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
