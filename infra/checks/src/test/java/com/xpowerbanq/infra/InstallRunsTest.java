package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** install.sh --run: contract runs side by side, and the migration of a single-run install. */
class InstallRunsTest {
    @TempDir Path scratch;
    private FakeRoot root;

    @BeforeEach
    void fakeRoot() throws IOException {
        root = FakeRoot.in(scratch);
    }

    @Test
    void twoRunsGetTheirOwnStateUnitsPortsAndServers() throws IOException {
        // when
        Command.Result result = root.install("--run", "v10a,v10b", "--domain", "example");

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(root.tree())
                .containsEntry("var/lib/banq/v10a", "rwxr-xr-x")
                .containsEntry("var/lib/banq/v10b", "rwxr-xr-x")
                .containsEntry("srv/db/v10a", "rwxr-xr-x")
                .containsEntry("srv/db/v10b", "rwxr-xr-x")
                .containsEntry("etc/banq/v10a/banq.env", "r--------")
                .containsEntry("etc/banq/v10b/banq.env", "r--------")
                .containsEntry("etc/banq/v10b/api.env", "rw-r--r--")
                .containsEntry("etc/systemd/system/banq-batch@.service", "rw-r--r--")
                .containsEntry("etc/systemd/system/banq-api@.service", "rw-r--r--")
                .containsEntry("etc/nginx/sites-available/banq-api-v10a", "rw-r--r--")
                .containsEntry("etc/nginx/sites-available/banq-api-v10b", "rw-r--r--")
                .doesNotContainKeys(
                        "etc/systemd/system/banq-batch.service",
                        "etc/systemd/system/banq-api.service",
                        "etc/nginx/sites-available/banq-api");
        assertThat(read("etc/systemd/system/banq-batch@.service"))
                .isEqualTo(
                        Files.readString(
                                Repository.infra("systemd", "runs", "banq-batch@.service")));
        assertThat(read("etc/banq/v10b/banq.env"))
                .contains("# network: mainnet", "CONTRACT_RUN=v10b\n")
                .contains("BANQ_STATE_DIR=/var/lib/banq/v10b\n")
                .contains("PROVIDER_URL=https://api.avax.network/ext/bc/C/rpc");
        assertThat(read("etc/banq/v10a/api.env")).contains("BANQ_API_PORT=8001\n");
        assertThat(read("etc/banq/v10b/api.env")).contains("BANQ_API_PORT=8002\n");
        assertThat(read("etc/nginx/sites-available/banq-api-v10b"))
                .contains("server_name v10b.example;", "server 127.0.0.1:8002;")
                .contains("zone=banq_api_v10b:10m", "proxy_pass http://banq_api_v10b;");
        assertThat(result.output())
                .contains(
                        "enable --now banq-batch@v10a.service banq-api@v10a.service"
                                + " banq-batch@v10b.service banq-api@v10b.service");
    }

    @Test
    void eachRunsUnitsVerifyAsSystemdWouldLoadThem() throws IOException {
        // given: two runs, one with its keeper key
        Files.createDirectories(root.resolve("etc/banq/v10b"));
        Files.writeString(root.resolve("etc/banq/v10b/keeper.key"), "not a real key\n");

        // when
        Command.Result result = root.install("--run", "v10a,v10b", "--network", "testnet");

        // then: only v10b's daemon gets the key, and every instance verifies
        assertThat(result.ok()).as(result.output()).isTrue();
        Path system = root.resolve("etc/systemd/system");
        assertThat(system.resolve("banq-batch@v10b.service.d/keeper-key.conf")).exists();
        assertThat(system.resolve("banq-batch@v10a.service.d")).doesNotExist();
        assertThat(read("etc/banq/v10a/banq.env"))
                .contains("# network: testnet", "api.avax-test.network", "CONTRACT_RUN=v10a\n");
        Path units = Files.createDirectories(scratch.resolve("units"));
        for (String run : List.of("v10a", "v10b")) {
            String batch = read("etc/systemd/system/banq-batch@.service");
            Path dropIn = system.resolve("banq-batch@" + run + ".service.d/keeper-key.conf");
            if (Files.exists(dropIn)) {
                batch += Files.readString(dropIn);
            }
            Files.writeString(units.resolve("banq-batch@" + run + ".service"), batch);
            Files.writeString(
                    units.resolve("banq-api@" + run + ".service"),
                    read("etc/systemd/system/banq-api@.service"));
        }
        String analyze = Executables.systemdAnalyze();
        for (String unit :
                List.of(
                        "banq-batch@v10a.service",
                        "banq-batch@v10b.service",
                        "banq-api@v10a.service",
                        "banq-api@v10b.service")) {
            Command.Result verify =
                    Command.run(List.of(analyze, "verify", units.resolve(unit).toString()));
            assertThat(verify.ok()).as(unit + ": " + verify.output()).isTrue();
            assertThat(verify.output()).as(unit + " warnings").isBlank();
        }
    }

