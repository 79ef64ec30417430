package com.xpowerbanq.batch.index;

import static com.xpowerbanq.batch.index.SeriesPartitions.ORACLE;
import static com.xpowerbanq.batch.index.SeriesPartitions.PAIR;
import static com.xpowerbanq.batch.index.SeriesPartitions.UNDEPLOYED;
import static com.xpowerbanq.batch.index.SeriesPartitions.firstRun;
import static com.xpowerbanq.batch.index.SeriesPartitions.restartOf;
import static com.xpowerbanq.batch.index.SeriesPartitions.windowsOfTen;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.StepScopeTestUtils;

/**
 * Where the reader of a series partition resumes after each kind of interruption. A step saves the
 * reader's position after every chunk it commits, so a run stopped after any item and restarted on
 * the context it last saved must hand over every item of the plan exactly once across both runs.
 * The plan is blocks 0..39 in four windows of ten.
 */
class BlockWindowLogReaderRestartTest {
    private static final long HEAD = 39;
    private static final int ALL = Integer.MAX_VALUE;

    @TempDir Path state;

    /**
     * One execution of the partition's step, stopped after {@code count} items with its position
     * saved as a chunk commit saves it; the reader is not closed, as when the process is killed.
     */
    private List<ScanItem> runUntil(StepExecution step, RefreshChain chain, int count)
            throws Exception {
        return StepScopeTestUtils.doInStepScope(
                step,
                () -> {
                    BlockWindowLogReader reader = SeriesPartitions.reader(step, chain, state);
                    reader.open(step.getExecutionContext());
                    List<ScanItem> items = SeriesPartitions.read(reader, count);
                    reader.update(step.getExecutionContext());
                    return items;
                });
    }

    private List<ScanItem> uninterrupted() throws Exception {
        return runUntil(firstRun(PAIR, windowsOfTen()), new RefreshChain(HEAD), ALL);
    }

    private static List<ScanItem> concat(List<ScanItem> before, List<ScanItem> after) {
        List<ScanItem> both = new ArrayList<>(before);
        both.addAll(after);
        return both;
    }

    @Test
    void everyInterruptionPointResumesWithExactlyTheItemsNotYetHandedOver() throws Exception {
        // given
        List<ScanItem> all = uninterrupted();

        for (int stop = 0; stop <= all.size(); stop++) {
            // when
            StepExecution first = firstRun(PAIR, windowsOfTen());
            List<ScanItem> before = runUntil(first, new RefreshChain(HEAD), stop);
            List<ScanItem> after = runUntil(restartOf(first), new RefreshChain(HEAD), ALL);

            // then
            assertThat(concat(before, after))
                    .as("stopped after %d of %d items", stop, all.size())
                    .containsExactlyElementsOf(all);
        }
    }

    @Test
    void aRestartMidWindowFetchesThatWindowAgainAndHandsOverOnlyItsRest() throws Exception {
        // given: the first run committed 3 items of the first window and was killed
        List<ScanItem> all = uninterrupted();
        StepExecution first = firstRun(PAIR, windowsOfTen());
        runUntil(first, new RefreshChain(HEAD), 3);

        // when
        RefreshChain chain = new RefreshChain(HEAD);
        List<ScanItem> resumed = runUntil(restartOf(first), chain, ALL);

        // then
        assertThat(chain.askedRanges()).containsExactly("0..9", "10..19", "20..29", "30..39");
        assertThat(resumed).containsExactlyElementsOf(all.subList(3, all.size()));
    }

    @Test
    void aRestartAfterAWindowEndStartsAtTheNextWindow() throws Exception {
        // given: the first run committed the first window up to its end marker
        List<ScanItem> all = uninterrupted();
        int firstWindow = all.indexOf(new WindowEnd(9, 1, ORACLE)) + 1;
        StepExecution first = firstRun(PAIR, windowsOfTen());
        runUntil(first, new RefreshChain(HEAD), firstWindow);

        // when
        RefreshChain chain = new RefreshChain(HEAD);
        List<ScanItem> resumed = runUntil(restartOf(first), chain, ALL);

        // then
        assertThat(firstWindow).isPositive();
        assertThat(first.getExecutionContext().getLong(BlockWindowLogReader.WINDOW_START))
                .isEqualTo(10);
        assertThat(first.getExecutionContext().getInt(BlockWindowLogReader.EMITTED)).isZero();
        assertThat(chain.askedRanges()).containsExactly("10..19", "20..29", "30..39");
        assertThat(resumed).containsExactlyElementsOf(all.subList(firstWindow, all.size()));
    }

    @Test
    void aRestartBeforeAnyWindowScansTheFirstRunsPlanThoughTheChainMovedOn() throws Exception {
        // given: the first run planned blocks 0..39 and was killed before its first window
        List<ScanItem> all = uninterrupted();
        StepExecution first = firstRun(PAIR, windowsOfTen());
        runUntil(first, new RefreshChain(HEAD), 0);

        // when: the chain has finalized 60 more blocks by the restart
        RefreshChain moved = new RefreshChain(HEAD + 60);
        List<ScanItem> resumed = runUntil(restartOf(first), moved, ALL);

        // then
        assertThat(moved.askedRanges()).containsExactly("0..9", "10..19", "20..29", "30..39");
        assertThat(resumed).containsExactlyElementsOf(all);
    }

    @Test
    void aRestartAfterTheLastWindowHandsOverNothingAndAsksTheChainNothing() throws Exception {
        // given: the first run handed over the whole plan and was killed before completing
        StepExecution first = firstRun(PAIR, windowsOfTen());
        List<ScanItem> all = runUntil(first, new RefreshChain(HEAD), ALL);

        // when
        RefreshChain chain = new RefreshChain(HEAD);
        List<ScanItem> resumed = runUntil(restartOf(first), chain, ALL);

        // then
        assertThat(all).last().isEqualTo(new WindowEnd(HEAD, 1, ORACLE));
        assertThat(resumed).isEmpty();
        assertThat(chain.askedRanges()).isEmpty();
    }

    @Test
    void aSeriesSkippedForAZeroAddressStaysSkippedOnRestartWithoutAskingForLogs() throws Exception {
        // given: the registry gives oracle T002 as the zero address
        StepExecution first = firstRun(UNDEPLOYED, windowsOfTen());
        RefreshChain chain = new RefreshChain(HEAD);
        List<ScanItem> before = runUntil(first, chain, ALL);

        // when
        RefreshChain restarted = new RefreshChain(HEAD);
        List<ScanItem> after = runUntil(restartOf(first), restarted, ALL);

        // then
        assertThat(before).isEmpty();
        assertThat(after).isEmpty();
        assertThat(first.getExecutionContext().getString(ScanPlan.SKIP))
                .contains("oracle T002 is not deployed in contract run v10a");
        assertThat(chain.askedRanges()).isEmpty();
        assertThat(restarted.askedRanges()).isEmpty();
    }
}
