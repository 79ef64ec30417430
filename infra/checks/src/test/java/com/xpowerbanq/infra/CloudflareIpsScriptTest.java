package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** banq-cloudflare-ips against lists published on loopback; NginxEdgeIT covers the reload. */
class CloudflareIpsScriptTest {
    private static final String OLD = "set_real_ip_from 192.0.2.0/24;\n";

    @TempDir Path prefix;
    private Path ranges;
    private LoopbackNginx nginx;
    private CloudflareIpsScript script;

    @BeforeEach
    void siteBehindCloudflareWithAnOlderList() throws IOException {
        ranges = prefix.resolve("cloudflare-ips.conf");
        Files.writeString(ranges, OLD);
        nginx =
                LoopbackNginx.configure(
                        prefix, 8001, new LoopbackNginx.Switches("cloudflare", "redirect", ranges));
        List<String> shipped = NginxSiteTest.shippedRanges();
        // as cloudflare.com serves them: one range a line, CRLF line ends tolerated
        script =
                CloudflareIpsScript.publishing(
                        lines(shipped.stream().filter(range -> range.contains(".")), "\r\n"),
                        lines(shipped.stream().filter(range -> range.contains(":")), "\n"));
    }

    @AfterEach
    void stop() {
        script.close();
    }

    @Test
    void thePublishedListsBecomeTheIncludeTheInstallerShipsAndNginxAcceptsIt() throws Exception {
        // when
        Command.Result result = refresh(nginxBinary());

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("test is successful", "22 ranges");
        assertThat(directives(ranges))
                .isEqualTo(directives(Repository.infra("nginx", "cloudflare-ips.conf")));
        assertThat(Files.readString(ranges)).startsWith("# cloudflare-ips.conf:");
        try (Stream<Path> left = Files.list(prefix)) {
            assertThat(left.map(Path::getFileName).map(Path::toString))
                    .as("no temporary file left beside the include")
                    .noneMatch(name -> name.startsWith("cloudflare-ips.conf."));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "173.245.48.0",
                "173.245.48.0/33",
                "256.1.2.3/8",
                "1.2.3/24",
                "include x;",
                "2400:cb00::/129"
            })
    void aLineThatIsNotARangeLeavesTheIncludeAsItWas(String bad) throws IOException {
        // given
        script.publish("173.245.48.0/20\n" + bad + "\n", "2400:cb00::/32\n");

        // when
        Command.Result result = refresh(nginxBinary());

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(65);
        assertThat(result.output()).contains("'" + bad + "'");
        assertThat(Files.readString(ranges)).isEqualTo(OLD);
    }

    @Test
    void anEmptyListLeavesTheIncludeAsItWas() throws IOException {
        script.publish("173.245.48.0/20\n", "\n");

        Command.Result result = refresh(nginxBinary());

        assertThat(result.exitCode()).as(result.output()).isEqualTo(65);
        assertThat(result.output()).contains("IPv6 list", "is empty");
        assertThat(Files.readString(ranges)).isEqualTo(OLD);
    }

    @Test
    void nginxRejectingTheNewIncludePutsTheOldOneBack() throws IOException {
        // when: an nginx whose test always fails
        Command.Result result = refresh("false");

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(70);
        assertThat(result.output()).contains("is back as it was");
        assertThat(Files.readString(ranges)).isEqualTo(OLD);
    }

    @Test
    void unknownArgumentsAreUsageErrors() {
        Command.Result result = script.run(nginxBinary(), "--outptu", ranges.toString());

        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.output())
                .contains("unknown argument '--outptu'", "usage: banq-cloudflare-ips");
    }

    private Command.Result refresh(String nginxBinary) {
        return script.run(
                nginxBinary,
                "--output",
                ranges.toString(),
                "--nginx-conf",
                nginx.configuration().toString(),
                "--no-reload");
    }

    private static String lines(Stream<String> ranges, String end) {
        return ranges.collect(Collectors.joining(end, "", end));
    }

    private static List<String> directives(Path include) throws IOException {
        return Files.readAllLines(include).stream().filter(line -> !line.startsWith("#")).toList();
    }

    private static String nginxBinary() {
        return Executables.require("nginx", "nginx");
    }
}
