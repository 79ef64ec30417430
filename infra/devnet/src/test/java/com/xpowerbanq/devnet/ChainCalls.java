package com.xpowerbanq.devnet;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;

/** Signed transactions from the dev accounts of a devnet, for tests. */
final class ChainCalls {

    private final Web3j web3j;
    private final Credentials deployer;

    ChainCalls(Devnet devnet) {
        this.web3j = devnet.web3j();
        this.deployer = devnet.deployer();
    }

    /** The deployer (which holds the keeper role) retwaps the pair on the oracle. */
    TransactionReceipt retwap(String oracle, String source, String target) throws IOException {
        return send(deployer, oracle, encode("retwap", new Address(source), new Address(target)));
    }

    @SuppressWarnings("rawtypes")
    static String encode(String name, Type... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
    }

    /** Sends and waits for the receipt (reverted ones too: see its status). */
    TransactionReceipt send(Credentials from, String to, String data) throws IOException {
        EthSendTransaction sent =
                new RawTransactionManager(web3j, from, Devnet.CHAIN_ID)
                        .sendEIP1559Transaction(
                                Devnet.CHAIN_ID,
                                BigInteger.valueOf(1_000_000_000L),
                                BigInteger.valueOf(50_000_000_000L),
                                BigInteger.valueOf(1_000_000),
                                to,
                                data,
                                BigInteger.ZERO);
        if (sent.hasError()) {
            throw new IllegalStateException("transaction refused: " + sent.getError().getMessage());
        }
        String hash = sent.getTransactionHash();
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt(),
                        Optional::isPresent)
                .orElseThrow();
    }
}
