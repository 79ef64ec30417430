package com.xpowerbanq.batch.keeper;

import static com.xpowerbanq.batch.keeper.FlightStoreTest.SERIES;
import static com.xpowerbanq.batch.keeper.FlightStoreTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.batch.launch.SqliteJobRepository;
import com.xpowerbanq.chain.tx.FlightRecord;
import com.xpowerbanq.chain.tx.TxOutcome;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a restarted partition does with the transaction its interrupted execution recorded, for each
 * outcome a fake sender gives when it awaits it again.
 */
class PartitionFlightTest {
    private static final long INSTANCE = 7;
    private static final BigInteger NONCE = BigInteger.valueOf(3);

    @TempDir Path state;
    SqliteJobRepository sqlite;
    FlightStore store;
    PartitionFlight flight;
    final List<FlightRecord> resumed = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        sqlite = new SqliteJobRepository(state);
        store = new FlightStore(sqlite.dataSource());
        flight = new PartitionFlight(store, INSTANCE, SERIES);
    }

    @AfterEach
    void close() {
        sqlite.close();
    }

    /** Resumes with a sender whose await ends in {@code outcome}. */
    private Optional<KeeperReport> resumeTo(TxOutcome outcome) {
        return flight.resume(
                (record, recorder) -> {
                    resumed.add(record);
                    return outcome;
                });
    }

    private static TxOutcome outcome(TxOutcome.Status status, String detail) {
        return new TxOutcome(status, "0xa1", NONCE, null, detail);
    }

    @Test
    void withoutARecordTheSeriesIsDecidedAsUsual() {
        // when
        Optional<KeeperReport> report = resumeTo(outcome(TxOutcome.Status.CONFIRMED, ""));

        // then
        assertThat(report).isEmpty();
        assertThat(resumed).isEmpty();
    }

    @Test
    void aRecordedTransactionThatConfirmedIsThePartitionsReportAndStaysRecorded() {
        // given
        store.keep(INSTANCE, SERIES, record(3, "0xa1"));

        // when
        Optional<KeeperReport> report = resumeTo(outcome(TxOutcome.Status.CONFIRMED, ""));

        // then: a second crash before the step ends resumes it again, never sends it anew
        assertThat(resumed).containsExactly(record(3, "0xa1"));
        assertThat(report)
                .hasValueSatisfying(
                        r -> {
                            assertThat(r.ok()).isTrue();
                            assertThat(r.action()).isEqualTo(KeeperReport.Action.SENT);
                            assertThat(r.toString())
                                    .contains("confirmed tx 0xa1 nonce 3")
                                    .contains("resumed the interrupted run's transaction");
                        });
        assertThat(store.find(INSTANCE, SERIES)).isPresent();
    }

    @Test
    void aRecordedTransactionWhoseNonceAnotherTookIsForgottenAndTheSeriesDecidedAgain() {
        // given
        store.keep(INSTANCE, SERIES, record(3, "0xa1", "0xa2"));

        // when
        Optional<KeeperReport> report =
                resumeTo(outcome(TxOutcome.Status.REPLACED, "another transaction took it"));

        // then
        assertThat(report).isEmpty();
        assertThat(resumed).hasSize(1);
        assertThat(store.find(INSTANCE, SERIES)).isEmpty();
    }

    @Test
    void aRecordedTransactionThatRevertedFailsThePartitionAndTheNextRestartDecidesAgain() {
        // given
        store.keep(INSTANCE, SERIES, record(3, "0xa1"));

        // when
        Optional<KeeperReport> report =
                resumeTo(outcome(TxOutcome.Status.REVERTED, "AccessControl"));

        // then
        assertThat(report).hasValueSatisfying(r -> assertThat(r.ok()).isFalse());
        assertThat(store.find(INSTANCE, SERIES)).isEmpty();
    }

    @Test
    void aRecordedTransactionStillUnminedAtTheDeadlineFailsThePartitionAndStaysRecorded() {
        // given
        store.keep(INSTANCE, SERIES, record(3, "0xa1"));

        // when
        Optional<KeeperReport> report =
                resumeTo(outcome(TxOutcome.Status.DROPPED, "still pending; cancelled"));

        // then: it may yet be mined, so the next restart awaits it again
        assertThat(report)
                .hasValueSatisfying(
                        r -> {
                            assertThat(r.ok()).isFalse();
                            assertThat(r.toString()).contains("dropped tx 0xa1 nonce 3");
                        });
        assertThat(store.find(INSTANCE, SERIES)).isPresent();
    }

    @Test
    void aSenderThatCannotResumeTheRecordFailsThePartitionNamingWhyAndKeepsTheRecord() {
        // given
        store.keep(INSTANCE, SERIES, record(3, "0xa1"));

        // when
        Optional<KeeperReport> report =
                flight.resume(
                        (record, recorder) -> {
                            throw new IllegalArgumentException("signed by another account");
                        });

        // then
        assertThat(report)
                .hasValueSatisfying(
                        r -> {
                            assertThat(r.action()).isEqualTo(KeeperReport.Action.FAILED);
                            assertThat(r.detail()).contains("signed by another account");
                        });
        assertThat(store.find(INSTANCE, SERIES)).isPresent();
    }

    @Test
    void versionsTakenWhileResumingReplaceTheRecord() {
        // given
        store.keep(INSTANCE, SERIES, record(3, "0xa1"));

        // when: the resumed transaction is replaced once, then confirmed
        flight.resume(
                (record, recorder) -> {
                    recorder.taken(record(3, "0xa1", "0xa2"));
                    return outcome(TxOutcome.Status.CONFIRMED, "");
                });

        // then
        assertThat(store.find(INSTANCE, SERIES)).contains(record(3, "0xa1", "0xa2"));
    }
}
