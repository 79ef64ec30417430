package com.xpowerbanq.batch.cli;

import com.xpowerbanq.batch.index.MalformedEventException;
import com.xpowerbanq.chain.rpc.ChainUnavailableException;
import com.xpowerbanq.chain.rpc.MalformedAnswerException;
import com.xpowerbanq.schema.cli.ExitCode;
import java.util.List;

/**
 * The exit code of a run that did not complete: the most telling cause among its failures decides
 * (an unreachable chain before bad data, bad data before anything else, which is internal).
 */
final class RunExitCode {
    private RunExitCode() {}

    static ExitCode of(List<Throwable> failures) {
        boolean data = false;
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof ChainUnavailableException) {
                    return ExitCode.UNAVAILABLE;
                }
                if (t instanceof MalformedAnswerException || t instanceof MalformedEventException) {
                    data = true;
                }
            }
        }
        return data ? ExitCode.DATA : ExitCode.INTERNAL;
    }
}
