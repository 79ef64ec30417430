package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import java.nio.file.Path;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import org.web3j.crypto.Credentials;

/**
 * A seeded devnet with banq-batch's application context on it, the keeper's key in a file, as the
 * keeper test classes start them; closed together, the context first.
 */
public record DevnetContext(Devnet devnet, ConfigurableApplicationContext context)
        implements AutoCloseable {

    /**
     * A devnet with {@code days} of activity (its files in {@code state/devnet}) and a context with
     * its job repository in {@code state}, signing with the account {@code keeper} picks.
     */
    public static DevnetContext start(
            Path state, int days, Function<Devnet, Credentials> keeper, String... options)
            throws Exception {
        Devnet devnet =
                Devnet.start(
                        DevnetOptions.defaults()
                                .withDays(days)
                                .withStateDir(state.resolve("devnet")));
        try {
            String[] all = new String[options.length + 1];
            all[0] =
                    "--banq.keeper.private-key-file="
                            + KeeperDevnet.keyFile(state, keeper.apply(devnet));
            System.arraycopy(options, 0, all, 1, options.length);
            return new DevnetContext(
                    devnet,
                    BatchContexts.start(
                            BatchContexts.options(
                                    devnet.rpcUrl(), devnet.registryFile(), state, all)));
        } catch (Exception | Error e) {
            devnet.close();
            throw e;
        }
    }

    @Override
    public void close() {
        context.close();
        devnet.close();
    }
}
