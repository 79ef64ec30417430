package com.xpowerbanq.batch.cli;

import com.xpowerbanq.schema.cli.ExitCode;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code banq-batch}: the commands, and the Spring properties every command starts with. */
@Command(
        name = "banq-batch",
        description = "The index and keeper jobs of XPower Banq.",
        customSynopsis = "banq-batch [--state-dir=DIR] [--name=value ...] <command> [arguments]",
        subcommands = {
            RunCommand.class,
            ListCommand.class,
            StatusCommand.class,
            RestartCommand.class,
            PruneCommand.class,
            ServeCommand.class,
            SchedulesCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            BanqBatchCommand.Help.class
        },
        commandListHeading = "%nCommands:%n",
        footerHeading = "%n",
        footer = {
            "Options: --state-dir=DIR (or BANQ_STATE_DIR) where the job repository and the series"
                    + " databases are; any Spring property as --name=value.",
            "Environment: PROVIDER_URL (comma-separated endpoints), CONTRACT_RUN (v10a),"
                    + " CONTRACTS_FILE (registry env file, else the packaged mainnet one),"
                    + " BANQ_STATE_DIR, BANQ_INDEX_WORKERS (parallel series, 4),"
                    + " BANQ_KEEPER_WORKERS (8), PRIVATE_KEY or PRIVATE_KEY_FILE (the keeper's"
                    + " key; never as an argument), MAX_FEE_PER_GAS, MAX_PRIORITY_FEE_PER_GAS,"
                    + " GAS_LIMIT (wei; automatic when unset)."
        })
final class BanqBatchCommand implements Callable<Integer> {
    private final List<String> properties;

    @Spec CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            scope = ScopeType.INHERIT,
            description = "this text")
    boolean help;

    @Parameters(hidden = true)
    List<String> unknown = List.of();

    BanqBatchCommand(List<String> properties) {
        this.properties = properties;
    }

    /** The Spring properties of the command line, for the context a command starts. */
    List<String> properties() {
        return properties;
    }

    @Override
    public Integer call() {
        throw new ParameterException(
                spec.commandLine(),
                unknown.isEmpty()
                        ? "no command given"
                        : "unknown command '" + unknown.getFirst() + "'");
    }

    /** {@code help}: the usage text, as {@code --help} prints it. */
    @Command(name = "help", description = "this text")
    static final class Help implements Callable<Integer> {
        @ParentCommand BanqBatchCommand root;
        @Mixin NoArguments none;

        @Override
        public Integer call() {
            none.check();
            root.spec.commandLine().usage(System.out);
            return ExitCode.OK.code;
        }
    }
}
