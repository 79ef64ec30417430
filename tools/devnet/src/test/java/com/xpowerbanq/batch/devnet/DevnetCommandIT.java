package com.xpowerbanq.batch.devnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * `banq devnet` as a process, its keeper jobs included: ready lines on stdout, files written,
 * SIGTERM stops anvil.
 */
class DevnetCommandIT {
    /** The address of anvil's first dev account, the devnet's deployer and keeper. */
    private static final String ANVIL_ACCOUNT_0 = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

    @Test
    void servesUntilSigtermThenStopsAnvilAndExitsZero(@TempDir Path dir) throws Exception {
        // given
        Path stateDir = dir.resolve("state");
        // no simulated day: the activity the keeper jobs send is KeeperDrivenDevnetIT's to check
        Process main = start(dir, "0");
        try {
            BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(main.getInputStream(), StandardCharsets.UTF_8));

            // when: it is ready
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String line = out.readLine();
                assertThat(line).as("stdout ended; stderr: %s", stderr(dir)).isNotNull();
                lines.add(line);
            }

            // then
            assertThat(lines.get(0)).matches("PROVIDER_URL=http://127\\.0\\.0\\.1:\\d+");
            assertThat(lines.get(1))
                    .isEqualTo("CONTRACTS_FILE=" + stateDir.resolve("contracts.env"));
            assertThat(lines.get(2))
                    .isEqualTo("PRIVATE_KEY_FILE=" + stateDir.resolve("keeper.key"));
            assertThat(lines.get(3)).isEqualTo("CONTRACT_RUN=v10a");
            assertThat(Files.readString(stateDir.resolve("contracts.env")))
                    .contains(lines.get(0))
                    .contains("P006_ADDRESS_v10a=0x");
            Path key = stateDir.resolve("keeper.key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
            assertThat(Credentials.create(Files.readString(key).strip()).getAddress())
                    .isEqualToIgnoringCase(ANVIL_ACCOUNT_0);
            assertThat(String.join("\n", lines) + stderr(dir))
                    .doesNotContain(Files.readString(key).strip().substring(2));
            List<ProcessHandle> anvil = main.descendants().toList();
            assertThat(anvil).isNotEmpty();

            // when: SIGTERM
            main.destroy();

            // then
            assertThat(main.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(main.exitValue()).as("stderr: %s", stderr(dir)).isZero();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> anvil.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            main.destroyForcibly();
        }
    }

    @Test
    void anvilDiesWithAKilledJvm(@TempDir Path dir) throws Exception {
        // given
        Process main = start(dir, "0");
        try {
            BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(main.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as("stderr: %s", stderr(dir)).startsWith("PROVIDER_URL=");
            List<ProcessHandle> anvil = main.descendants().toList();
            assertThat(anvil).isNotEmpty();

            // when: SIGKILL, no shutdown hook runs
            main.destroyForcibly();

            // then: the guard on anvil's stdin stops it
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> anvil.stream().noneMatch(ProcessHandle::isAlive));
        } finally {
            main.destroyForcibly();
        }
    }

    private static Process start(Path dir, String days) throws Exception {
        ProcessBuilder command =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                DevnetCommand.class.getName(),
                                "--days",
                                days,
                                "--state-dir",
                                dir.resolve("state").toString())
                        .redirectError(dir.resolve("stderr.txt").toFile());
        // the command refuses to run where a real keeper key is configured
        command.environment().remove("PRIVATE_KEY");
        command.environment().remove("PRIVATE_KEY_FILE");
        return command.start();
    }

    private static String stderr(Path dir) throws Exception {
        Path file = dir.resolve("stderr.txt");
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
