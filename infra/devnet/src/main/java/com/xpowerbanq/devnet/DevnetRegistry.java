package com.xpowerbanq.devnet;

import com.xpowerbanq.schema.ContractRegistry;
import com.xpowerbanq.schema.ContractRun;

/**
 * The devnet's contract registry, in the form of the packaged ones: its PROVIDER_URL and a {@code
 * NAME_ADDRESS_<run>} line per contract, under the run the devnet emulates only. ACMA and CAPS are
 * not deployed and registered as the zero address, meaning "not in this run".
 */
final class DevnetRegistry {

    static final String ZERO = "0x0000000000000000000000000000000000000000";

    static ContractRegistry of(String providerUrl, DeployedProtocol protocol, ContractRun run) {
        String id = run.id();
        ContractRegistry.Builder builder =
                ContractRegistry.builder()
                        .comment(
                                "Devnet: anvil on loopback with the emulated "
                                        + id
                                        + " protocol, chain id "
                                        + Devnet.CHAIN_ID)
                        .providerUrl(providerUrl)
                        .address("ACMA", id, ZERO)
                        .address("CAPS", id, ZERO);
        protocol.registry().forEach((name, address) -> builder.address(name, id, address));
        return builder.build();
    }

    private DevnetRegistry() {}
}
