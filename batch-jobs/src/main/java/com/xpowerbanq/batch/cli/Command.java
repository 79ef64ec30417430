package com.xpowerbanq.batch.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed command line: the command, its positional arguments and its key=value parameters. */
record Command(String name, List<String> arguments, Map<String, String> parameters) {

    static final String USAGE =
            """
            usage: banq-batch [--state-dir=DIR] <command>
              run <job> [key=value ...]   run a job; reindex-watch and retwap-watch take
                                          series=all|ID[,ID...] window=86400 from=-1|-N|BLOCK|deploy
                                          to=finalized|latest|BLOCK rescan=false;
                                          reindex and retwap (keeper transactions) take
                                          series=all|ID[,ID...] and broadcast=true (-Y; dry run
                                          without it), retwap also percent-min=3 percent-max=100
                                          amount=1000000000
              list                        jobs and series
              status                      recent executions per job, progress per series database
              restart <execution-id>      restart a failed or stopped execution
              serve                       run the schedules (banq.schedule.*, BANQ_SCHEDULE_*)
                                          until SIGTERM
              bench [rows=N]              ingest benchmark: chunk-16 writer rows/s, backfill blocks/s
              devnet [--days N] [--port P] [--state-dir DIR]
                                          local devnet whose activity the keeper jobs send
              help                        this text
            environment: PROVIDER_URL (comma-separated endpoints), CONTRACT_RUN (v10a),
              CONTRACTS_FILE (registry env file, else the packaged mainnet one), BANQ_STATE_DIR,
              BANQ_INDEX_WORKERS (parallel series, 4), BANQ_KEEPER_WORKERS (8), PRIVATE_KEY or
              PRIVATE_KEY_FILE (the keeper's key; never as an argument), MAX_FEE_PER_GAS,
              MAX_PRIORITY_FEE_PER_GAS, GAS_LIMIT (wei; automatic when unset)""";

    /** Parses the arguments after the global options; throws with a usage message. */
    static Command parse(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
        String name = args.get(0);
        List<String> rest = args.subList(1, args.size());
        return switch (name) {
            case "run" -> {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(
                            "run needs a job name, e.g. run reindex-watch");
                }
                yield new Command(
                        name, List.of(rest.get(0)), keyValues(rest.subList(1, rest.size())));
            }
            case "restart" -> {
                if (rest.size() != 1 || !rest.get(0).matches("[0-9]{1,18}")) {
                    throw new IllegalArgumentException(
                            "restart needs one execution id, e.g. restart 12");
                }
                yield new Command(name, rest, Map.of());
            }
            case "list", "status", "serve", "help" -> {
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException(name + " takes no arguments, got " + rest);
                }
                yield new Command(name, List.of(), Map.of());
            }
            case "bench" -> new Command(name, List.of(), keyValues(rest));
            default -> throw new IllegalArgumentException("unknown command '" + name + "'");
        };
    }

    static Map<String, String> keyValues(List<String> args) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("-Y")) {
                // the original CLI's short form for broadcasting keeper transactions
                arg = "broadcast=true";
            }
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(
                        "parameter '" + arg + "' is not key=value (e.g. series=all)");
            }
            String key = arg.substring(0, eq);
            if (parameters.put(key, arg.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("parameter '" + key + "' given twice");
            }
        }
        return parameters;
    }
}
