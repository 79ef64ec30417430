package com.xpowerbanq.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;

class RevertReasonTest {
    private static final String CALLER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    @Test
    void decodesTheAccessManagersUnauthorizedError() {
        String data =
                FunctionEncoder.encode(
                        new Function(
                                "AccessManagedUnauthorized",
                                List.of(new Address(CALLER)),
                                List.of()));
        assertThat(RevertReason.describe(data, "execution reverted"))
                .isEqualTo("AccessManagedUnauthorized(" + CALLER + ")");
    }

    @Test
    void decodesARevertString() {
        String data =
                FunctionEncoder.encode(
                        new Function("Error", List.of(new Utf8String("paused")), List.of()));
        assertThat(RevertReason.describe(data, null)).isEqualTo("paused");
    }

    @Test
    void readsTheErrorFromAnvilsMessageWhenTheDataIsMissing() {
        String message =
                "execution reverted: custom error 0x068ca9d8: 00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8";
        assertThat(RevertReason.describe(null, message))
                .isEqualTo("AccessManagedUnauthorized(" + CALLER + ")");
        assertThat(RevertReason.describe("\"0xdeadbeef\"", null))
                .isEqualTo("custom error 0xdeadbeef");
    }

    @Test
    void namesAnUnknownErrorByItsSelector() {
        assertThat(RevertReason.describe("0xdeadbeef", null)).isEqualTo("custom error 0xdeadbeef");
    }

    @Test
    void fallsBackToTheProvidersMessage() {
        assertThat(RevertReason.describe(null, "out of gas")).isEqualTo("out of gas");
        assertThat(RevertReason.describe(null, null)).isEqualTo("execution reverted");
    }
}
