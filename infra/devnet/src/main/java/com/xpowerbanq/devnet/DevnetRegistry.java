package com.xpowerbanq.devnet;

import com.xpowerbanq.schema.ContractRegistry;

/**
 * The devnet's contract registry, in the form of the packaged ones: its PROVIDER_URL and a {@code
 * NAME_ADDRESS_v10a} line per contract. ACMA and CAPS are not deployed and registered as the zero
 * address, meaning "not in this run".
 */
final class DevnetRegistry {

    static final String RUN = "v10a";
    static final String ZERO = "0x0000000000000000000000000000000000000000";

    static ContractRegistry of(String providerUrl, DeployedProtocol protocol) {
        ContractRegistry.Builder builder =
                ContractRegistry.builder()
                        .comment(
                                "Devnet: anvil on loopback with the emulated "
                                        + RUN
                                        + " protocol, chain id "
                                        + Devnet.CHAIN_ID)
                        .providerUrl(providerUrl)
                        .address("ACMA", RUN, ZERO)
                        .address("CAPS", RUN, ZERO);
        protocol.registry().forEach((name, address) -> builder.address(name, RUN, address));
        return builder.build();
    }

    private DevnetRegistry() {}
}
