package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.transfer.LineExporter;
import com.xpowerbanq.schema.Series;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code export <series> [from=BLOCK] [to=BLOCK]}: the series database's events as the original's
 * JSON lines on stdout, what its {@code *.sync.sh} printed.
 */
@Command(
        name = "export",
        description =
                "write a series database's events as the original's JSON lines on stdout, in"
                        + " (block, log index) order; from=BLOCK to=BLOCK (both included) limit"
                        + " the blocks")
final class ExportCommand implements Callable<Integer> {
    static final String FROM = "from";
    static final String TO = "to";

    @ParentCommand BanqBatchCommand root;
    @Mixin TransferArguments arguments;

    /** The block range asked for, both ends included. */
    record Blocks(long from, long to) {}

    @Override
    public Integer call() {
        Series series = arguments.series();
        Blocks blocks = blocks();
        return arguments.onDatabase(
                root.properties(),
                series,
                file ->
                        LineExporter.export(
                                file,
                                blocks.from(),
                                blocks.to(),
                                new BufferedWriter(
                                        new OutputStreamWriter(
                                                System.out, StandardCharsets.UTF_8))));
    }

    Blocks blocks() {
        Map<String, String> given = arguments.keyValues(FROM, TO);
        long from = given.containsKey(FROM) ? arguments.number(FROM, given.get(FROM), 0) : 0;
        long to = given.containsKey(TO) ? arguments.number(TO, given.get(TO), 0) : Long.MAX_VALUE;
        if (from > to) {
            throw arguments.usage("from=" + from + " is after to=" + to);
        }
        return new Blocks(from, to);
    }
}
