package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.batch.launch.SqliteJobRepository;
import com.xpowerbanq.chain.tx.FlightRecord;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The keepers' transactions in flight in a real job repository file. */
class FlightStoreTest {
    static final String SERIES = "APOW:supply:P000";

    @TempDir Path state;
    SqliteJobRepository sqlite;
    FlightStore store;

    @BeforeEach
    void open() throws Exception {
        sqlite = new SqliteJobRepository(state);
        store = new FlightStore(sqlite.dataSource());
    }

    @AfterEach
    void close() {
        sqlite.close();
    }

    /** A record of a transaction with {@code nonce} whose versions have {@code hashes}. */
    static FlightRecord record(long nonce, String... hashes) {
        return new FlightRecord(
                31337,
                "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
                BigInteger.valueOf(nonce),
                "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                ReindexKeeper.REINDEX_CALL,
                BigInteger.valueOf(150_000),
                BigInteger.valueOf(2_000_000_000L),
                BigInteger.valueOf(1_000_000_000L),
                "0x02f870",
                List.of(hashes));
    }

    @Test
    void aLaterVersionReplacesTheRecordOfItsSeriesOnly() {
        // given
        store.keep(7, SERIES, record(3, "0xa1"));
        store.keep(7, "APOW:borrow:P000", record(4, "0xb1"));
        store.keep(8, SERIES, record(9, "0xc1"));

        // when
        store.keep(7, SERIES, record(3, "0xa1", "0xa2"));

        // then
        assertThat(store.find(7, SERIES)).contains(record(3, "0xa1", "0xa2"));
        assertThat(store.find(7, "APOW:borrow:P000")).contains(record(4, "0xb1"));
        assertThat(store.find(8, SERIES)).contains(record(9, "0xc1"));
        assertThat(store.find(7, "XPOW:supply:P000")).isEmpty();
    }

    @Test
    void aRecordIsCommittedAtOnceEvenWhenTheTransactionAroundItRollsBack() {
        // when: written while a transaction of the job repository's manager is open
        new TransactionTemplate(sqlite.transactions())
                .executeWithoutResult(
                        status -> {
                            store.keep(7, SERIES, record(3, "0xa1"));
                            status.setRollbackOnly();
                        });

        // then
        assertThat(store.find(7, SERIES)).contains(record(3, "0xa1"));
    }

    @Test
    void forgettingASeriesOrDeletingAnInstanceLeavesTheOthers() {
        // given
        store.keep(7, SERIES, record(3, "0xa1"));
        store.keep(7, "APOW:borrow:P000", record(4, "0xb1"));
        store.keep(8, SERIES, record(9, "0xc1"));

        // when
        store.forget(7, SERIES);
        store.deleteInstance(8);

        // then
        assertThat(store.find(7, SERIES)).isEmpty();
        assertThat(store.find(8, SERIES)).isEmpty();
        assertThat(store.find(7, "APOW:borrow:P000")).isPresent();
    }

    @Test
    void anUnreadableRowIsReportedNamingInstanceAndSeriesAndKept() {
        // given
        store.keep(7, SERIES, record(3, "0xa1"));
        JdbcClient.create(sqlite.dataSource())
                .sql("UPDATE " + FlightStore.TABLE + " SET FLIGHT = 'nonce 3'")
                .update();

        // then
        assertThatThrownBy(() -> store.find(7, SERIES))
                .hasMessageContaining(FlightStore.TABLE)
                .hasMessageContaining("job instance 7 and series " + SERIES)
                .hasMessageContaining("not a record of a transaction in flight");
        assertThat(
                        JdbcClient.create(sqlite.dataSource())
                                .sql("SELECT count(*) FROM " + FlightStore.TABLE)
                                .query(Long.class)
                                .single())
                .isEqualTo(1);
    }
}
