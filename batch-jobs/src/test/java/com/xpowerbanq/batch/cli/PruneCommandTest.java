package com.xpowerbanq.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.schema.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PruneCommandTest {

    private static PruneCommand parsed(String... words) {
        var result = Cli.commandLine(new BanqBatchCommand(List.of())).parseArgs(words);
        return (PruneCommand) result.subcommand().commandSpec().userObject();
    }

    @Test
    void olderThanTakesDaysHoursMinutesOrSeconds() {
        assertThat(parsed("prune", "--older-than", "90d").olderThan).isEqualTo(Duration.ofDays(90));
        assertThat(parsed("prune", "--older-than=12h").olderThan).isEqualTo(Duration.ofHours(12));
        assertThat(parsed("prune", "--older-than", "30m", "--dry-run").dryRun).isTrue();
        assertThat(parsed("prune", "--older-than", "45s").olderThan)
                .isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void anAgeWithoutAUnitOrOfZeroIsAUsageError() {
        for (String age : List.of("90", "0d", "-1d", "P90D", "3w")) {
            assertThatThrownBy(() -> parsed("prune", "--older-than", age))
                    .as(age)
                    .hasMessageContaining("is not an age such as 90d, 12h, 30m or 45s");
        }
        assertThatThrownBy(() -> parsed("prune"))
                .hasMessageContaining("Missing required option: '--older-than=<age>'");
    }

    @Test
    void helpListsPrune() {
        String usage = Cli.commandLine(new BanqBatchCommand(List.of())).getUsageMessage();

        assertThat(usage).contains("prune", "delete job executions finished before a cutoff");
    }

    @Test
    void aDryRunOnAnEmptyRepositoryPrintsWhatItWouldDeleteAndExitsZero(@TempDir Path state) {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            // when
            code =
                    CommandLine.run(
                            new String[] {
                                "--state-dir=" + state, "prune", "--older-than", "90d", "--dry-run"
                            });
        } finally {
            System.setOut(stdout);
        }

        // then
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith(
                        "would delete 0 job instances, 0 job executions, 0 step executions"
                                + " finished before ");
        assertThat(CommandLine.run(new String[] {"prune", "--older-than", "soon"})).isEqualTo(64);
    }
}
