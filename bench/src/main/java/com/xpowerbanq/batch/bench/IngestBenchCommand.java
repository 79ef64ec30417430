package com.xpowerbanq.batch.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench ingest [rows=N] [filled=N] [runs=N] [days=N] [window=BLOCKS]
 * [--banq.name=value...]}: the {@link IngestBench}; {@code --name=value} arguments are banq-batch's
 * Spring properties.
 */
@Command(
        name = "ingest",
        mixinStandardHelpOptions = true,
        description = {
            "Chunk-16 SQLite writer rows/s on generated rows, on an empty database and on one",
            "that already holds filled=N rows, alternately runs=N times (median ratio),",
            "then a backfill of every series",
            "against a devnet it starts (or PROVIDER_URL with CONTRACTS_FILE when both are set):",
            "blocks/s and events/s."
        })
public final class IngestBenchCommand implements Callable<Integer> {

    @Spec private CommandSpec spec;

    @Parameters(
            paramLabel = "ARG",
            description = {
                "rows=N (200000 per series), filled=N (1000000 rows already in the database of",
                "the filled writer runs), runs=N (3 pairs of empty and filled runs),",
                "days=N (120 of devnet activity), window=BLOCKS (1000);",
                "--name=value: a banq-batch property, e.g. --banq.chain.attempts=1"
            })
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> options = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 2) {
                options.add(arg);
            } else if (!arg.startsWith("-") && eq > 0) {
                parameters.put(arg.substring(0, eq), arg.substring(eq + 1));
            } else {
                throw new ParameterException(
                        spec.commandLine(),
                        "'" + arg + "' is neither key=value (e.g. rows=200000) nor --name=value");
            }
        }
        return IngestBench.run(parameters, options.toArray(String[]::new));
    }
}
