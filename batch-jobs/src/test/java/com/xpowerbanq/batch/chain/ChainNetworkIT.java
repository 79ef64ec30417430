package com.xpowerbanq.batch.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.batch.cli.Console;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import com.xpowerbanq.schema.ContractRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;

/**
 * The chain decides the network: a job pointed at a chain whose id does not match the registry it
 * would use, or at endpoints of two chains, stops before it reads or writes anything. Two bare
 * devnets (anvil on loopback, no activity); anvil_setChainId gives each the chain id a test needs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChainNetworkIT {
    @TempDir static Path work;

    private Devnet first;
    private Devnet second;

    @BeforeAll
    void startTwoChains() throws IOException {
        first = Devnet.start(DevnetOptions.defaults().withDays(0).withStateDir(dir("first")));
        second = Devnet.start(DevnetOptions.defaults().withDays(0).withStateDir(dir("second")));
    }

    @AfterAll
    void stop() {
        for (Devnet devnet : new Devnet[] {first, second}) {
            if (devnet != null) {
                devnet.close();
            }
        }
    }

    @Test
    void aChainWhoseIdHasAnotherRegistryStopsTheJobBeforeItWritesAnything() throws Exception {
        // given: a chain answering testnet's id, and the mainnet registry as CONTRACTS_FILE
        setChainId(first, 43113);
        Path mainnet = work.resolve("contracts.mainnet.env");
        ContractRegistry.packaged("mainnet").write(mainnet);
        Path state = dir("state-testnet");

        // when
        Console run =
                Console.run(
                        "",
                        "--state-dir=" + state,
                        "--banq.chain.provider-url=" + first.rpcUrl(),
                        "--banq.chain.contracts-file=" + mainnet,
                        "run",
                        "reindex-watch",
                        "series=all");

        // then
        assertThat(run.code()).as(run.err()).isEqualTo(64);
        assertThat(run.err())
                .contains("CONTRACTS_FILE=" + mainnet)
                .contains("the endpoints answer chain id 43113 (testnet)");
        assertNothingWritten(state);
    }

    @Test
    void endpointsOfTwoChainsStopTheJobNamingBoth() throws Exception {
        // given: one endpoint on mainnet's id, the other on the devnet's
        setChainId(first, 43114);
        setChainId(second, Devnet.CHAIN_ID);
        Path state = dir("state-split");

        // when
        Console run =
                Console.run(
                        "",
                        "--state-dir=" + state,
                        "--banq.chain.provider-url=" + first.rpcUrl() + "," + second.rpcUrl(),
                        "--banq.chain.contracts-file=" + second.registryFile(),
                        "run",
                        "retwap-watch",
                        "series=all");

        // then
        assertThat(run.code()).as(run.err()).isEqualTo(64);
        assertThat(run.err())
                .contains(first.rpcUrl() + " answers chain id 43114")
                .contains(second.rpcUrl() + " answers chain id " + Devnet.CHAIN_ID);
        assertNothingWritten(state);
    }

    @Test
    void aRegistryWithoutTheConfiguredRunStopsTheJobNamingBoth() throws Exception {
        // given: the devnet's registry names v10a only
        setChainId(second, Devnet.CHAIN_ID);
        Path registry = work.resolve("contracts.v10a-only.env");
        ContractRegistry.Builder only = ContractRegistry.builder().providerUrl(second.rpcUrl());
        only.address("XPOW", "v10a", second.registry().address("XPOW", "v10a").orElseThrow());
        only.build().write(registry);
        Path state = dir("state-run");

        // when
        Console run =
                Console.run(
                        "",
                        "--state-dir=" + state,
                        "--banq.chain.contract-run=v10c",
                        "--banq.chain.contracts-file=" + registry,
                        "run",
                        "reindex",
                        "series=all");

        // then: the registry file's own endpoint was asked, and the run is named with it
        assertThat(run.code()).as(run.err()).isEqualTo(64);
        assertThat(run.err())
                .contains("CONTRACT_RUN=v10c is not in the registry CONTRACTS_FILE=" + registry)
                .contains("which names runs v10a");
        assertNothingWritten(state);
    }

    @Test
    void theDevnetsOwnChainAndRegistryRunTheJob() throws IOException {
        // given: the second chain as deployed, with its registry
        setChainId(second, Devnet.CHAIN_ID);
        Path state = dir("state-devnet");

        // when
        Console run =
                Console.run(
                        "",
                        "--state-dir=" + state,
                        "--banq.chain.provider-url=" + second.rpcUrl(),
                        "--banq.chain.contracts-file=" + second.registryFile(),
                        "run",
                        "reindex-watch",
                        "series=APOW:supply:P000",
                        "from=deploy",
                        "to=latest");

        // then
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(state.resolve("ri-APOW:supply:P000.db")).exists();
    }

    private static void setChainId(Devnet devnet, long chainId) throws IOException {
        new Request<>(
                        "anvil_setChainId",
                        List.of(chainId),
                        new org.web3j.protocol.http.HttpService(devnet.rpcUrl()),
                        VoidResponse.class)
                .send();
    }

    /** No series database, and no job execution in the job repository (if one was opened). */
    private static void assertNothingWritten(Path state) throws IOException, SQLException {
        try (Stream<Path> files = Files.list(state)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.startsWith("ri-") || name.startsWith("rt-"));
        }
        Path repository = state.resolve("banq-batch.db");
        if (Files.exists(repository)) {
            try (var db = DriverManager.getConnection("jdbc:sqlite:" + repository);
                    var rows =
                            db.createStatement()
                                    .executeQuery("SELECT count(*) FROM BATCH_JOB_EXECUTION")) {
                rows.next();
                assertThat(rows.getInt(1)).as("job executions").isZero();
            }
        }
    }

    private static Path dir(String name) throws IOException {
        return Files.createDirectories(work.resolve(name));
    }
}
