package com.xpowerbanq.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A stand-in for banq-api behind nginx on a free loopback port: answers every GET with a small JSON
 * body and remembers, per request target, the client address nginx passed on in X-Real-IP.
 */
final class RecordingUpstream implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, String> realIps = new ConcurrentHashMap<>();

    private RecordingUpstream(HttpServer server) {
        this.server = server;
    }

    static RecordingUpstream start() throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        RecordingUpstream upstream = new RecordingUpstream(server);
        server.createContext("/", upstream::answer);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return upstream;
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The X-Real-IP of the last request for this target (path and query). */
    Optional<String> realIp(String target) {
        return Optional.ofNullable(realIps.get(target));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String realIp = exchange.getRequestHeaders().getFirst("X-Real-IP");
        if (realIp != null) {
            realIps.put(exchange.getRequestURI().toString(), realIp);
        }
        reply(exchange, "application/json", "{\"status\":\"ok\"}");
    }

    /** Answers 200 with the body; the other loopback servers of the checks answer this way too. */
    static void reply(HttpExchange exchange, String contentType, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
