package com.xpowerbanq.miner.mine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {
    // anvil's well-known dev key 1 and a checksummed address: public test values, no secret
    static final String KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    static final String TO = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

    @TempDir Path secrets;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put(Settings.MINT_ADDRESS_PK, KEY);
        env.put(Settings.MINT_ADDRESS, TO);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    @Test
    void defaultsAsTheOriginalContainer() {
        Settings settings = Settings.from(env(), secrets, 16);

        assertThat(settings.level()).isEqualTo(8);
        assertThat(settings.workers()).isEqualTo(7);
        assertThat(settings.contractRun()).isEqualTo("v10a");
        assertThat(settings.mintAddress()).isEqualTo(TO);
        assertThat(settings.providerUrls()).isEmpty();
        assertThat(settings.gasLimit()).isNull();
        assertThat(settings.maxFeePerGas()).isNull();
        assertThat(settings.maxPriorityFeePerGas()).isNull();
    }

    @Test
    void readsEverySetting() {
        Settings settings =
                Settings.from(
                        env(
                                "PROVIDER_URL", "http://127.0.0.1:8545, https://example.org/rpc",
                                "CONTRACT_RUN", "v10b",
                                "MINT_LEVEL", "12",
                                "MINE_WORKERS", "3",
                                "MAX_PRIORITY_FEE_PER_GAS", "0",
                                "MAX_FEE_PER_GAS", "500000000",
                                "GAS_LIMIT", "100000"),
                        secrets,
                        4);

        assertThat(settings.providerUrls())
                .containsExactly("http://127.0.0.1:8545", "https://example.org/rpc");
        assertThat(settings.contractRun()).isEqualTo("v10b");
        assertThat(settings.level()).isEqualTo(12);
        assertThat(settings.workers()).isEqualTo(3);
        assertThat(settings.maxPriorityFeePerGas()).isEqualTo(BigInteger.ZERO);
        assertThat(settings.maxFeePerGas()).isEqualTo(BigInteger.valueOf(500_000_000));
        assertThat(settings.gasLimit()).isEqualTo(BigInteger.valueOf(100_000));
    }

    @Test
    void blankGasSettingsMeanAuto() {
        Settings settings = Settings.from(env("GAS_LIMIT", "", "MAX_FEE_PER_GAS", " "), secrets, 4);
        assertThat(settings.gasLimit()).isNull();
        assertThat(settings.maxFeePerGas()).isNull();
    }

    @Test
    void neverMoreWorkersThanCores() {
        Settings settings = Settings.from(env("MINE_WORKERS", "64"), secrets, 2);
        assertThat(settings.workers()).isEqualTo(2);
        assertThat(settings.warnings()).singleElement().asString().contains("MINE_WORKERS");
        assertThat(Settings.from(env(), secrets, 2).workers()).isEqualTo(2);
    }

    @Test
    void readsKeyAndAddressFromTheSecretFilesWhenNotInEnv() throws IOException {
        Files.writeString(secrets.resolve("mint-address-pk"), KEY + "\n");
        Files.writeString(secrets.resolve("mint-address"), TO.toLowerCase() + "\n");

        Settings settings =
                Settings.from(env("MINT_ADDRESS_PK", null, "MINT_ADDRESS", null), secrets, 4);

        assertThat(settings.signer().address())
                .isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertThat(settings.mintAddress()).isEqualTo(TO);
    }

    @Test
    void missingKeyStopsWithUsageStatusNamingTheSetting() {
        assertThatThrownBy(() -> Settings.from(env("MINT_ADDRESS_PK", null), secrets, 4))
                .isInstanceOfSatisfying(
                        SettingException.class,
                        e -> {
                            assertThat(e.setting()).isEqualTo("MINT_ADDRESS_PK");
                            assertThat(e.exitStatus()).isEqualTo(64);
                        })
                .hasMessageContaining("MINT_ADDRESS_PK is not set")
                .hasMessageContaining("mint-address-pk");
    }

    @Test
    void malformedKeyIsReportedWithoutEchoingIt() {
        String almostKey = KEY.substring(0, 60) + "zz";
        assertThatThrownBy(() -> Settings.from(env("MINT_ADDRESS_PK", almostKey), secrets, 4))
                .isInstanceOfSatisfying(
                        SettingException.class, e -> assertThat(e.exitStatus()).isEqualTo(65))
                .hasMessageContaining("MINT_ADDRESS_PK is malformed")
                .hasMessageNotContaining(KEY.substring(2, 20));
        assertThatThrownBy(
                        () ->
                                Settings.from(
                                        env("MINT_ADDRESS_PK", "0x" + "0".repeat(64)), secrets, 4))
                .hasMessageContaining("MINT_ADDRESS_PK is malformed");
    }

    @Test
    void settingsNeverPrintTheKey() {
        Settings settings = Settings.from(env(), secrets, 4);
        assertThat(settings.toString()).doesNotContain(KEY.substring(2)).contains(TO);
    }

    @ParameterizedTest
    @CsvSource({
        "MINT_ADDRESS, 0x1234, MINT_ADDRESS must be an address",
        "MINT_ADDRESS, 0x70997970c51812dc3a010c7d01b50e0d17dc79cz, MINT_ADDRESS must be an address",
        "MINT_ADDRESS, 0x70997970C51812DC3a010C7d01b50e0d17dc79C8, MINT_ADDRESS has a wrong EIP-55"
                + " checksum",
        "MINT_ADDRESS, 0x0000000000000000000000000000000000000000, must not be the zero address",
        "MINT_LEVEL, 0, MINT_LEVEL must be a whole number from 1 to 64",
        "MINT_LEVEL, 65, MINT_LEVEL must be a whole number from 1 to 64",
        "MINT_LEVEL, eight, MINT_LEVEL must be a whole number from 1 to 64",
        "MINE_WORKERS, 0, MINE_WORKERS must be a whole number from 1",
        "MINE_WORKERS, -2, MINE_WORKERS must be a whole number from 1",
        "GAS_LIMIT, 100, GAS_LIMIT must be a whole number of gas units of at least 21000",
        "MAX_FEE_PER_GAS, 0.5, MAX_FEE_PER_GAS must be a whole number of wei",
        "CONTRACT_RUN, latest, CONTRACT_RUN must be a contract run like v10a",
        "PROVIDER_URL, ftp://x, PROVIDER_URL must list http(s) endpoints",
    })
    void malformedSettingStopsWithDataStatusNamingIt(String setting, String value, String message) {
        assertThatThrownBy(() -> Settings.from(env(setting, value), secrets, 4))
                .isInstanceOfSatisfying(
                        SettingException.class,
                        e -> {
                            assertThat(e.setting()).isEqualTo(setting);
                            assertThat(e.exitStatus()).isEqualTo(65);
                        })
                .hasMessageContaining(message);
    }

    @Test
    void launchExitsNonZeroWithAJsonErrorNamingTheSetting() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JsonLines lines =
                new JsonLines(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Clock.systemUTC());

        int status = MinerLaunch.run(env("MINT_LEVEL", "0"), secrets, lines, 4);

        assertThat(status).isEqualTo(65);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("{\"step\":\"config\"")
                .contains("\"setting\":\"MINT_LEVEL\"")
                .doesNotContain(KEY.substring(2));
    }

    @Test
    void launchExitsUnavailableWhenNoEndpointAnswers() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        JsonLines lines =
                new JsonLines(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Clock.systemUTC());

        // port 9 (discard) on loopback: nothing listens there
        int status = MinerLaunch.run(env("PROVIDER_URL", "http://127.0.0.1:9"), secrets, lines, 4);

        assertThat(status).isEqualTo(69);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("PROVIDER_URL")
                .contains("127.0.0.1:9");
    }
}
