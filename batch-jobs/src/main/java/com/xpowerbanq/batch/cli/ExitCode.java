package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.chain.ChainUnavailableException;
import com.xpowerbanq.batch.chain.MalformedAnswerException;
import com.xpowerbanq.batch.index.MalformedEventException;
import java.util.List;

/**
 * The exit codes of banq-batch (sysexits): 0 ok, 64 usage, 65 bad data, 69 unavailable, 70
 * internal.
 */
enum ExitCode {
    OK(0),
    USAGE(64),
    DATA(65),
    UNAVAILABLE(69),
    INTERNAL(70);

    final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The code for a run that failed with these causes: the most telling one wins. */
    static ExitCode ofFailures(List<Throwable> failures) {
        ExitCode worst = INTERNAL;
        boolean data = false;
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof ChainUnavailableException) {
                    return UNAVAILABLE;
                }
                if (t instanceof MalformedAnswerException || t instanceof MalformedEventException) {
                    data = true;
                }
            }
        }
        return data ? DATA : worst;
    }
}
