package com.xpowerbanq.batch.devnet;

import com.xpowerbanq.batch.keeper.Signer;
import com.xpowerbanq.devnet.DevnetMain;
import java.io.PrintStream;
import java.util.Map;

/**
 * {@code banq-batch devnet [--days N] [--port P] [--state-dir DIR]} ({@code ./banq devnet}): the
 * local devnet whose simulated reindexes and retwaps are sent by the keeper jobs themselves, with
 * the devnet's keeper key. Flags and output are those of the devnet harness.
 */
public final class DevnetCommand {
    private DevnetCommand() {}

    public static int run(String[] args, Map<String, String> environment) {
        return run(args, environment, System.out, System.err);
    }

    static int run(
            String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        for (String name : new String[] {Signer.PRIVATE_KEY, Signer.PRIVATE_KEY_FILE}) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                // the keeper jobs would prefer it over the devnet's key: never sign with a real
                // key on the devnet, and never leave the choice implicit
                err.println(
                        "banq devnet: "
                                + name
                                + " is set; the devnet's keeper jobs sign with the devnet's own"
                                + " key (keeper.key): unset it for this command (env -u "
                                + name
                                + " ./banq devnet ...)");
                return 64;
            }
        }
        return DevnetMain.run(
                args,
                out,
                err,
                devnet -> KeeperJobsKeeper.open(devnet, KeeperJobsKeeper.jobsDir(devnet)));
    }
}
