package com.xpowerbanq.batch.devnet;

import com.xpowerbanq.chain.tx.Signer;
import com.xpowerbanq.devnet.DevnetOptions;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.cli.Cli;
import com.xpowerbanq.schema.cli.ExitCode;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code ./banq devnet [--run v10a|v10b|v10c] [--days N] [--port P] [--state-dir DIR]}: the local
 * devnet of one contract run whose simulated reindexes and retwaps are sent by banq-batch's keeper
 * jobs, with the devnet's keeper key, served in the foreground until Ctrl-C or SIGTERM.
 */
@Command(
        name = "banq devnet",
        mixinStandardHelpOptions = true,
        version = "banq devnet 1.0",
        description = {
            "Local chain with the emulated protocol and N days of activity sent by the keeper jobs.",
            "Prints PROVIDER_URL=, CONTRACTS_FILE=, PRIVATE_KEY_FILE= and CONTRACT_RUN= on stdout"
                    + " once ready."
        })
public final class DevnetCommand implements Callable<Integer> {
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    @Spec private CommandSpec spec;

    private int days = DevnetOptions.DEFAULT_DAYS;
    private int port;
    private ContractRun run = ContractRun.V10A;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            description = "where contracts.env, keeper.key and anvil.log go (default var/devnet)")
    private Path stateDir = Path.of("var", "devnet");

    DevnetCommand(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Parses and runs the command with this environment and these streams; the exit code. */
    static int run(
            String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        CommandLine line = Cli.commandLine(new DevnetCommand(environment, out, err));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Option(
            names = "--days",
            paramLabel = "N",
            description = "days of activity to simulate before serving (default 30)")
    void days(String text) {
        days = number("--days", text, 0, 3650);
    }

    @Option(
            names = "--port",
            paramLabel = "P",
            description = "loopback port for JSON-RPC (default: a free one)")
    void port(String text) {
        port = number("--port", text, 1, 65535);
    }

    @Option(
            names = "--run",
            paramLabel = "RUN",
            description =
                    "contract run to emulate: v10a (default), v10b or v10c; the registry names its"
                            + " contracts under it")
    void run(String text) {
        try {
            run = ContractRun.of(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--run: " + e.getMessage());
        }
    }

    int days() {
        return days;
    }

    ContractRun contractRun() {
        return run;
    }

    int port() {
        return port;
    }

    Path stateDir() {
        return stateDir.toAbsolutePath();
    }

    @Override
    public Integer call() {
        for (String name : new String[] {Signer.PRIVATE_KEY, Signer.PRIVATE_KEY_FILE}) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                // the keeper jobs would prefer it over the devnet's key: never sign with a real
                // key on the devnet, and never leave the choice implicit
                err.println(
                        "banq devnet: "
                                + name
                                + " is set; the devnet's keeper jobs sign with the devnet's own"
                                + " key (keeper.key): unset it for this command (env -u "
                                + name
                                + " ./banq devnet ...)");
                return ExitCode.USAGE.code;
            }
        }
        DevnetOptions options =
                DevnetOptions.defaults()
                        .withDays(days)
                        .withPort(port)
                        .withStateDir(stateDir())
                        .withRun(run)
                        .withKeeper(
                                devnet ->
                                        KeeperJobsKeeper.open(
                                                devnet, KeeperJobsKeeper.jobsDir(devnet)));
        return new ForegroundDevnet(out, err).serve(options).code;
    }

    private int number(String flag, String text, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ParameterException(
                    spec.commandLine(), flag + " must be a whole number, got '" + text + "'");
        }
        if (n < min || n > max) {
            throw new ParameterException(
                    spec.commandLine(), flag + " must be in " + min + ".." + max + ", got " + text);
        }
        return n;
    }
}
