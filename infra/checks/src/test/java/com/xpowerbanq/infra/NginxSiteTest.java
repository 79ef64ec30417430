package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NginxSiteTest {
    private static final Pattern CIPHERS = Pattern.compile("ssl_ciphers ([^;]+);");
    private static final Pattern UPSTREAM = Pattern.compile("(?s)upstream banq_api \\{.*?\\}\n");
    private static final Pattern RANGE =
            Pattern.compile("set_real_ip_from ([0-9a-f.:]+/[0-9]{1,3});");

    @TempDir Path prefix;

    @Test
    void nginxAcceptsTheSiteWithAThrowawayCertificate() throws IOException {
        LoopbackNginx nginx = LoopbackNginx.configure(prefix, 8001);

        Command.Result result = nginx.test();

        assertThat(result.ok()).as("nginx -t:%n%s", result.output()).isTrue();
        assertThat(result.output()).contains("test is successful");
    }

    @ParameterizedTest
    @CsvSource({"cloudflare, redirect", "cloudflare, serve", "direct, redirect", "direct, serve"})
    void nginxAcceptsEveryVariantTheInstallerRenders(String edge, String http) throws IOException {
        LoopbackNginx nginx =
                LoopbackNginx.configure(prefix, 8001, LoopbackNginx.Switches.of(edge, http));

        Command.Result result = nginx.test();

        assertThat(result.ok()).as("nginx -t (%s, %s):%n%s", edge, http, result.output()).isTrue();
        assertThat(result.output()).contains("test is successful");
    }

    @Test
    void nginxAcceptsTheSiteWithTheTwoHostUpstreamInPlaceOfItsOwn() throws IOException {
        String site = Files.readString(Repository.infra("nginx", "banq-api.conf"));
        String upstream =
                Files.readString(Repository.infra("nginx", "banq-upstream-two-hosts.conf"));
        Matcher own = UPSTREAM.matcher(site);
        assertThat(own.find()).as("the site has its upstream banq_api block").isTrue();
        String twoHosts = site.substring(0, own.start()) + upstream + site.substring(own.end());
        LoopbackNginx nginx =
                LoopbackNginx.configure(
                        prefix,
                        List.of(
                                new LoopbackNginx.Site(
                                        twoHosts,
                                        LoopbackNginx.Site.UPSTREAM_AS_GIVEN,
                                        LoopbackNginx.Site.UPSTREAM_AS_GIVEN)),
                        LoopbackNginx.Switches.defaults());

        Command.Result result = nginx.test();

        assertThat(result.ok()).as("nginx -t:%n%s", result.output()).isTrue();
        assertThat(result.output()).contains("test is successful");
        assertThat(directives(upstream))
                .as("one upstream named as the site's, with its keepalive")
                .contains("upstream banq_api {", "keepalive 32;");
        assertThat(directives(upstream).stream().filter(line -> line.startsWith("server ")))
                .as("two hosts, each left out after failing")
                .hasSize(2)
                .allSatisfy(
                        server ->
                                assertThat(server)
                                        .containsPattern(" max_fails=[1-9] ")
                                        .containsPattern(" fail_timeout=[0-9]+s;$"));
    }

    @Test
    void siteAllowsTls12And13WithModernCiphersAndSendsTheSecurityHeaders() throws IOException {
        String site = Files.readString(Repository.infra("nginx", "banq-api.conf"));

        assertThat(site)
                .contains("ssl_protocols TLSv1.2 TLSv1.3;")
                .contains("rate=100r/s")
                .contains("burst=200 nodelay")
                .contains("limit_req_status 429;")
                .contains("keepalive 32;")
                .contains("gzip_types application/json")
                .contains("add_header Strict-Transport-Security")
                .contains("add_header X-Content-Type-Options \"nosniff\" always;")
                .contains("add_header X-Frame-Options")
                .contains("add_header Referrer-Policy");
        Matcher ciphers = CIPHERS.matcher(site);
        assertThat(ciphers.find()).as("the site sets ssl_ciphers").isTrue();
        assertThat(ciphers.group(1).split(":"))
                .isNotEmpty()
                .allSatisfy(
                        cipher ->
                                assertThat(cipher)
                                        .as("forward secret AEAD only")
                                        .startsWith("ECDHE-")
                                        .containsAnyOf("-GCM-", "-CHACHA20-POLY1305"));
    }

    @Test
    void theCloudflareEdgeTrustsTheHeaderOnlyFromTheShippedRanges() throws IOException {
        String edge = Files.readString(Repository.infra("nginx", "edge-cloudflare.conf"));
        String direct = Files.readString(Repository.infra("nginx", "edge-direct.conf"));
        List<String> ranges = shippedRanges();

        assertThat(edge)
                .contains("include /etc/nginx/banq-api/cloudflare-ips.conf;")
                .contains("real_ip_header CF-Connecting-IP;")
                .doesNotContain("set_real_ip_from", "real_ip_recursive on");
        assertThat(directives(direct)).as("direct: no directive at all").isEmpty();
        // as published at https://www.cloudflare.com/ips-v4 and ips-v6
        assertThat(ranges.stream().filter(range -> range.contains(".")))
                .hasSize(15)
                .contains("173.245.48.0/20", "104.16.0.0/13", "131.0.72.0/22");
        assertThat(ranges.stream().filter(range -> range.contains(":")))
                .hasSize(7)
                .contains("2400:cb00::/32", "2a06:98c0::/29", "2c0f:f248::/32");
        assertThat(ranges).doesNotHaveDuplicates();
    }

    @Test
    void plainHttpIsRedirectedOrServedByTheHttpSwitch() throws IOException {
        String redirect = Files.readString(Repository.infra("nginx", "http-redirect.conf"));
        String serve = Files.readString(Repository.infra("nginx", "http-serve.conf"));

        assertThat(directives(redirect))
                .containsExactly(
                        "if ($scheme = http) {", "return 301 https://$host$request_uri;", "}");
        assertThat(directives(serve)).isEmpty();
    }

    /** The Cloudflare ranges of the shipped include, in order. */
    static List<String> shippedRanges() throws IOException {
        return Files.readAllLines(Repository.infra("nginx", "cloudflare-ips.conf")).stream()
                .filter(line -> !line.startsWith("#"))
                .map(
                        line -> {
                            Matcher range = RANGE.matcher(line);
                            assertThat(range.matches()).as("a range: '%s'", line).isTrue();
                            return range.group(1);
                        })
                .toList();
    }

    private static List<String> directives(String include) {
        return Arrays.stream(include.split("\n"))
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
