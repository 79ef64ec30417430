package com.xpowerbanq.chain.tx;

import static com.xpowerbanq.chain.tx.DevAccount.ADDRESS;
import static com.xpowerbanq.chain.tx.DevAccount.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignerTest {

    @TempDir Path dir;

    @Test
    void readsTheKeyFromTheEnvironment() {
        Signer signer = Signer.fromEnvironment(Map.of(Signer.PRIVATE_KEY, "0x" + KEY));
        assertThat(signer.address()).isEqualTo(ADDRESS);
    }

    @Test
    void readsTheKeyFromTheFileNamedByPrivateKeyFile() throws Exception {
        Path file = Files.writeString(dir.resolve("key"), KEY + "\n");
        Signer signer = Signer.fromEnvironment(Map.of(Signer.PRIVATE_KEY_FILE, file.toString()));
        assertThat(signer.address()).isEqualTo(ADDRESS);
    }

    @Test
    void showsOnlyTheAddress() {
        Signer signer = Signer.fromEnvironment(Map.of(Signer.PRIVATE_KEY, KEY));
        assertThat(signer.toString()).contains(ADDRESS).doesNotContain(KEY);
    }

    @Test
    void aMissingKeyNamesBothVariables() {
        assertThatThrownBy(() -> Signer.fromEnvironment(Map.of()))
                .hasMessageContaining("PRIVATE_KEY")
                .hasMessageContaining("PRIVATE_KEY_FILE");
    }

    @Test
    void aMalformedKeyFileIsNamedButItsContentIsNeverShown() throws Exception {
        String almostAKey = KEY.substring(0, 60) + "zz";
        Path file = Files.writeString(dir.resolve("bad"), almostAKey);
        assertThatThrownBy(() -> Signer.fromFile(file))
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining(almostAKey)
                .hasMessageNotContaining(KEY.substring(0, 16));
    }

    @Test
    void anUnreadableKeyFileIsNamed() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> Signer.fromFile(missing))
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("PRIVATE_KEY_FILE");
    }
}
