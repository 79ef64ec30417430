package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * infra/setup-test-tools.sh with stand-ins for apt-get, apt-cache and every tool it looks for, and
 * its PostgreSQL and policy-rc.d paths moved into a temporary folder: when it installs the Debian
 * package postgresql, and that the package's service is kept from starting meanwhile.
 */
class SetupTestToolsTest {
    private static final List<String> OTHER_TOOLS =
            List.of(
                    "nginx",
                    "fail2ban-regex",
                    "shellcheck",
                    "openssl",
                    "systemd-analyze",
                    "promtool",
                    "prometheus",
                    "chromium");

    @TempDir Path scratch;
    private Path bin;
    private Path postgresqlLib;
    private Path policy;
    private Path aptLog;

    @BeforeEach
    void standIns() throws IOException {
        bin = Files.createDirectories(scratch.resolve("bin"));
        postgresqlLib = Files.createDirectories(scratch.resolve("usr-lib-postgresql"));
        policy = scratch.resolve("policy-rc.d");
        aptLog = scratch.resolve("apt.log");
        for (String tool : OTHER_TOOLS) {
            executable(bin.resolve(tool), "#!/bin/sh\n");
        }
        // root without sudo; apt-cache knows every package
        executable(bin.resolve("id"), "#!/bin/sh\necho 0\n");
        executable(bin.resolve("apt-cache"), "#!/bin/sh\n");
        // apt-get records its arguments and the policy-rc.d in force while it installs; its
        // install puts the server programs where Debian's postgresql package does, unless told not
        executable(
                bin.resolve("apt-get"),
                """
                #!/bin/sh
                echo "apt-get $*" >>"$APT_LOG"
                case "$*" in *install*)
                    echo "policy: $(cat "$BANQ_POLICY_RC_D" 2>/dev/null | tr '\\n' ' ')" >>"$APT_LOG"
                    [ -n "$INSTALL_NOTHING" ] && exit 0
                    mkdir -p "$BANQ_POSTGRESQL_LIB/17/bin"
                    for p in initdb pg_ctl postgres; do
                        printf '#!/bin/sh\\n' >"$BANQ_POSTGRESQL_LIB/17/bin/$p"
                        chmod 755 "$BANQ_POSTGRESQL_LIB/17/bin/$p"
                    done;;
                esac
                """);
    }

    @Test
    void installsPostgresqlWhenOnlyItsClientIsPresentKeepingItsServiceStopped() throws IOException {
        // given: psql of some version, no server programs
        executable(Files.createDirectories(postgresqlLib.resolve("15/bin")).resolve("psql"), "");

        // when
        Command.Result result = setup(Map.of());

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(result.output()).contains("installing postgresql");
        assertThat(Files.readAllLines(aptLog))
                .containsExactly(
                        "apt-get update -qq",
                        "apt-get install -y -qq --no-install-recommends postgresql",
                        "policy: #!/bin/sh exit 101 ");
        assertThat(policy).as("the policy-rc.d the script wrote is gone").doesNotExist();
    }

    @Test
    void installsNothingWhenAServerVersionHasInitdbPgCtlAndPostgres() throws IOException {
        // given
        Path server = Files.createDirectories(postgresqlLib.resolve("16/bin"));
        for (String program : List.of("initdb", "pg_ctl", "postgres")) {
            executable(server.resolve(program), "");
        }

        // when
        Command.Result result = setup(Map.of());

        // then
        assertThat(result.ok()).as(result.output()).isTrue();
        assertThat(aptLog).doesNotExist();
    }

    @Test
    void anInstallThatLeavesTheServerProgramsMissingFailsNamingThePackage() {
        // when
        Command.Result result = setup(Map.of("INSTALL_NOTHING", "yes"));

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(70);
        assertThat(result.output())
                .contains("package postgresql is installed but its command is still missing");
        assertThat(policy).doesNotExist();
    }

    private Command.Result setup(Map<String, String> more) {
        var env =
                new HashMap<>(
                        Map.of(
                                "PATH", bin + ":/usr/bin:/bin",
                                "APT_LOG", aptLog.toString(),
                                "BANQ_POSTGRESQL_LIB", postgresqlLib.toString(),
                                "BANQ_POLICY_RC_D", policy.toString()));
        env.putAll(more);
        return Command.run(
                List.of(Repository.infra("setup-test-tools.sh").toString()), scratch, env);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
