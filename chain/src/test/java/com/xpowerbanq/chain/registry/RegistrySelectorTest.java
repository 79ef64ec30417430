package com.xpowerbanq.chain.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.cli.ExitCode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry follows the chain id the endpoints answer; no setting overrides it. */
class RegistrySelectorTest {
    private static final String A = "http://127.0.0.1:1";
    private static final String B = "http://127.0.0.1:2";

    @TempDir Path dir;

    private Path devnetRegistry(String run) {
        Path file = dir.resolve("contracts.env");
        ContractRegistry.builder()
                .providerUrl("http://127.0.0.1:8545")
                .address("XPOW", run, "0x" + "1".repeat(40))
                .build()
                .write(file);
        return file;
    }

    @Test
    void theChainIdOfTheEndpointsChoosesThePackagedRegistry() {
        ChainNetwork mainnet = RegistrySelector.select(null, "v10b", Map.of(A, 43114L));
        Map<String, Long> both = new LinkedHashMap<>();
        both.put(A, 43113L);
        both.put(B, 43113L);
        ChainNetwork testnet = RegistrySelector.select(" ", "v10c", both);

        assertThat(mainnet.source()).isEqualTo("packaged mainnet");
        assertThat(mainnet.registry().address("XPOW", "v10b"))
                .isEqualTo(ContractRegistry.packaged("mainnet").address("XPOW", "v10b"));
        assertThat(testnet.source()).isEqualTo("packaged testnet");
        assertThat(testnet.chainId()).isEqualTo(43113L);
        assertThat(testnet.endpoints()).containsExactly(A, B);
    }

    @Test
    void anyOtherChainReadsTheRegistryFile() {
        Path file = devnetRegistry("v10a");

        ChainNetwork devnet = RegistrySelector.select(file.toString(), "v10a", Map.of(A, 31337L));

        assertThat(devnet.source()).isEqualTo("CONTRACTS_FILE=" + file);
        assertThat(devnet.registry().address("XPOW", "v10a")).hasValue("0x" + "1".repeat(40));
    }

    @Test
    void endpointsThatDisagreeAreRefusedNamingBoth() {
        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put(A, 43114L);
        ids.put(B, 43113L);

        assertThatThrownBy(() -> RegistrySelector.select(null, "v10a", ids))
                .isInstanceOf(NetworkMismatchException.class)
                .hasMessage(
                        "the endpoints serve different chains: "
                                + A
                                + " answers chain id 43114, "
                                + B
                                + " answers chain id 43113; PROVIDER_URL must list endpoints of"
                                + " one chain");
    }

    @Test
    void aRegistryFileOnAPackagedChainIsRefusedNamingBoth() {
        Path file = devnetRegistry("v10a");

        assertThatThrownBy(
                        () -> RegistrySelector.select(file.toString(), "v10a", Map.of(A, 43113L)))
                .isInstanceOf(NetworkMismatchException.class)
                .hasMessageContaining("CONTRACTS_FILE=" + file)
                .hasMessageContaining("chain id 43113 (testnet)");
    }

    @Test
    void aRegistryWithoutTheRunIsRefusedNamingBoth() {
        Path file = devnetRegistry("v10a");

        assertThatThrownBy(
                        () -> RegistrySelector.select(file.toString(), "v10b", Map.of(A, 31337L)))
                .isInstanceOf(NetworkMismatchException.class)
                .hasMessage(
                        "CONTRACT_RUN=v10b is not in the registry CONTRACTS_FILE="
                                + file
                                + " of chain id 31337, which names runs v10a")
                .satisfies(
                        e ->
                                assertThat(((NetworkMismatchException) e).exitCode())
                                        .isEqualTo(ExitCode.USAGE));
    }

    @Test
    void anUnknownChainWithoutARegistryFileSaysWhatToSet() {
        assertThatThrownBy(() -> RegistrySelector.select(null, "v10a", Map.of(A, 31337L)))
                .isInstanceOf(NetworkMismatchException.class)
                .hasMessageContaining("chain id 31337")
                .hasMessageContaining("set CONTRACTS_FILE");
    }

    @Test
    void endpointsComeFromProviderUrlThenTheRegistryFileThenMainnet() {
        Path file = devnetRegistry("v10a");

        assertThat(RegistrySelector.endpoints(A + "," + B, file.toString())).containsExactly(A, B);
        assertThat(RegistrySelector.endpoints(null, file.toString()))
                .containsExactly("http://127.0.0.1:8545");
        assertThat(RegistrySelector.endpoints(" ", null))
                .isEqualTo(
                        com.xpowerbanq.chain.rpc.Endpoints.split(
                                ContractRegistry.packaged("mainnet").providerUrl()));
    }
}
