package com.xpowerbanq.infra;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * infra/bin/banq-cloudflare-ips.sh with the two lists it fetches published by a loopback server
 * instead of cloudflare.com (the URLs' environment override), so the tests never leave the host.
 */
final class CloudflareIpsScript implements AutoCloseable {
    private final HttpServer server;
    private volatile String v4 = "";
    private volatile String v6 = "";

    private CloudflareIpsScript(HttpServer server) {
        this.server = server;
    }

    /** Starts the loopback server publishing the two lists (one range a line, as Cloudflare). */
    static CloudflareIpsScript publishing(String v4, String v6) throws IOException {
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        CloudflareIpsScript script = new CloudflareIpsScript(server);
        script.publish(v4, v6);
        server.createContext(
                "/ips-v4", exchange -> RecordingUpstream.reply(exchange, "text/plain", script.v4));
        server.createContext(
                "/ips-v6", exchange -> RecordingUpstream.reply(exchange, "text/plain", script.v6));
        server.start();
        return script;
    }

    void publish(String v4, String v6) {
        this.v4 = v4;
        this.v6 = v6;
    }

    /** Runs the script with the given nginx binary and arguments; the lists come from here. */
    Command.Result run(String nginx, String... args) {
        List<String> argv =
                new ArrayList<>(
                        List.of(Repository.infra("bin", "banq-cloudflare-ips.sh").toString()));
        argv.addAll(List.of(args));
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Command.run(
                argv,
                null,
                Map.of(
                        "BANQ_CLOUDFLARE_IPS_V4_URL", base + "/ips-v4",
                        "BANQ_CLOUDFLARE_IPS_V6_URL", base + "/ips-v6",
                        "BANQ_NGINX", nginx));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
