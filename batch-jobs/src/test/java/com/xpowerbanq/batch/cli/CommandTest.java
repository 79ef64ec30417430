package com.xpowerbanq.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.batch.chain.ChainUnavailableException;
import com.xpowerbanq.batch.chain.MalformedAnswerException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void runTakesAJobAndKeyValueParameters() {
        Command command =
                Command.parse(List.of("run", "reindex-watch", "series=all", "from=deploy"));

        assertThat(command.arguments()).containsExactly("reindex-watch");
        assertThat(command.parameters()).isEqualTo(Map.of("series", "all", "from", "deploy"));
    }

    @Test
    void dashYIsTheShortFormOfBroadcastAndServeTakesNoArguments() {
        Command command = Command.parse(List.of("run", "reindex", "series=all", "-Y"));

        assertThat(command.parameters()).isEqualTo(Map.of("series", "all", "broadcast", "true"));
        assertThat(Command.parse(List.of("serve")).name()).isEqualTo("serve");
        assertThatThrownBy(() -> Command.parse(List.of("serve", "now")))
                .hasMessageContaining("serve takes no arguments");
        assertThatThrownBy(() -> Command.parse(List.of("run", "retwap", "-Y", "broadcast=true")))
                .hasMessageContaining("given twice");
    }

    @Test
    void badCommandLinesSayWhatToFix() {
        assertThatThrownBy(() -> Command.parse(List.of("run")))
                .hasMessageContaining("needs a job name");
        assertThatThrownBy(() -> Command.parse(List.of("run", "reindex-watch", "series")))
                .hasMessageContaining("'series' is not key=value");
        assertThatThrownBy(() -> Command.parse(List.of("run", "x", "a=1", "a=2")))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> Command.parse(List.of("restart", "abc")))
                .hasMessageContaining("one execution id");
        assertThatThrownBy(() -> Command.parse(List.of("frobnicate")))
                .hasMessageContaining("unknown command 'frobnicate'");
    }

    @Test
    void exitCodesFollowTheCauseOfAFailedRun() {
        var unavailable = new ChainUnavailableException("http://x", "eth_chainId", "down", null);
        var malformed = new MalformedAnswerException("http://x", "eth_getLogs", "bad", null);

        assertThat(ExitCode.ofFailures(List.of(new RuntimeException("wrapped", unavailable))))
                .isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(ExitCode.ofFailures(List.of(malformed))).isEqualTo(ExitCode.DATA);
        assertThat(ExitCode.ofFailures(List.of(new IllegalStateException("bug"))))
                .isEqualTo(ExitCode.INTERNAL);
    }

    @Test
    void usageErrorsExitWith64BeforeAnythingStarts() {
        assertThat(CommandLine.run(new String[] {"run"})).isEqualTo(64);
        assertThat(CommandLine.run(new String[] {"help"})).isZero();
    }
}
