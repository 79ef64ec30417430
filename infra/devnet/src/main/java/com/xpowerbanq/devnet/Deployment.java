package com.xpowerbanq.devnet;

import com.xpowerbanq.chain.rpc.ChainException;
import com.xpowerbanq.chain.rpc.JsonRpcChainClient;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.Oracle;
import com.xpowerbanq.schema.Pool;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.RtSeries;
import com.xpowerbanq.schema.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;

/**
 * Deploys the emulated protocol from the deployer account in two blocks: the seeding driver, the
 * tokens and XPOW, the oracles with a feed per pair direction (enlisted), then the pools, each
 * creating its four positions; XPOW's first init() rides along.
 */
final class Deployment {

    private final JsonRpcChainClient chain;
    private final Transactor tx;
    private final String deployer;

    Deployment(JsonRpcChainClient chain, Transactor tx, String deployer) {
        this.chain = chain;
        this.tx = tx;
        this.deployer = deployer;
    }

    /**
     * Deploys the contracts of the run at the given timestamp (and the next second); returns the
     * addresses.
     */
    DeployedProtocol deploy(long timestamp, ContractRun run, Quotes quotes, Utilisation utils) {
        String driver = deploy("deploy driver", "Driver", 1_000_000);
        Map<String, String> registry = new LinkedHashMap<>();
        for (Token token : Token.values()) {
            registry.put(token.name(), deployToken(token));
        }
        for (Oracle oracle : Catalogue.oracles()) {
            registry.put(
                    oracle.id(),
                    deploy(
                            "deploy oracle " + oracle.id(),
                            run.packed() ? "PackedOracle" : "Oracle",
                            1_500_000,
                            new Utf8String("Devnet Oracle " + oracle.id()),
                            new Address(driver)));
        }
        Map<String, String> feeds = new LinkedHashMap<>();
        for (RtSeries series : Catalogue.rt()) {
            String source = registry.get(series.source().name());
            String target = registry.get(series.target().name());
            Quotes.Quote q = quotes.at(series.source(), series.target(), timestamp);
            String feed =
                    deploy(
                            "deploy feed " + series.instanceId(),
                            "Feed",
                            600_000,
                            new Address(driver),
                            new Address(source),
                            new Address(target),
                            new Uint256(q.bid()),
                            new Uint256(q.ask()));
            feeds.put(DeployedProtocol.pair(series.source(), series.target()), feed);
            tx.call(Calls.enlist(registry.get(series.oracle().id()), source, target, feed));
        }
        long at = tx.mineAt(timestamp);
        for (Pool pool : Catalogue.pools()) {
            String oracle = registry.get("T" + pool.id().substring(1));
            List<Address> tokens =
                    List.of(
                            new Address(registry.get(pool.first().name())),
                            new Address(registry.get(pool.second().name())));
            registry.put(
                    pool.id(),
                    deploy(
                            "deploy pool " + pool.id(),
                            "Pool",
                            7_000_000,
                            new DynamicArray<>(Address.class, tokens),
                            new Address(oracle),
                            new Address(driver),
                            new Uint256(utils.at(pool, pool.first(), timestamp)),
                            new Bool(run.packed())));
        }
        tx.call(Calls.init(registry.get(Token.XPOW.name())));
        tx.mineAt(at + 1);
        return new DeployedProtocol(registry, positions(registry), feeds, driver);
    }

    private String deployToken(Token token) {
        if (token == Token.XPOW) {
            return deploy("deploy XPOW", "XPower", 1_500_000);
        }
        return deploy(
                "deploy token " + token.name(),
                "Token",
                1_200_000,
                new Utf8String(Layout.name(token)),
                new Utf8String(token.symbol()),
                new Uint8(token.decimals()));
    }

    /** Reads each pool's positions back from the chain, as the system resolves them. */
    private Map<String, String> positions(Map<String, String> registry) {
        Map<String, String> positions = new LinkedHashMap<>();
        for (RiSeries series : Catalogue.ri()) {
            String function = series.mode().label().equals("supply") ? "supplyOf" : "borrowOf";
            positions.put(
                    series.instanceId(),
                    callAddress(
                            registry.get(series.pool().id()),
                            function,
                            new Address(registry.get(series.token().name()))));
        }
        return positions;
    }

    private String callAddress(String contract, String name, Type<?> arg) {
        Function function =
                new Function(name, List.of(arg), List.of(new TypeReference<Address>() {}));
        try {
            String result =
                    chain.request(
                                    name + "() on " + contract,
                                    w ->
                                            w.ethCall(
                                                    Transaction.createEthCallTransaction(
                                                            deployer,
                                                            contract,
                                                            FunctionEncoder.encode(function)),
                                                    DefaultBlockParameterName.LATEST))
                            .getValue();
            @SuppressWarnings("rawtypes")
            List<Type> decoded =
                    FunctionReturnDecoder.decode(result, function.getOutputParameters());
            if (decoded.isEmpty()) {
                throw new DevnetException(name + " on " + contract + " returned nothing");
            }
            return Keys.toChecksumAddress(decoded.get(0).getValue().toString());
        } catch (ChainException e) {
            throw new DevnetException(name + " on " + contract + " failed: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("rawtypes")
    /** Deploys an artifact with its constructor's arguments. */
    private String deploy(String what, String artifact, long gas, Type... args) {
        return tx.deploy(
                what,
                Artifact.load(artifact).bytecode()
                        + FunctionEncoder.encodeConstructor(List.of(args)),
                gas);
    }
}
