package com.xpowerbanq.batch.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** banq-batch run in-process as a shell would: text on stdin; exit code, stdout and stderr. */
public record Console(int code, String out, String err) {

    public static Console run(String stdin, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        InputStream in = System.in;
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = CommandLine.run(args);
            return new Console(
                    code,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
