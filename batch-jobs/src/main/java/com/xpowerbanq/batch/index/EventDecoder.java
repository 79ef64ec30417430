package com.xpowerbanq.batch.index;

import com.xpowerbanq.chain.rpc.ChainLog;
import com.xpowerbanq.schema.ContractRun;
import com.xpowerbanq.schema.row.LogJson;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;

/**
 * Turns the logs of one series' event into rows in the original JSON format, as the event looks in
 * one contract run ({@link ContractRun}): its topic filter and its data layout.
 */
abstract sealed class EventDecoder permits ReindexDecoder, RefreshDecoder {

    /** The eth_getLogs topic filter of the series, by position (null = any). */
    abstract List<@Nullable String> topics();

    abstract SeriesRow decode(long chainId, ChainLog log);

    static String topic(String signature) {
        return Hash.sha3String(signature);
    }

    /** A 20-byte address as a 32-byte topic. */
    static String addressTopic(String address) {
        String hex = address.substring(2).toLowerCase(Locale.ROOT);
        return "0x" + "0".repeat(64 - hex.length()) + hex;
    }

    static String checksum(String address) {
        return Keys.toChecksumAddress(address);
    }

    /**
     * The 32-byte words of a log's data; throws naming the log and the run when there are not
     * {@code n}.
     */
    static List<BigInteger> words(ChainLog log, int n, String what, ContractRun run) {
        String data = log.data();
        if (!data.startsWith("0x") || data.length() != 2 + 64 * n) {
            throw undecodable(
                    log,
                    what,
                    run,
                    "has " + (data.length() - 2) / 2 + " data bytes, expected " + 32 * n);
        }
        List<BigInteger> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            words.add(new BigInteger(data.substring(2 + 64 * i, 2 + 64 * (i + 1)), 16));
        }
        return words;
    }

    /** A log that is not the event {@code what} of contract run {@code run}, and why. */
    static MalformedEventException undecodable(
            ChainLog log, String what, ContractRun run, String why) {
        return new MalformedEventException(
                what
                        + " log at block "
                        + log.blockNumber()
                        + " index "
                        + log.logIndex()
                        + " (tx "
                        + log.transactionHash()
                        + ") does not decode under contract run "
                        + run.id()
                        + ": "
                        + why);
    }

    /** The nested {@code log} object as ethers serialised it. */
    static LogJson logJson(ChainLog log) {
        return new LogJson(
                checksum(log.address()),
                log.blockHash().toLowerCase(Locale.ROOT),
                log.blockNumber(),
                log.data().toLowerCase(Locale.ROOT),
                log.logIndex(),
                log.removed(),
                log.topics().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList(),
                log.transactionHash().toLowerCase(Locale.ROOT),
                log.transactionIndex());
    }
}
