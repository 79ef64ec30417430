package com.xpowerbanq.miner;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.schema.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** banq-miner takes no arguments but --help and --version; anything else is a usage error. */
class MinerMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Only help and usage errors: none of these reaches the mining. */
    private int run(String... args) {
        CommandLine line = Cli.commandLine(new MinerMain());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void helpNamesTheEnvironmentThatConfiguresIt() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString())
                .contains("Usage: banq-miner")
                .contains("PROVIDER_URL")
                .contains("MINT_ADDRESS_PK")
                .contains("MINE_WORKERS");
    }

    @Test
    void helpIsAlsoACommand() {
        assertThat(run("help")).isZero();
        assertThat(out.toString()).contains("Usage: banq-miner");
    }

    @Test
    void theBenchIsNoLongerAMinerCommand() {
        assertThat(run("bench")).isEqualTo(64);
        assertThat(err.toString()).startsWith("banq-miner: ").contains("'bench'");
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        assertThat(run("--threads", "4")).isEqualTo(64);
        assertThat(err.toString()).contains("Unknown options: '--threads', '4'");
    }
}
