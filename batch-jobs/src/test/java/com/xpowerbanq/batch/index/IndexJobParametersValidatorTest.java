package com.xpowerbanq.batch.index;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.xpowerbanq.chain.rpc.BlockBounds;
import com.xpowerbanq.chain.rpc.ChainUnavailableException;
import com.xpowerbanq.chain.rpc.QuietChain;
import com.xpowerbanq.schema.Kind;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

class IndexJobParametersValidatorTest {

    /** A chain at block 1000 with block 936 finalized, or one that does not answer. */
    record FakeChain(boolean up) implements QuietChain {

        @Override
        public long latestBlock() {
            if (!up) {
                throw new ChainUnavailableException("http://x", "eth_blockNumber", "down", null);
            }
            return 1000;
        }

        @Override
        public OptionalLong finalizedBlock() {
            return OptionalLong.of(936);
        }
    }

    private static IndexJobParametersValidator validator(boolean up) {
        BlockBounds bounds = new BlockBounds(new FakeChain(up), 64);
        return new IndexJobParametersValidator(Kind.RI, () -> bounds);
    }

    private static JobParameters parameters(String... keyValues) {
        JobParametersBuilder builder = new JobParametersBuilder();
        for (String kv : keyValues) {
            int eq = kv.indexOf('=');
            builder.addString(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return builder.toJobParameters();
    }

    @Test
    void aToBeyondTheLatestBlockIsRefusedNamingTheLatest() {
        assertThatThrownBy(() -> validator(true).validate(parameters("to=1001")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContaining("to=1001 is beyond the chain's latest block 1000");
        assertThatCode(() -> validator(true).validate(parameters("to=1000")))
                .doesNotThrowAnyException();
    }

    @Test
    void aFromAboveTheUpperBoundIsRefused() {
        assertThatThrownBy(() -> validator(true).validate(parameters("from=937")))
                .isInstanceOf(InvalidJobParametersException.class)
                .hasMessageContaining("from=937 is above the upper bound, the finalized block 936");
        assertThatThrownBy(() -> validator(true).validate(parameters("from=1001", "to=latest")))
                .hasMessageContaining("the latest block (latest block 1000)");
        assertThatCode(() -> validator(true).validate(parameters("from=937", "to=latest")))
                .doesNotThrowAnyException();
        assertThatCode(() -> validator(true).validate(parameters("from=936")))
                .doesNotThrowAnyException();
    }

    @Test
    void aChainThatDoesNotAnswerLeavesTheCheckToTheRun() {
        assertThatCode(() -> validator(false).validate(parameters("to=5000")))
                .doesNotThrowAnyException();
    }
}
