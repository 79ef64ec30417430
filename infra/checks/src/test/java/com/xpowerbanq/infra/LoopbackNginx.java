package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The production site infra/nginx/banq-api.conf run by a private nginx on loopback: its own prefix,
 * free ports instead of 80/443, a throwaway certificate, the API's test port as upstream, and the
 * two includes the installer chooses ({@link Switches}). Every rewrite must hit exactly once, so a
 * changed site fails loudly here.
 */
final class LoopbackNginx implements AutoCloseable {
    /**
     * The installer's --edge and --http, and the Cloudflare ranges include the edge reads (the
     * shipped list, or a test's stand-in with loopback addresses).
     */
    record Switches(String edge, String http, Path cloudflareRanges) {
        /** The installer's defaults with the shipped ranges. */
        static Switches defaults() {
            return of("cloudflare", "redirect");
        }

        static Switches of(String edge, String http) {
            return new Switches(edge, http, Repository.infra("nginx", "cloudflare-ips.conf"));
        }
    }

    private final String nginx;
    private final Path prefix;
    private final int httpPort;
    private final int httpsPort;
    private Process process;

    private LoopbackNginx(String nginx, Path prefix, int httpPort, int httpsPort) {
        this.nginx = nginx;
        this.prefix = prefix;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    /** Writes the configuration with the installer's defaults into prefix; nothing runs yet. */
    static LoopbackNginx configure(Path prefix, int apiPort) throws IOException {
        return configure(prefix, apiPort, Switches.defaults());
    }

    /** Writes the configuration into prefix; nothing runs yet. */
    static LoopbackNginx configure(Path prefix, int apiPort, Switches switches) throws IOException {
        String site = Files.readString(Repository.infra("nginx", "banq-api.conf"));
        return configure(prefix, List.of(new Site(site, 8001, apiPort)), switches);
    }

    /**
     * A site as installed ({@code text}), whose upstream {@code installedPort} is the API's test
     * port {@code apiPort} here; {@link #UPSTREAM_AS_GIVEN} keeps the upstream as the text has it.
     */
    record Site(String text, int installedPort, int apiPort) {
        static final int UPSTREAM_AS_GIVEN = 0;
    }

    /**
     * Writes the configuration of several sites side by side (install.sh --run: one server per run)
     * into prefix, all on the same loopback ports; nothing runs yet.
     */
    static LoopbackNginx configure(Path prefix, List<Site> sites, Switches switches)
            throws IOException {
        String nginx = Executables.require("nginx", "nginx");
        ThrowawayCertificate cert = ThrowawayCertificate.create(prefix);
        int httpPort = freePort();
        int httpsPort = freePort();
        String edge = edge(prefix, switches);
        String http = Repository.infra("nginx", "http-" + switches.http() + ".conf").toString();
        StringBuilder includes = new StringBuilder();
        for (int i = 0; i < sites.size(); i++) {
            Site given = sites.get(i);
            String site = given.text();
            site = replaceOnce(site, "listen 80;", "listen 127.0.0.1:" + httpPort + ";");
            site = replaceOnce(site, "listen [::]:80;", "");
            site =
                    replaceOnce(
                            site,
                            "listen 443 ssl http2;",
                            "listen 127.0.0.1:" + httpsPort + " ssl http2;");
            site = replaceOnce(site, "listen [::]:443 ssl http2;", "");
            site = replaceOnce(site, "/etc/ssl/certs/banq-api.crt", cert.certificate().toString());
            site = replaceOnce(site, "/etc/ssl/private/banq-api.key", cert.key().toString());
            if (given.installedPort() != Site.UPSTREAM_AS_GIVEN) {
                site =
                        replaceOnce(
                                site,
                                "server 127.0.0.1:" + given.installedPort() + ";",
                                "server 127.0.0.1:" + given.apiPort() + ";");
            }
            site = replaceOnce(site, "/etc/nginx/banq-api/edge.conf", edge);
            site = replaceOnce(site, "/etc/nginx/banq-api/http.conf", http);
            Path file = prefix.resolve(i == 0 ? "site.conf" : "site-" + i + ".conf");
            Files.writeString(file, site);
            includes.append("  include ").append(file).append(";\n");
        }
        Files.createDirectories(prefix.resolve("temp"));
        String temp = prefix.resolve("temp").toString();
        Files.writeString(
                prefix.resolve("nginx.conf"),
                String.join(
                        "\n",
                        "worker_processes 1;",
                        "pid " + prefix.resolve("nginx.pid") + ";",
                        "error_log " + prefix.resolve("error.log") + " warn;",
                        "events { worker_connections 512; }",
                        "http {",
                        "  access_log " + prefix.resolve("access.log") + " combined;",
                        "  client_body_temp_path " + temp + "/body;",
                        "  proxy_temp_path " + temp + "/proxy;",
                        "  fastcgi_temp_path " + temp + "/fastcgi;",
                        "  uwsgi_temp_path " + temp + "/uwsgi;",
                        "  scgi_temp_path " + temp + "/scgi;",
                        includes + "}",
                        ""));
        return new LoopbackNginx(nginx, prefix, httpPort, httpsPort);
    }

    /** The edge include, reading the ranges the switches name, written into prefix. */
    private static String edge(Path prefix, Switches switches) throws IOException {
        String edge =
                Files.readString(Repository.infra("nginx", "edge-" + switches.edge() + ".conf"));
        if (switches.edge().equals("cloudflare")) {
            edge =
                    replaceOnce(
                            edge,
                            "/etc/nginx/banq-api/cloudflare-ips.conf",
                            switches.cloudflareRanges().toString());
        }
        Path file = prefix.resolve("edge.conf");
        Files.writeString(file, edge);
        return file.toString();
    }

    /** nginx -t on the configuration. */
    Command.Result test() {
        return Command.run(argv("-t"), prefix, Map.of());
    }

    void start() throws IOException {
        process =
                new ProcessBuilder(argv("-g", "daemon off;"))
                        .redirectErrorStream(true)
                        .redirectOutput(prefix.resolve("nginx.out").toFile())
                        .start();
    }

    boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", httpsPort), 500);
            return true;
        } catch (IOException e) {
            assertThat(process.isAlive()).as("nginx exited: %s", log("nginx.out")).isTrue();
            return false;
        }
    }

    int httpPort() {
        return httpPort;
    }

    int httpsPort() {
        return httpsPort;
    }

    /** The nginx.conf this nginx runs, for tools that test or reload it (nginx -c). */
    Path configuration() {
        return prefix.resolve("nginx.conf");
    }

    Path accessLog() {
        return prefix.resolve("access.log");
    }

    String log(String name) {
        try {
            Path file = prefix.resolve(name);
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private List<String> argv(String... more) {
        var argv =
                new java.util.ArrayList<>(
                        List.of(
                                nginx,
                                "-p",
                                prefix.toString(),
                                "-c",
                                prefix.resolve("nginx.conf").toString(),
                                "-e",
                                prefix.resolve("error.log").toString()));
        argv.addAll(List.of(more));
        return argv;
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        assertThat(at).as("the site has '%s'", from).isNotNegative();
        assertThat(text.indexOf(from, at + 1)).as("the site has '%s' only once", from).isNegative();
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
