package com.xpowerbanq.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.batch.cli.CommandLine;
import com.xpowerbanq.batch.launch.JobNames;
import com.xpowerbanq.batch.launch.JobRunner;
import com.xpowerbanq.devnet.Devnet;
import com.xpowerbanq.devnet.DevnetOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A registry that gives pool P001 and oracle T002 as the zero address ("not deployed in this run"),
 * against a devnet where they are deployed: their series are skipped with a message by the index
 * jobs and the keepers, and the other series of the same run go on.
 */
class ZeroAddressSeriesIT {
    private static final String ZERO = "0x" + "0".repeat(40);
    private static final String RI = "APOW:supply:P001,APOW:supply:P000";
    private static final String RT = "USDC_APOW:T002,XPOW_APOW:T000";

    @TempDir static Path state;
    static Devnet devnet;
    static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() throws Exception {
        devnet =
                Devnet.start(
                        DevnetOptions.defaults().withDays(1).withStateDir(state.resolve("devnet")));
        Path registry = state.resolve("zero.env");
        String text = Files.readString(devnet.registryFile());
        for (String name : new String[] {"P001", "T002"}) {
            text = text.replace(devnet.registry().address(name, "v10a").orElseThrow(), ZERO);
        }
        Files.writeString(registry, text);
        context =
                CommandLine.start(
                        "--state-dir=" + state,
                        "--banq.chain.provider-url=" + devnet.rpcUrl(),
                        "--banq.chain.contracts-file=" + registry);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        if (devnet != null) {
            devnet.close();
        }
    }

    private static JobExecution completed(String job, String series) {
        JobExecution execution =
                context.getBean(JobRunner.class).run(job, Map.of("series", series));
        assertThat(execution.getStatus()).as(job).isEqualTo(BatchStatus.COMPLETED);
        return execution;
    }

    private static ExitStatus exit(JobExecution execution, String series) {
        return series(execution).get(series).getExitStatus();
    }

    /** The series partitions of an execution by instance id. */
    private static Map<String, StepExecution> series(JobExecution execution) {
        String prefix = JobNames.seriesStep(execution.getJobInstance().getJobName()) + ":";
        return execution.getStepExecutions().stream()
                .filter(step -> step.getStepName().startsWith(prefix))
                .collect(
                        Collectors.toMap(
                                step -> step.getStepName().substring(prefix.length()),
                                Function.identity()));
    }

    @Test
    void theIndexJobsSkipAZeroPoolOrOracleWithAMessageAndIndexTheRest() {
        // when
        JobExecution ri = completed(JobNames.REINDEX_WATCH, RI);
        JobExecution rt = completed(JobNames.RETWAP_WATCH, RT);

        // then
        assertThat(exit(ri, "APOW:supply:P001").getExitDescription())
                .contains("skipped: pool P001 is not deployed in contract run v10a")
                .contains("no or zero P001_ADDRESS_v10a in the registry");
        assertThat(exit(rt, "USDC_APOW:T002").getExitDescription())
                .contains("skipped: oracle T002 is not deployed in contract run v10a")
                .contains("no or zero T002_ADDRESS_v10a");
        assertThat(exit(ri, "APOW:supply:P000").getExitDescription()).doesNotContain("skipped");
        assertThat(exit(rt, "XPOW_APOW:T000").getExitDescription()).doesNotContain("skipped");
        assertThat(
                        state.resolve(
                                com.xpowerbanq.schema.Catalogue.parse("APOW:supply:P000")
                                        .stateFile()))
                .exists();
    }

    @Test
    void theKeepersSkipAZeroPoolOrOracleWithAMessageAndKeepTheRest() {
        // when: dry runs, so nothing is sent
        JobExecution reindex = completed(JobNames.REINDEX, RI);
        JobExecution retwap = completed(JobNames.RETWAP, RT);

        // then
        ExitStatus pool = exit(reindex, "APOW:supply:P001");
        assertThat(pool.getExitCode()).isEqualTo("SKIPPED");
        assertThat(pool.getExitDescription())
                .contains("P001 is not deployed in contract run v10a")
                .contains("no or zero P001_ADDRESS_v10a in the registry");
        ExitStatus oracle = exit(retwap, "USDC_APOW:T002");
        assertThat(oracle.getExitCode()).isEqualTo("SKIPPED");
        assertThat(oracle.getExitDescription())
                .contains("T002 is not deployed in contract run v10a")
                .contains("no or zero T002_ADDRESS_v10a");
        assertThat(exit(reindex, "APOW:supply:P000").getExitCode()).isEqualTo("WOULD-SEND");
        assertThat(exit(retwap, "XPOW_APOW:T000").getExitCode()).isIn("WOULD-SEND", "HELD");
    }
}