    @Test
    void nginxAcceptsBothRunsServersSideBySide() throws IOException {
        // given
        Command.Result result = root.install("--run", "v10a,v10b", "--domain", "example");
        assertThat(result.ok()).as(result.output()).isTrue();

        // when
        LoopbackNginx nginx =
                LoopbackNginx.configure(
                        Files.createDirectories(scratch.resolve("nginx")),
                        List.of(
                                new LoopbackNginx.Site(
                                        read("etc/nginx/sites-available/banq-api-v10a"),
                                        8001,
                                        18001),
                                new LoopbackNginx.Site(
                                        read("etc/nginx/sites-available/banq-api-v10b"),
                                        8002,
                                        18002)),
                        LoopbackNginx.Switches.defaults());
        Command.Result test = nginx.test();

        // then
        assertThat(test.ok()).as("nginx -t:%n%s", test.output()).isTrue();
        assertThat(test.output()).contains("test is successful");
    }

    @Test
    void aSingleRunInstallMovesIntoItsRunKeepingDataNamesKeyAndPort() throws IOException {
        // given: a single-run install with a database, its link, a key and the site enabled
        Files.createDirectories(root.resolve("var/lib/banq"));
        Files.writeString(root.resolve("var/lib/banq/ri-APOW:supply:P000.db"), "series data");
        Files.writeString(root.resolve("var/lib/banq/banq-batch.db"), "job repository");
        Files.createDirectories(root.resolve("etc/banq"));
        Files.writeString(root.resolve("etc/banq/keeper.key"), "not a real key\n");
        assertThat(root.install().ok()).isTrue();
        Path enabled = Files.createDirectories(root.resolve("etc/nginx/sites-enabled"));
        Files.createSymbolicLink(
                enabled.resolve("banq-api"), Path.of("../sites-available/banq-api"));
        assertThat(root.tree())
                .containsEntry(
                        "srv/db/ri_apow_supply_0.db", "-> /var/lib/banq/ri-APOW:supply:P000.db");

        // when
        Command.Result result = root.install("--run", "v10b,v10a");

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output())
                .contains("migrating the single-run install into contract run v10a");
        Map<String, String> tree = root.tree();
        assertThat(read("var/lib/banq/v10a/ri-APOW:supply:P000.db")).isEqualTo("series data");
        assertThat(read("var/lib/banq/v10a/banq-batch.db")).isEqualTo("job repository");
        assertThat(read("etc/banq/v10a/keeper.key")).isEqualTo("not a real key\n");
        assertThat(read("etc/banq/v10a/api.env")).contains("BANQ_API_PORT=8001\n");
        assertThat(read("etc/banq/v10b/api.env")).contains("BANQ_API_PORT=8002\n");
        assertThat(tree)
                .containsEntry(
                        "srv/db/v10a/ri_apow_supply_0.db",
                        "-> /var/lib/banq/v10a/ri-APOW:supply:P000.db")
                .containsEntry(
                        "etc/nginx/sites-enabled/banq-api-v10a",
                        "-> ../sites-available/banq-api-v10a")
                .containsEntry(
                        "etc/nginx/sites-enabled/banq-api-v10b",
                        "-> ../sites-available/banq-api-v10b")
                .containsKey("etc/systemd/system/banq-batch@v10a.service.d/keeper-key.conf")
                .doesNotContainKeys(
                        "var/lib/banq/ri-APOW:supply:P000.db",
                        "srv/db/ri_apow_supply_0.db",
                        "etc/banq/keeper.key",
                        "etc/nginx/sites-enabled/banq-api",
                        "etc/nginx/sites-available/banq-api",
                        "etc/systemd/system/banq-batch.service",
                        "etc/systemd/system/banq-api.service",
                        "etc/systemd/system/banq-batch.service.d",
                        "etc/systemd/system/banq-batch@.service.d");

        // and: install.sh again (without --run) keeps both runs as they are
        Command.Result again = root.install();
        assertThat(again.ok()).as(again.output()).isTrue();
        assertThat(again.output()).contains("contract runs installed here: v10a v10b");
        assertThat(root.tree()).isEqualTo(tree);
    }

    @Test
    void aSingleRunInstallOfAnUnlistedRunIsNotTouched() throws IOException {
        // given: a single-run install of v10a
        Files.createDirectories(root.resolve("var/lib/banq"));
        Files.writeString(root.resolve("var/lib/banq/ri-APOW:supply:P000.db"), "series data");
        assertThat(root.install().ok()).isTrue();
        Map<String, String> before = root.tree();

        // when
        Command.Result result = root.install("--run", "v10b");

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(64);
        assertThat(result.output())
                .contains("single-run install of contract run v10a")
                .contains("--run v10a,");
        assertThat(root.tree()).isEqualTo(before);
    }

    @Test
    void aRunThatIsNoContractRunIsAUsageError() {
        Command.Result result = root.install("--run", "v10a,../etc");

        assertThat(result.exitCode()).as(result.output()).isEqualTo(64);
        assertThat(result.output())
                .contains("--run takes contract runs like v10a,v10b, not '../etc'");
        assertThat(root.root()).isEmptyDirectory();
    }

    private String read(String path) throws IOException {
        return Files.readString(root.resolve(path));
    }
}
