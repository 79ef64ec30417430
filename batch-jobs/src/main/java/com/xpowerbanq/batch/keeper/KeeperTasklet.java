package com.xpowerbanq.batch.keeper;

import com.xpowerbanq.chain.tx.FlightRecorder;
import com.xpowerbanq.chain.tx.TxOutcome;
import com.xpowerbanq.schema.Catalogue;
import com.xpowerbanq.schema.RiSeries;
import com.xpowerbanq.schema.RtSeries;
import com.xpowerbanq.schema.Series;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Keeps the one series named in its partition's context, or, when an interrupted execution of the
 * job instance left a transaction of the series in flight, resumes that one ({@link
 * PartitionFlight}); logs the report and records it in the step: exit code SENT, WOULD-SEND, HELD
 * or SKIPPED with the report as description; a failed read or an unconfirmed transaction fails the
 * partition (and only it) with the report as message.
 */
public final class KeeperTasklet implements Tasklet {
    private static final Logger log = LoggerFactory.getLogger(KeeperTasklet.class);
    static final String REPORT_KEY = KeeperTasklet.class.getSimpleName() + ".report";
    public static final String TX_KEY = KeeperTasklet.class.getSimpleName() + ".tx";
    static final String NONCE_KEY = KeeperTasklet.class.getSimpleName() + ".nonce";

    private final KeeperSessions sessions;
    private final FlightStore flights;
    private final KeeperOutcomes outcomes;
    private final Level reports;

    /**
     * A tasklet that records its transactions in flight in {@code flights} and logs each series'
     * report at {@code reports}: INFO for {@code run}, DEBUG in {@code serve}, whose one line per
     * run says what was sent.
     */
    KeeperTasklet(
            KeeperSessions sessions, FlightStore flights, KeeperOutcomes outcomes, Level reports) {
        this.sessions = sessions;
        this.flights = flights;
        this.outcomes = outcomes;
        this.reports = reports;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        StepExecution step = chunkContext.getStepContext().getStepExecution();
        Series series =
                Catalogue.parse(step.getExecutionContext().getString(KeeperPartitioner.SERIES_KEY));
        var options = KeeperParametersValidator.KeeperOptions.from(step.getJobParameters());
        KeeperSessions.KeeperSession session =
                sessions.session(step.getJobExecutionId(), options.broadcast());
        PartitionFlight flight =
                new PartitionFlight(
                        flights,
                        step.getJobExecution().getJobInstance().getInstanceId(),
                        series.instanceId());
        KeeperReport report =
                flight.resume(session.sender())
                        .orElseGet(() -> keep(series, session, options, flight.recorder()));
        if (report.tx() != null && report.tx().status() == TxOutcome.Status.REPLACED) {
            // another transaction took our nonce and none of ours was mined: the duty may still
            // be due (or done by someone else, as a retwap's refreshed() then says); decide again
            log.warn("{}; deciding again", report);
            flight.settle(report);
            report = keep(series, session, options, flight.recorder());
        }
        flight.settle(report);
        step.getExecutionContext().putString(REPORT_KEY, report.toString());
        if (report.tx() != null && report.tx().hash() != null) {
            step.getExecutionContext().putString(TX_KEY, report.tx().hash());
            step.getExecutionContext().putString(NONCE_KEY, String.valueOf(report.tx().nonce()));
        }
        outcomes.kept(step.getJobExecution().getJobInstance().getJobName(), report);
        if (!report.ok()) {
            log.warn("{}", report);
            throw new KeeperFailureException(report);
        }
        log.atLevel(reports).log("{}", report);
        contribution.setExitStatus(
                new ExitStatus(
                        report.action().name().replace('_', '-').toUpperCase(Locale.ROOT),
                        report.toString()));
        return RepeatStatus.FINISHED;
    }

    private static KeeperReport keep(
            Series series,
            KeeperSessions.KeeperSession session,
            KeeperParametersValidator.KeeperOptions options,
            FlightRecorder recorder) {
        return switch (series) {
            case RiSeries ri -> new ReindexKeeper(session, recorder).keep(ri);
            case RtSeries rt ->
                    new RetwapKeeper(session, options.bounds(), options.amount(), recorder)
                            .keep(rt);
        };
    }

    /** A series whose keeping failed; the message is its report. */
    static final class KeeperFailureException extends RuntimeException {
        KeeperFailureException(KeeperReport report) {
            super(report.toString());
        }
    }
}
