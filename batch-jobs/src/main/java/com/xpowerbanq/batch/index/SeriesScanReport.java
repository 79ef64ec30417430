package com.xpowerbanq.batch.index;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** What one series' partition did, read back from its step execution. */
public record SeriesScanReport(
        String series,
        String status,
        @Nullable Long from,
        @Nullable Long to,
        @Nullable Long reached,
        long events,
        long inserted,
        @Nullable String note) {

    /** The reports of the series partitions among a job execution's step executions. */
    public static List<SeriesScanReport> of(String seriesStep, List<StepExecution> steps) {
        String prefix = seriesStep + ":";
        return steps.stream()
                .filter(s -> s.getStepName().startsWith(prefix))
                .map(s -> of(s.getStepName().substring(prefix.length()), s))
                .toList();
    }

    static SeriesScanReport of(String series, StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        ScanPlan plan = ScanPlan.loadFrom(context);
        String note = null;
        Long from = null;
        Long to = null;
        Long reached = null;
        if (plan != null && plan.isSkipped()) {
            note = "skipped: " + plan.skip();
        } else if (plan != null) {
            from = plan.from();
            to = plan.to();
            long next = context.getLong(BlockWindowLogReader.WINDOW_START, plan.from());
            reached = next - 1;
        }
        Optional<Throwable> failure = step.getFailureExceptions().stream().findFirst();
        if (failure.isPresent()) {
            note = failure.get().getMessage();
        } else if (note == null && !step.getExitStatus().getExitDescription().isBlank()) {
            note = firstLine(step.getExitStatus().getExitDescription());
        }
        return new SeriesScanReport(
                series,
                step.getStatus().name(),
                from,
                to,
                reached,
                context.getLong(BlockWindowLogReader.EVENTS, 0),
                context.getLong(RawLogWriter.INSERTED, 0),
                note);
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
