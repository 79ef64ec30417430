package com.xpowerbanq.chain.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The nonces of every account this process signs for, one book per (chain id, address), shared by
 * all job executions: two keeper jobs running at once from one key ({@code serve} firing {@code
 * reindex} while {@code retwap} runs) take consecutive nonces from the same count instead of each
 * its own. An account's nonces are handed out, and its transactions submitted, under the account's
 * lock, so a refused submission leaves no gap; the count is read from the chain's pending
 * transaction count when first needed and again after a nonce error or a lost transaction.
 */
public final class NonceBook {
    private final ConcurrentMap<Key, Account> accounts = new ConcurrentHashMap<>();

    private record Key(long chainId, String address) {}

    /** The book of {@code address} on chain {@code chainId}, the same object for every caller. */
    public Account account(long chainId, String address) {
        return accounts.computeIfAbsent(
                new Key(chainId, address.toLowerCase(Locale.ROOT)), key -> new Account());
    }

    /** Reads an account's pending transaction count from the chain. */
    @FunctionalInterface
    public interface PendingCount {
        BigInteger read();
    }

    /** Work done holding an account. */
    @FunctionalInterface
    public interface Exclusive<T> {
        T run();
    }

    /** One account's nonce count and the lock its submissions are made under. */
    public static final class Account {
        private final ReentrantLock lock = new ReentrantLock();
        private final Set<BigInteger> inFlight = ConcurrentHashMap.newKeySet();
        private @Nullable BigInteger next;

        private Account() {}

        /** Runs {@code work} holding the account: no other submission from it meanwhile. */
        public <T> T exclusively(Exclusive<T> work) {
            lock.lock();
            try {
                return work.run();
            } finally {
                lock.unlock();
            }
        }

        /**
         * The nonce the next transaction takes: the count kept here, or the chain's pending count
         * when none is kept (first use, or after {@link #resync}), but never one a transaction
         * awaited here holds. Call it holding the account.
         */
        public BigInteger next(PendingCount chain) {
            requireHeld();
            BigInteger known = next;
            if (known == null) {
                // a transaction the node lost is not in its count, but is still ours, awaited here
                known =
                        inFlight.stream()
                                .map(nonce -> nonce.add(BigInteger.ONE))
                                .reduce(chain.read(), BigInteger::max);
                next = known;
            }
            return known;
        }

        /** The provider took a transaction with {@code nonce}: the next one takes the following. */
        public void used(BigInteger nonce) {
            requireHeld();
            next = nonce.add(BigInteger.ONE);
            inFlight.add(nonce);
        }

        /**
         * A transaction an earlier process sent with {@code nonce} is awaited here again: no new
         * transaction takes its nonce (the node may have lost it, so its count may not show it).
         * Call it holding the account.
         */
        public void adopt(BigInteger nonce) {
            requireHeld();
            inFlight.add(nonce);
            if (next != null && next.compareTo(nonce) <= 0) {
                next = nonce.add(BigInteger.ONE);
            }
        }

        /** The transaction of {@code nonce} has its outcome: nobody here awaits it any more. */
        public void settled(BigInteger nonce) {
            inFlight.remove(nonce);
        }

        /**
         * The nonces from {@code mined} (the chain's count of mined transactions) up to {@code
         * below} that no sender of this process awaits: left by a transaction lost or given up on
         * earlier, they block every later transaction until something fills them.
         */
        public List<BigInteger> orphansBetween(BigInteger mined, BigInteger below) {
            return java.util.stream.Stream.iterate(
                            mined, n -> n.compareTo(below) < 0, n -> n.add(BigInteger.ONE))
                    .filter(n -> !inFlight.contains(n))
                    .toList();
        }

        /**
         * Forgets the count, so the next transaction reads it from the chain: after a nonce error
         * (the account sent elsewhere), a refused submission, or a transaction dropped or replaced
         * (which leaves a gap or a used nonce behind).
         */
        public void resync() {
            lock.lock();
            try {
                next = null;
            } finally {
                lock.unlock();
            }
        }

        private void requireHeld() {
            if (!lock.isHeldByCurrentThread()) {
                throw new IllegalStateException("nonces are taken holding the account");
            }
        }
    }
}
