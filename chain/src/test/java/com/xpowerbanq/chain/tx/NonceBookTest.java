package com.xpowerbanq.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NonceBookTest {
    private static final String ADDRESS = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    @Test
    void oneAccountPerChainAndAddressWhateverItsCase() {
        NonceBook book = new NonceBook();

        assertThat(book.account(31337, ADDRESS))
                .isSameAs(book.account(31337, ADDRESS.toLowerCase()));
        assertThat(book.account(43114, ADDRESS)).isNotSameAs(book.account(31337, ADDRESS));
    }

    @Test
    void handsOutConsecutiveNoncesAndReadsTheChainOnlyWhenItHasNoCount() throws Exception {
        // given: a chain whose pending count is 7, then 12 (the account sent elsewhere)
        NonceBook.Account account = new NonceBook().account(1, ADDRESS);
        AtomicInteger reads = new AtomicInteger();
        NonceBook.PendingCount chain =
                () -> BigInteger.valueOf(reads.incrementAndGet() == 1 ? 7 : 12);

        // when / then
        BigInteger first = account.exclusively(() -> account.next(chain));
        account.exclusively(
                () -> {
                    account.used(first);
                    return null;
                });
        BigInteger second = account.exclusively(() -> account.next(chain));
        account.resync();
        BigInteger afterResync = account.exclusively(() -> account.next(chain));

        assertThat(first).isEqualTo(7);
        assertThat(second).isEqualTo(8);
        assertThat(afterResync).isEqualTo(12);
        assertThat(reads).hasValue(2);
    }

    @Test
    void noncesAreTakenOnlyHoldingTheAccount() {
        NonceBook.Account account = new NonceBook().account(1, ADDRESS);

        assertThatThrownBy(() -> account.next(() -> BigInteger.ONE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void orphansAreTheNoncesBelowThatNoSenderHereAwaits() {
        // given: nonces 5, 6, 7 handed out; 6 settled (its sender gave up on it)
        NonceBook.Account account = new NonceBook().account(1, ADDRESS);
        account.exclusively(
                () -> {
                    account.next(() -> BigInteger.valueOf(5));
                    for (int n = 5; n <= 7; n++) {
                        account.used(BigInteger.valueOf(n));
                    }
                    return null;
                });
        account.settled(BigInteger.valueOf(6));

        // when / then: the chain has mined up to 3, a transaction of nonce 8 waits
        assertThat(account.orphansBetween(BigInteger.valueOf(3), BigInteger.valueOf(8)))
                .containsExactly(
                        BigInteger.valueOf(3), BigInteger.valueOf(4), BigInteger.valueOf(6));
        assertThat(account.orphansBetween(BigInteger.valueOf(8), BigInteger.valueOf(8))).isEmpty();
    }

    @Test
    void anAdoptedNonceIsNeverHandedOutAgainNorCountedAsAnOrphan() {
        // given: a fresh process whose chain count (5) does not show nonce 6 an earlier one sent
        NonceBook.Account account = new NonceBook().account(1, ADDRESS);

        // when
        BigInteger next =
                account.exclusively(
                        () -> {
                            account.adopt(BigInteger.valueOf(6));
                            return account.next(() -> BigInteger.valueOf(5));
                        });

        // then
        assertThat(next).isEqualTo(7);
        assertThat(account.orphansBetween(BigInteger.valueOf(5), BigInteger.valueOf(7)))
                .containsExactly(BigInteger.valueOf(5));
    }

    @Test
    void adoptingANonceAboveTheCountMovesTheCountPastIt() {
        // given: a count of 3 kept here
        NonceBook.Account account = new NonceBook().account(1, ADDRESS);
        BigInteger first = account.exclusively(() -> account.next(() -> BigInteger.valueOf(3)));

        // when
        BigInteger next =
                account.exclusively(
                        () -> {
                            account.adopt(BigInteger.valueOf(4));
                            return account.next(() -> BigInteger.ZERO);
                        });

        // then
        assertThat(first).isEqualTo(3);
        assertThat(next).isEqualTo(5);
    }
}
