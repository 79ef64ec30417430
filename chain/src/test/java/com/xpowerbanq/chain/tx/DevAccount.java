package com.xpowerbanq.chain.tx;

/** Anvil's well-known dev account 1: a public test value, no secret. */
final class DevAccount {
    static final String KEY = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    static final String ADDRESS = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    private DevAccount() {}
}
