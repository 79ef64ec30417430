package com.xpowerbanq.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExecutablesTest {

    @Test
    void aMissingToolFailsTheCheckAndSaysWhatInstallsIt() {
        assertThatThrownBy(() -> Executables.require("banq-no-such-tool", "banq-no-such-package"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("banq-no-such-tool is not installed")
                .hasMessageContaining("Debian package 'banq-no-such-package'")
                .hasMessageContaining("infra/setup-test-tools.sh");
    }

    @Test
    void aPresentToolGivesItsPath() {
        assertThat(Executables.require("sh", "dash")).endsWith("/sh");
    }
}
