package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.transfer.ImportSummary;
import com.xpowerbanq.batch.transfer.LineImporter;
import com.xpowerbanq.schema.Kind;
import com.xpowerbanq.schema.Series;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import <series> [batch=16]}: the original's JSON lines on stdin into the series database,
 * as its {@code banq-riw2db.sh} / {@code banq-rtw2db.sh} took them.
 */
@Command(
        name = "import",
        description =
                "read the original's JSON lines on stdin into a series database (by instance id"
                        + " or API name), batch=16 lines per transaction; events already there"
                        + " are skipped")
final class ImportCommand implements Callable<Integer> {
    static final String BATCH = "batch";

    @ParentCommand BanqBatchCommand root;
    @Mixin TransferArguments arguments;

    @Override
    public Integer call() {
        Series series = arguments.series();
        int batch = batch();
        return arguments.onDatabase(
                root.properties(),
                series,
                (file, run) -> {
                    var stdin =
                            new BufferedReader(
                                    new InputStreamReader(System.in, StandardCharsets.UTF_8));
                    report(
                            series,
                            file,
                            new LineImporter(file, series.kind(), run, batch).importLines(stdin));
                });
    }

    int batch() {
        String value =
                arguments
                        .keyValues(BATCH)
                        .getOrDefault(BATCH, String.valueOf(LineImporter.DEFAULT_BATCH));
        return (int) Math.min(Integer.MAX_VALUE, arguments.number(BATCH, value, 1));
    }

    private static void report(Series series, Path file, ImportSummary summary) {
        System.out.printf(
                "%s: read %d, inserted %d, already present %d (%s)%n",
                series, summary.read(), summary.inserted(), summary.present(), file);
        String job = series.kind() == Kind.RI ? JobNames.REINDEX_WATCH : JobNames.RETWAP_WATCH;
        // from the last block, not the next: a block the original wrote only in part is completed,
        // and its events already here are skipped by their identity
        summary.lastBlock()
                .ifPresent(
                        last ->
                                System.out.printf(
                                        "%s: last block %d; continue with: run %s series=%s"
                                                + " from=%d%n",
                                        series, last, job, series, last));
    }
}
