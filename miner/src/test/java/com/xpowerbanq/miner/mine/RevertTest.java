package com.xpowerbanq.miner.mine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Response;

class RevertTest {

    @Test
    void readsTheV10aCustomErrorsFromTheRevertData() {
        // selectors: keccak256 of the error signatures
        assertThat(Revert.of(error("execution reverted", "\"0xdff3b92a" + "ab".repeat(32) + "\"")))
                .isEqualTo(Revert.EXPIRED);
        assertThat(Revert.of(error("execution reverted", "0x604c0d11" + "cd".repeat(32))))
                .isEqualTo(Revert.DUPLICATE);
    }

    @Test
    void readsTheCustomErrorFromAnvilsMessageWhenDataIsMissing() {
        assertThat(Revert.of(error("execution reverted: custom error 0x604c0d11: 8f66…", null)))
                .isEqualTo(Revert.DUPLICATE);
    }

    @Test
    void readsTheStringReasonsOfOlderContracts() {
        // Error(string) with "duplicate nonce-hash"
        String data =
                "0x08c379a0"
                        + "0".repeat(62)
                        + "20"
                        + "0".repeat(62)
                        + "14"
                        + "6475706c6963617465206e6f6e63652d68617368"
                        + "0".repeat(24);
        assertThat(Revert.of(error("execution reverted", data))).isEqualTo(Revert.DUPLICATE);
        assertThat(Revert.of(error("execution reverted: expired block-hash", null)))
                .isEqualTo(Revert.EXPIRED);
    }

    @Test
    void anythingElseIsOther() {
        assertThat(Revert.of(error("insufficient funds for gas * price + value", null)))
                .isEqualTo(Revert.OTHER);
        assertThat(Revert.of(null)).isEqualTo(Revert.OTHER);
    }

    private static Response.Error error(String message, String data) {
        Response.Error error = new Response.Error(3, message);
        error.setData(data);
        return error;
    }
}
