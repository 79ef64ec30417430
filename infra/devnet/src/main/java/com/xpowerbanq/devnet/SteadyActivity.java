package com.xpowerbanq.devnet;

import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.RtSeries;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The default activity, at a keeper's cadence: every {@value #RETWAP_EVERY} s (on the hour) each
 * feed gets new quotes and each oracle pair is retwapped; every {@value #REINDEX_EVERY} s (at half
 * past) each position gets its utilisation and is reindexed. Each step is one transaction to the
 * devnet's Driver, which makes the calls; the events come from the oracles and positions. Prices
 * and utilisations are pure functions of time, so consecutive ranges continue smoothly.
 *
 * <p>{@link #marketOnly()} moves the same market (the feeds' quotes, the positions' utilisations,
 * set by the deployer) and leaves the reindexes and retwaps to the devnet's {@link Keeper}.
 */
public final class SteadyActivity implements Activity {

    /** Seconds between retwaps of one pair: 12 a day, above the oracles' one-hour limit. */
    public static final long RETWAP_EVERY = 2 * 3600;

    /** Seconds between reindexes of one position: 4 a day. */
    public static final long REINDEX_EVERY = 6 * 3600;

    /** Reindexes happen at half past the hour (00:30, 06:30, 12:30, 18:30 UTC). */
    public static final long REINDEX_OFFSET = 1800;

    private static final long SLOT = 1800;

    private final Quotes quotes = new Quotes();
    private final Utilisation utils = new Utilisation();
    private final boolean keptByDriver;

    /** Market and keeping in one Driver transaction per step. */
    public SteadyActivity() {
        this(true);
    }

    private SteadyActivity(boolean keptByDriver) {
        this.keptByDriver = keptByDriver;
    }

    /** The market moves only; each step leaves its reindexes or retwaps to the {@link Keeper}. */
    public static SteadyActivity marketOnly() {
        return new SteadyActivity(false);
    }

    @Override
    public List<Step> plan(DeployedProtocol protocol, long fromExclusive, long toInclusive) {
        List<Step> steps = new ArrayList<>();
        for (long t = (fromExclusive / SLOT + 1) * SLOT; t <= toInclusive; t += SLOT) {
            List<Call> calls = new ArrayList<>();
            List<Keeper.Duty> duties = new ArrayList<>();
            if (t % RETWAP_EVERY == 0) {
                if (keptByDriver) {
                    calls.add(retwaps(protocol, t));
                } else {
                    calls.addAll(quotes(protocol, t));
                    duties.add(Keeper.Duty.RETWAP);
                }
            }
            if (t % REINDEX_EVERY == REINDEX_OFFSET) {
                if (keptByDriver) {
                    calls.add(reindexes(protocol, t));
                } else {
                    calls.addAll(utilisations(protocol, t));
                    duties.add(Keeper.Duty.REINDEX);
                }
            }
            if (!calls.isEmpty()) {
                steps.add(new Step(t, calls, duties));
            }
        }
        return steps;
    }

    /** All 14 pair directions: the feed's quotes at t, then retwap. */
    Call retwaps(DeployedProtocol protocol, long t) {
        List<String> feeds = new ArrayList<>();
        List<BigInteger> bids = new ArrayList<>();
        List<BigInteger> asks = new ArrayList<>();
        List<String> oracles = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (RtSeries series : Catalogue.rt()) {
            String source = series.source().name();
            String target = series.target().name();
            Quotes.Quote q = quotes.at(series.source(), series.target(), t);
            feeds.add(protocol.feed(source, target));
            bids.add(q.bid());
            asks.add(q.ask());
            oracles.add(protocol.address(series.oracle().id()));
            sources.add(protocol.address(source));
            targets.add(protocol.address(target));
        }
        return Calls.driveRetwaps(
                protocol.driver(),
                feeds,
                bids,
                asks,
                oracles,
                sources,
                targets,
                "retwap all at " + t);
    }

    /** All 28 positions: the utilisation of the token in its pool at t, then reindex. */
    Call reindexes(DeployedProtocol protocol, long t) {
        List<String> positions = new ArrayList<>();
        List<BigInteger> values = new ArrayList<>();
        for (RiSeries series : Catalogue.ri()) {
            positions.add(protocol.position(series.instanceId()));
            values.add(utils.at(series.pool(), series.token(), t));
        }
        return Calls.driveReindexes(protocol.driver(), positions, values, "reindex all at " + t);
    }

    /** Each of the 14 feeds gets its quotes at t. */
    List<Call> quotes(DeployedProtocol protocol, long t) {
        List<Call> calls = new ArrayList<>();
        for (RtSeries series : Catalogue.rt()) {
            Quotes.Quote q = quotes.at(series.source(), series.target(), t);
            String feed = protocol.feed(series.source().name(), series.target().name());
            calls.add(Calls.setQuotes(feed, q.bid(), q.ask(), "quotes " + series.instanceId()));
        }
        return calls;
    }

    /** Each of the 28 positions gets the utilisation of its token in its pool at t. */
    List<Call> utilisations(DeployedProtocol protocol, long t) {
        List<Call> calls = new ArrayList<>();
        for (RiSeries series : Catalogue.ri()) {
            calls.add(
                    Calls.setUtil(
                            protocol.position(series.instanceId()),
                            utils.at(series.pool(), series.token(), t),
                            "utilisation " + series.instanceId()));
        }
        return calls;
    }
}
