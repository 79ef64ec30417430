package com.xpowerbanq.batch.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevnetCommandTest {

    @Test
    void aKeeperKeyInTheEnvironmentIsRefusedBeforeAnythingStarts() {
        // given: an operator's shell that names a real key
        for (String name : new String[] {"PRIVATE_KEY", "PRIVATE_KEY_FILE"}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            // when
            int code =
                    DevnetCommand.run(
                            new String[] {"--days", "1"},
                            Map.of(name, "/etc/banq/keeper.key"),
                            new PrintStream(new ByteArrayOutputStream()),
                            new PrintStream(err, true, StandardCharsets.UTF_8));

            // then: usage error naming the variable, and the value is not echoed
            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(code).isEqualTo(64);
            assertThat(message).contains(name + " is set").doesNotContain("/etc/banq");
        }
    }

    @Test
    void badFlagsAreTheDevnetsUsageErrors() {
        // given
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // when
        int code =
                DevnetCommand.run(
                        new String[] {"--days", "many"},
                        Map.of(),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        // then
        assertThat(code).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--days must be a whole number");
    }
}
