package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"mainnet", "testnet", "devnet"})
    void envFileIsPlainKeyValueForSystemdWithTheSettingsTheJobsNeed(String network)
            throws IOException {
        // given
        List<String> lines = Files.readAllLines(Repository.infra("env", "banq.env." + network));

        // when
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            assertThat(line)
                    .as("systemd EnvironmentFile line: KEY=VALUE without quotes or spaces")
                    .matches("[A-Z][A-Z0-9_]*=[^\\s\"'$`]*");
            String[] pair = line.split("=", 2);
            assertThat(settings.put(pair[0], pair[1])).as("%s set twice", pair[0]).isNull();
        }

        // then
        assertThat(settings)
                .containsEntry("CONTRACT_RUN", "v10a")
                .containsEntry("BANQ_STATE_DIR", "/var/lib/banq")
                .doesNotContainKeys("PRIVATE_KEY", "PRIVATE_KEY_FILE", "MINT_ADDRESS_PK");
        assertThat(settings.get("PROVIDER_URL").split(","))
                .isNotEmpty()
                .allMatch(url -> url.matches("https?://[^,]+"));
        if (network.equals("devnet")) {
            assertThat(settings.get("PROVIDER_URL")).startsWith("http://127.0.0.1:");
            assertThat(settings).containsKey("CONTRACTS_FILE");
        } else {
            assertThat(settings.get("PROVIDER_URL")).startsWith("https://");
        }
    }

    @Test
    void profileScriptSetsTheProductionDefaultsAndKeepsWhatIsAlreadySet() {
        String script = Repository.infra("profile.d", "banq.sh").toString();

        Command.Result defaults =
                Command.run(
                        List.of(
                                "env",
                                "-i",
                                "sh",
                                "-c",
                                ". \"$0\" && echo \"$BANQ_STATE_DIR $BANQ_DB_PATH $CONTRACT_RUN"
                                        + " $PROVIDER_URL\"",
                                script));
        Command.Result kept =
                Command.run(
                        List.of(
                                "env",
                                "-i",
                                "CONTRACT_RUN=v10c",
                                "sh",
                                "-c",
                                ". \"$0\" && sh -c 'echo $CONTRACT_RUN'",
                                script));

        assertThat(defaults.ok()).as(defaults.output()).isTrue();
        assertThat(defaults.output().strip())
                .isEqualTo("/var/lib/banq /srv/db v10a https://api.avax.network/ext/bc/C/rpc");
        assertThat(kept.output().strip()).isEqualTo("v10c");
    }
}
