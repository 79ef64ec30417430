package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.chain.ChainProperties;
import com.xpowerbanq.batch.launch.BanqProperties;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.Series;
import com.xpowerbanq.schema.SeriesNameException;
import com.xpowerbanq.schema.cli.ExitCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Mixed into import and export: one series named by instance id, API name or state file name, then
 * key=value words.
 */
final class TransferArguments {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "<series>",
            description = "instance id or API name")
    String name;

    @Parameters(index = "1..*", paramLabel = "key=value", description = "see above")
    List<String> words = List.of();

    Series series() {
        if (name == null) {
            throw usage(
                    command.name() + " needs a series, e.g. APOW:supply:P000 or ri_apow_supply_0");
        }
        try {
            return Catalogue.fromName(name);
        } catch (SeriesNameException e) {
            throw usage(e.getMessage());
        }
    }

    /** The key=value words, refusing any key but {@code keys}. */
    Map<String, String> keyValues(String... keys) {
        Map<String, String> given = KeyValues.parse(command.commandLine(), words);
        for (String key : given.keySet()) {
            if (!List.of(keys).contains(key)) {
                throw usage(
                        command.name()
                                + " takes "
                                + String.join(", ", keys)
                                + "; unknown parameter '"
                                + key
                                + "'");
            }
        }
        return given;
    }

    /** The whole number at least {@code min} given as {@code key=value}. */
    long number(String key, String value, long min) {
        try {
            long number = Long.parseLong(value);
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw usage(key + "=" + value + " is not a whole number of at least " + min);
    }

    /**
     * Runs {@code work} on the series database's path in the state directory, in the application
     * context the command's options configure.
     */
    int onDatabase(List<String> properties, Series series, Consumer<Path> work) {
        return onDatabase(properties, series, (file, run) -> work.accept(file));
    }

    /** As above, with the configured contract run ({@code CONTRACT_RUN}) of the database. */
    int onDatabase(List<String> properties, Series series, BiConsumer<Path, ContractRun> work) {
        return CommandContext.run(
                properties,
                context -> {
                    work.accept(
                            context.getBean(BanqProperties.class)
                                    .stateDir()
                                    .resolve(series.stateFile()),
                            ContractRun.of(context.getBean(ChainProperties.class).run()));
                    return ExitCode.OK.code;
                });
    }

    ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
