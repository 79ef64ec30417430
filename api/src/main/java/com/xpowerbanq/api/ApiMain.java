package com.xpowerbanq.api;

import com.xpowerbanq.schema.cli.ExitCode;

/** banq-api: serves the series databases of a directory over HTTP. */
public final class ApiMain {
    private ApiMain() {}

    public static void main(String[] args) {
        int code = new ApiCommandLine(new ApiCommand()).execute(args);
        if (code != ExitCode.OK.code) {
            System.exit(code);
        }
        // OK: help was printed, or the server runs on its own threads until the JVM stops
    }
}
