package com.xpowerbanq.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractRegistryTest {

    @TempDir Path dir;

    @Test
    void packagedMainnetRegistryMatchesTheReferenceFile() {
        ContractRegistry mainnet = ContractRegistry.packaged("mainnet");

        assertThat(mainnet.providerUrl())
                .startsWith("https://api.avax.network/ext/bc/C/rpc,")
                .contains(",https://avalanche.drpc.org");
        assertThat(mainnet.address("P000", "v10a"))
                .contains("0x96d015A979b12F7025AAc137A4C640f8D2ec2499");
        assertThat(mainnet.address("XPOW", "v10c"))
                .contains("0xa2Ecb675Ad2A2E199c98F5206C5C3fFE5a8D5753");
        assertThat(mainnet.runs()).containsExactly("v10a", "v10b", "v10c");
    }

    @Test
    void zeroAndMissingAddressesReadAsNotDeployed() {
        ContractRegistry mainnet = ContractRegistry.packaged("mainnet");

        assertThat(mainnet.address("P004", "v10a")).isEmpty();
        assertThat(mainnet.address("CAPS", "v10a")).isEmpty();
        assertThat(mainnet.address("P004", "v10b")).isPresent();
        assertThat(mainnet.address("P007", "v10a")).isEmpty();
        assertThat(mainnet.address("P000", "v99")).isEmpty();
    }

    @Test
    void packagedTestnetRegistryHasItsOwnAddresses() {
        ContractRegistry testnet = ContractRegistry.packaged("testnet");

        assertThat(testnet.providerUrl()).isEqualTo("https://api.avax-test.network/ext/bc/C/rpc");
        assertThat(testnet.address("APOW", "v10a"))
                .contains("0xD5eA3da3693a6C196641c1562F28146304dD28eE");
    }

    @Test
    void writtenRegistryLoadsBackEqual() {
        ContractRegistry written =
                ContractRegistry.builder()
                        .comment("devnet registry")
                        .providerUrl("http://127.0.0.1:8545")
                        .address("P000", "v10a", "0x5FbDB2315678afecb367f032d93F642f64180aa3")
                        .address("T000", "v10a", "0x0000000000000000000000000000000000000000")
                        .build();
        Path file = dir.resolve("sub/contracts.env");

        written.write(file);
        ContractRegistry loaded = ContractRegistry.load(file);

        assertThat(loaded.providerUrl()).isEqualTo("http://127.0.0.1:8545");
        assertThat(loaded.address("P000", "v10a"))
                .contains("0x5FbDB2315678afecb367f032d93F642f64180aa3");
        assertThat(loaded.address("T000", "v10a")).isEmpty();
        assertThat(file)
                .content()
                .startsWith("# devnet registry\nPROVIDER_URL=http://127.0.0.1:8545\n");
    }

    @Test
    void fileWithoutProviderUrlAndWithOtherVariablesLoads() throws Exception {
        Path file = dir.resolve("contracts.env");
        Files.writeString(
                file,
                "CONTRACT_RUN=v10a\nexport XPOW_ADDRESS_v10a=\"0x8f0A35CaBD10E830C8c10629CF539c2e0f1f3481\"\n");

        ContractRegistry registry = ContractRegistry.load(file);

        assertThat(registry.providerUrl()).isEmpty();
        assertThat(registry.address("XPOW", "v10a"))
                .contains("0x8f0A35CaBD10E830C8c10629CF539c2e0f1f3481");
    }

    @Test
    void malformedLinesAreRejectedNamingFileAndLine() throws Exception {
        Path file = dir.resolve("bad.env");
        Files.writeString(file, "# ok\nP000_ADDRESS_v10a=0x1234\n");

        assertThatThrownBy(() -> ContractRegistry.load(file))
                .isInstanceOf(ContractRegistryException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 2")
                .hasMessageContaining("expected 0x and 40 hex digits");

        Files.writeString(file, "just words\n");
        assertThatThrownBy(() -> ContractRegistry.load(file))
                .hasMessageContaining("line 1: expected NAME_ADDRESS_run=0x…");
    }

    @Test
    void missingFileAndUnknownNetworkAreNamed() {
        Path missing = dir.resolve("nope.env");
        assertThatThrownBy(() -> ContractRegistry.load(missing))
                .isInstanceOf(ContractRegistryException.class)
                .hasMessageContaining(missing + " does not exist");
        assertThatThrownBy(() -> ContractRegistry.packaged("devnet"))
                .hasMessageContaining("network 'devnet': expected mainnet or testnet");
    }
}
