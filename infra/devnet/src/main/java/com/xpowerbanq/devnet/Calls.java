package com.xpowerbanq.devnet;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/** ABI-encoded calls to the devnet contracts, with gas limits above their use. */
final class Calls {

    static Activity.Call enlist(String oracle, String source, String target, String feed) {
        return new Activity.Call(
                oracle,
                encode(
                        "enlist",
                        new Address(source),
                        new Address(target),
                        new Address(feed),
                        new Uint256(BigInteger.valueOf(FEED_DURATION))),
                150_000,
                "enlist " + source + "->" + target);
    }

    static Activity.Call init(String xpow) {
        return new Activity.Call(xpow, encode("init"), 100_000, "XPOW init");
    }

    /** Through the driver, for each pair: the feed's quotes, then the oracle's retwap. */
    static Activity.Call driveRetwaps(
            String driver,
            List<String> feeds,
            List<BigInteger> bids,
            List<BigInteger> asks,
            List<String> oracles,
            List<String> sources,
            List<String> targets,
            String label) {
        return new Activity.Call(
                driver,
                encode(
                        "retwap",
                        addresses(feeds),
                        numbers(bids),
                        numbers(asks),
                        addresses(oracles),
                        addresses(sources),
                        addresses(targets)),
                300_000L + 250_000L * feeds.size(),
                label);
    }

    /** Through the driver, for each position: its utilisation, then reindex. */
    static Activity.Call driveReindexes(
            String driver, List<String> positions, List<BigInteger> utils, String label) {
        return new Activity.Call(
                driver,
                encode("reindex", addresses(positions), numbers(utils)),
                200_000L + 90_000L * positions.size(),
                label);
    }

    /** The deployer sets a feed's quotes (per whole source token). */
    static Activity.Call setQuotes(String feed, BigInteger bid, BigInteger ask, String label) {
        return new Activity.Call(
                feed, encode("setQuotes", new Uint256(bid), new Uint256(ask)), 100_000, label);
    }

    /** The deployer sets a position's utilisation. */
    static Activity.Call setUtil(String position, BigInteger util, String label) {
        return new Activity.Call(position, encode("setUtil", new Uint256(util)), 100_000, label);
    }

    private static DynamicArray<Address> addresses(List<String> values) {
        return new DynamicArray<>(Address.class, values.stream().map(Address::new).toList());
    }

    private static DynamicArray<Uint256> numbers(List<BigInteger> values) {
        return new DynamicArray<>(Uint256.class, values.stream().map(Uint256::new).toList());
    }

    /** Enlistment of a feed: a year, as the protocol's deployment does. */
    static final long FEED_DURATION = 365L * 86_400;

    @SuppressWarnings("rawtypes")
    static String encode(String name, Type... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
    }

    private Calls() {}
}
