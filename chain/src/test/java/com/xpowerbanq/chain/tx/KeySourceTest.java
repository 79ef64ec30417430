package com.xpowerbanq.chain.tx;

import static com.xpowerbanq.chain.tx.DevAccount.ADDRESS;
import static com.xpowerbanq.chain.tx.DevAccount.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.schema.cli.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The miner's source: a variable, else a secret file at a fixed path. */
class KeySourceTest {

    @TempDir Path secrets;

    @Test
    void theVariableWinsOverTheSecretFile() throws Exception {
        Files.writeString(secrets.resolve("mint-address-pk"), "not a key");

        Signer signer = KeySource.miner(secrets).load(Map.of("MINT_ADDRESS_PK", "0x" + KEY));

        assertThat(signer.address()).isEqualTo(ADDRESS);
    }

    @Test
    void theSecretFileServesWhenTheVariableIsUnset() throws Exception {
        Files.writeString(secrets.resolve("mint-address-pk"), KEY + "\n");

        assertThat(KeySource.miner(secrets).load(Map.of()).address()).isEqualTo(ADDRESS);
    }

    @Test
    void noKeyAnywhereIsAUsageErrorNamingVariableAndFile() {
        assertThatThrownBy(() -> KeySource.miner(secrets).load(Map.of()))
                .isInstanceOfSatisfying(
                        KeySource.KeyException.class,
                        e -> {
                            assertThat(e.setting()).isEqualTo("MINT_ADDRESS_PK");
                            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                        })
                .hasMessageContaining("MINT_ADDRESS_PK is not set")
                .hasMessageContaining(secrets.resolve("mint-address-pk").toString());
    }

    @Test
    void aKeyOutsideTheCurveIsBadDataAndNeverEchoed() {
        String zero = "0".repeat(64);

        assertThatThrownBy(() -> KeySource.miner(secrets).load(Map.of("MINT_ADDRESS_PK", zero)))
                .isInstanceOfSatisfying(
                        KeySource.KeyException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.DATA))
                .hasMessageContaining("MINT_ADDRESS_PK is malformed")
                .hasMessageNotContaining(zero);
    }
}
