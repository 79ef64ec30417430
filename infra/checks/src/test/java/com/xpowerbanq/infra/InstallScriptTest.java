package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InstallScriptTest {
    @TempDir Path scratch;
    private Path root;
    private Path jars;

    @BeforeEach
    void fakeRootAndJars() throws IOException {
        root = Files.createDirectories(scratch.resolve("root"));
        jars = Files.createDirectories(scratch.resolve("jars"));
        for (String jar : List.of("banq-batch.jar", "banq-api.jar", "banq-miner.jar")) {
            Files.writeString(jars.resolve(jar), jar);
        }
    }

    @Test
    void dryRunIntoATemporaryRootPrintsThePlannedActionsAndChangesNothing() throws IOException {
        Command.Result result = install("--dry-run");

        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output())
                .contains("dry run: nothing changes")
                .contains("would: install -d -m 0755 " + root + "/etc/banq")
                .contains("would: install -d -m 0755 " + root + "/var/lib/banq")
                .contains("would: install -d -m 0755 " + root + "/srv/db")
                .contains(root + "/opt/banq/banq-batch.jar")
                .contains(root + "/opt/banq/banq-api.jar")
                .contains("would: install -m 0400 ")
                .contains(root + "/etc/banq/banq.env.mainnet")
                .contains(root + "/etc/systemd/system/banq-batch.service")
                .contains(root + "/etc/systemd/system/banq-batch@.service")
                .contains(root + "/etc/systemd/system/banq-api.service")
                .contains(root + "/etc/nginx/sites-available/banq-api")
                .contains(root + "/etc/fail2ban/jail.d/nginx-banq.conf")
                .contains("link the series databases");
        try (Stream<Path> entries = Files.list(root)) {
            assertThat(entries).as("the dry run created something").isEmpty();
        }
    }

    @Test
    void destdirRunCreatesTheTreeWithTheSeedsModesAndLinksExistingDatabases() throws IOException {
        // given: a database the batch jobs wrote earlier
        Path stateDir = Files.createDirectories(root.resolve("var/lib/banq"));
        Files.createFile(stateDir.resolve("ri-APOW:supply:P000.db"));

        // when
        Command.Result result = install();

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        Map<String, String> tree = tree();
        assertThat(tree)
                .containsEntry("etc/banq", "rwxr-xr-x")
                .containsEntry("etc/banq/banq.env.mainnet", "r--------")
                .containsEntry("etc/banq/banq.env.testnet", "r--------")
                .containsEntry("etc/banq/banq.env.devnet", "r--------")
                .containsEntry("var/lib/banq", "rwxr-xr-x")
                .containsEntry("srv/db", "rwxr-xr-x")
                .containsEntry(
                        "srv/db/ri_apow_supply_0.db", "-> /var/lib/banq/ri-APOW:supply:P000.db")
                .containsEntry("opt/banq/banq-batch.jar", "rw-r--r--")
                .containsEntry("opt/banq/banq-api.jar", "rw-r--r--")
                .containsEntry("opt/banq/banq-miner.jar", "rw-r--r--")
                .containsEntry("opt/banq/OPERATIONS.md", "rw-r--r--")
                .containsEntry("usr/local/bin/banq-link", "rwxr-xr-x")
                .containsEntry("etc/systemd/system/banq-batch.service", "rw-r--r--")
                .containsEntry("etc/systemd/system/banq-batch@.service", "rw-r--r--")
                .containsEntry("etc/systemd/system/banq-api.service", "rw-r--r--")
                .containsEntry("etc/profile.d/banq.sh", "rw-r--r--")
                .containsEntry("etc/nginx/sites-available/banq-api", "rw-r--r--")
                .containsEntry("etc/fail2ban/filter.d/nginx-banq.conf", "rw-r--r--")
                .containsEntry("etc/fail2ban/jail.d/nginx-banq.conf", "rw-r--r--")
                .containsEntry("etc/fail2ban/jail.d/sshd.conf", "rw-r--r--");
        assertThat(tree.keySet()).noneMatch(path -> path.contains("keeper-key.conf"));
        assertThat(Files.readString(root.resolve("etc/systemd/system/banq-api.service")))
                .isEqualTo(Files.readString(Repository.infra("systemd", "banq-api.service")));
    }

    @Test
    void secondRunKeepsAnEditedEnvFileAndLeavesTheTreeAsItWas() throws IOException {
        // given: an installed tree whose operator set a private endpoint
        assertThat(install().ok()).isTrue();
        Path env = root.resolve("etc/banq/banq.env.mainnet");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(env, "PROVIDER_URL=https://rpc.example.org\n");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("r--------"));
        Map<String, String> before = tree();

        // when
        Command.Result again = install();

        // then
        assertThat(again.ok()).as(again.output()).isTrue();
        assertThat(again.output()).contains("keep /etc/banq/banq.env.mainnet");
        assertThat(tree()).isEqualTo(before);
        assertThat(Files.readString(env)).isEqualTo("PROVIDER_URL=https://rpc.example.org\n");
    }

    @Test
    void secondRunKeepsAnEnvFileLoosenedByHandButMakesItReadableByRootOnlyAgain()
            throws IOException {
        // given: an operator edited an env file and left it readable by everyone
        assertThat(install().ok()).isTrue();
        Path env = root.resolve("etc/banq/banq.env.testnet");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(env, "PROVIDER_URL=https://rpc.example.org/secret-token\n");

        // when
        Command.Result again = install();

        // then
        assertThat(again.ok()).as(again.output()).isTrue();
        assertThat(again.output()).contains("keep /etc/banq/banq.env.testnet");
        assertThat(tree()).containsEntry("etc/banq/banq.env.testnet", "r--------");
        assertThat(Files.readString(env))
                .isEqualTo("PROVIDER_URL=https://rpc.example.org/secret-token\n");
    }

    @Test
    void keeperKeyAndNetworkBecomeDropInsThatSystemdAccepts() throws IOException {
        // given: the operator's key is in place
        Files.createDirectories(root.resolve("etc/banq"));
        Files.writeString(root.resolve("etc/banq/keeper.key"), "not a real key\n");

        // when
        Command.Result result = install("--network", "testnet");

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        Path dropIns = root.resolve("etc/systemd/system/banq-batch.service.d");
        assertThat(dropIns.resolve("keeper-key.conf")).exists();
        assertThat(Files.readString(dropIns.resolve("network.conf")))
                .contains("EnvironmentFile=\nEnvironmentFile=/etc/banq/banq.env.testnet");
        assertThat(root.resolve("etc/systemd/system/banq-batch@.service.d/network.conf")).exists();

        String analyze = Executables.systemdAnalyze();
        Path merged = scratch.resolve("banq-batch.service");
        Files.writeString(
                merged,
                Files.readString(root.resolve("etc/systemd/system/banq-batch.service"))
                        + Files.readString(dropIns.resolve("keeper-key.conf"))
                        + Files.readString(dropIns.resolve("network.conf")));
        Command.Result verify = Command.run(List.of(analyze, "verify", merged.toString()));
        assertThat(verify.ok()).as(verify.output()).isTrue();
        assertThat(verify.output()).isBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--network", "--jars", "--edge", "--http"})
    void aFlagWithoutItsValueIsAUsageError(String flag) {
        // given: the flag last, or followed by another flag
        for (List<String> argv : List.of(List.of(flag), List.of(flag, "--dry-run"))) {
            // when
            Command.Result result = install(argv.toArray(String[]::new));

            // then
            assertThat(result.exitCode()).as(result.output()).isEqualTo(64);
            assertThat(result.output())
                    .contains(flag + " needs a value")
                    .contains("usage: install.sh");
        }
        assertThat(root).isEmptyDirectory();
    }

    @ParameterizedTest
    @CsvSource({
        "'', cloudflare, redirect",
        "'--edge direct', direct, redirect",
        "'--http serve', cloudflare, serve",
        "'--edge direct --http serve', direct, serve",
        "'BANQ_HTTP=serve', cloudflare, serve",
        "'BANQ_EDGE=direct --edge cloudflare', cloudflare, redirect"
    })
    void theSiteSwitchesDefaultToCloudflareAndRedirectAndFollowTheFlags(
            String given, String edge, String http) throws IOException {
        // given: flags, and settings from the environment (KEY=VALUE)
        Map<String, String> env = new HashMap<>();
        List<String> flags = new ArrayList<>();
        for (String word : given.split(" ")) {
            if (word.contains("=")) {
                env.put(
                        word.substring(0, word.indexOf('=')),
                        word.substring(word.indexOf('=') + 1));
            } else if (!word.isEmpty()) {
                flags.add(word);
            }
        }

        // when
        Command.Result result = install(env, flags.toArray(String[]::new));

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("nginx site: edge " + edge + ", plain HTTP " + http);
        Path switches = root.resolve("etc/nginx/banq-api");
        assertThat(switches.resolve("edge.conf"))
                .hasSameTextualContentAs(Repository.infra("nginx", "edge-" + edge + ".conf"));
        assertThat(switches.resolve("http.conf"))
                .hasSameTextualContentAs(Repository.infra("nginx", "http-" + http + ".conf"));
        assertThat(switches.resolve("cloudflare-ips.conf"))
                .hasSameTextualContentAs(Repository.infra("nginx", "cloudflare-ips.conf"));
        assertThat(tree())
                .containsEntry("etc/nginx/banq-api/edge.conf", "rw-r--r--")
                .containsEntry("etc/nginx/banq-api/http.conf", "rw-r--r--")
                .containsEntry("etc/nginx/banq-api/cloudflare-ips.conf", "rw-r--r--")
                .containsEntry("usr/local/bin/banq-cloudflare-ips", "rwxr-xr-x");
    }

    @Test
    void secondRunKeepsRefreshedCloudflareRangesAndSwitchesTheEdge() throws IOException {
        // given: an installed site behind Cloudflare whose ranges banq-cloudflare-ips refreshed
        assertThat(install().ok()).isTrue();
        Path ranges = root.resolve("etc/nginx/banq-api/cloudflare-ips.conf");
        Files.writeString(ranges, "set_real_ip_from 198.51.100.0/24;\n");

        // when: the host now takes its clients directly
        Command.Result again = install("--edge", "direct");

        // then
        assertThat(again.ok()).as(again.output()).isTrue();
        assertThat(again.output()).contains("keep /etc/nginx/banq-api/cloudflare-ips.conf");
        assertThat(Files.readString(ranges)).isEqualTo("set_real_ip_from 198.51.100.0/24;\n");
        assertThat(root.resolve("etc/nginx/banq-api/edge.conf"))
                .hasSameTextualContentAs(Repository.infra("nginx", "edge-direct.conf"));
    }

    @ParameterizedTest
    @CsvSource({"--edge, cloudfront", "--http, both"})
    void aSwitchWithAnUnknownValueIsAUsageError(String flag, String value) {
        Command.Result result = install(flag, value);

        assertThat(result.exitCode()).as(result.output()).isEqualTo(64);
        assertThat(result.output()).contains(flag + " must be", "'" + value + "'");
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void unknownArgumentsAreUsageErrors() {
        Command.Result result = install("--netwrk", "testnet");

        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.output()).contains("unknown argument '--netwrk'");
    }

    private Command.Result install(String... more) {
        return install(Map.of(), more);
    }

    private Command.Result install(Map<String, String> settings, String... more) {
        return new FakeRoot(root, jars).install(settings, more);
    }

    /** relative path -> permissions ("rwxr-xr-x") or link target ("-> /path") */
    private Map<String, String> tree() throws IOException {
        return new FakeRoot(root, jars).tree();
    }
}
