package com.xpowerbanq.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A transaction in flight written as one string and read back, and strings that are not one. */
class FlightRecordTest {
    private static final FlightRecord RECORD =
            new FlightRecord(
                    31337,
                    DevAccount.ADDRESS,
                    new BigInteger("18446744073709551617"),
                    "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                    "0xe4a30116",
                    BigInteger.valueOf(150_000),
                    new BigInteger("2000000000"),
                    new BigInteger("1000000000"),
                    "0x02f87082053901843b9aca00",
                    List.of("0x" + "ab".repeat(32), "0x" + "cd".repeat(32)));

    @Test
    void aRecordReadBackFromItsStringIsTheSame() {
        // when
        String written = RECORD.serialized();

        // then
        assertThat(FlightRecord.parse(written)).isEqualTo(RECORD);
        assertThat(written).doesNotContain("\n").contains("\"nonce\":18446744073709551617");
    }

    @Test
    void aFlightAndItsRecordCarryTheSameTransaction() {
        // when
        FlightRecord again = new Flight(RECORD).record(RECORD.chainId(), RECORD.from());

        // then: the latest version's fees and bytes, every version's hash in order
        assertThat(again).isEqualTo(RECORD);
    }

    @Test
    void aStringThatIsNoRecordIsRefusedSayingWhy() {
        assertThatThrownBy(() -> FlightRecord.parse("nonce=7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a record of a transaction in flight: ");
        assertThatThrownBy(
                        () ->
                                FlightRecord.parse(
                                        RECORD.serialized().replace("\"nonce\":", "\"n\":")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nonce");
        assertThatThrownBy(
                        () ->
                                FlightRecord.parse(
                                        RECORD.serialized()
                                                .replaceFirst(
                                                        "\"hashes\":\\[.*]", "\"hashes\":[]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one version");
    }
}
