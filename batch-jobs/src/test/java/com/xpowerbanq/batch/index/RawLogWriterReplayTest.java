package com.xpowerbanq.batch.index;

import static com.xpowerbanq.batch.index.SeriesPartitions.PAIR;
import static org.assertj.core.api.Assertions.assertThat;

import com.xpowerbanq.schema.LegacySchema;
import com.xpowerbanq.schema.SeriesDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.MetaDataInstanceFactory;

/**
 * The chunk writer of a series partition on a real series database file, given the chunks a
 * restarted step writes again: a chunk whose rows are committed is replayed when the job repository
 * did not record it, and must change neither the rows nor the counts.
 */
class RawLogWriterReplayTest {
    @TempDir Path dir;

    /** The items of the whole plan (blocks 0..39), in the chunks the step commits. */
    private List<Chunk<ScanItem>> chunks() {
        StepExecution step = SeriesPartitions.firstRun(PAIR, SeriesPartitions.windowsOfTen());
        BlockWindowLogReader reader =
                SeriesPartitions.reader(step, new RefreshChain(39), dir.resolve("planner"));
        reader.open(step.getExecutionContext());
        List<ScanItem> items = SeriesPartitions.read(reader, Integer.MAX_VALUE);
        reader.close();
        List<Chunk<ScanItem>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += IndexConfiguration.CHUNK) {
            chunks.add(
                    new Chunk<>(
                            items.subList(
                                    i, Math.min(items.size(), i + IndexConfiguration.CHUNK))));
        }
        return chunks;
    }

    private static long events(List<Chunk<ScanItem>> chunks) {
        return chunks.stream()
                .flatMap(chunk -> chunk.getItems().stream())
                .filter(SeriesRow.class::isInstance)
                .count();
    }

    private Path file() {
        return dir.resolve(PAIR.stateFile());
    }

    /** One column of a query on the series database, as text. */
    private List<String> query(String sql) throws SQLException {
        return query(file(), sql);
    }

    private static List<String> query(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SeriesDatabase.readOnlyUrl(file));
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }

    private List<String> rows() throws SQLException {
        return query("SELECT id || ' ' || json FROM raw_logs ORDER BY id");
    }

    private long single(String sql) throws SQLException {
        return Long.parseLong(query(sql).getFirst());
    }

    /** A writer on the series file, opened on a step's context. */
    private RawLogWriter open(StepExecution step) {
        return open(file(), step);
    }

    private static RawLogWriter open(Path file, StepExecution step) {
        RawLogWriter writer = new RawLogWriter(file, PAIR.kind());
        writer.open(step.getExecutionContext());
        return writer;
    }

    /** Writes chunks as the step does: each one followed by saving the writer's state. */
    private static void commit(
            RawLogWriter writer, StepExecution step, List<Chunk<ScanItem>> chunks) {
        for (Chunk<ScanItem> chunk : chunks) {
            writer.write(chunk);
            writer.update(step.getExecutionContext());
        }
    }

    @Test
    void aChunkWrittenTwiceLeavesTheRowsAndTheCountsAsTheFirstWriteLeftThem() throws Exception {
        // given
        Chunk<ScanItem> chunk = chunks().getFirst();
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        RawLogWriter writer = open(step);
        commit(writer, step, List.of(chunk));
        List<String> rows = rows();
        long inserted = step.getExecutionContext().getLong(RawLogWriter.INSERTED);

        // when
        commit(writer, step, List.of(chunk));
        writer.close();

        // then
        assertThat(rows).hasSize((int) inserted).isNotEmpty();
        assertThat(rows()).isEqualTo(rows);
        assertThat(step.getExecutionContext().getLong(RawLogWriter.INSERTED)).isEqualTo(inserted);
        assertThat(single("SELECT sum(n) FROM daily_rollup")).isEqualTo(inserted);
    }

    @Test
    void aRestartReplaysTheChunkTheRepositoryNeverRecordedWithoutDuplicates() throws Exception {
        // given: the first execution committed chunk 0 everywhere, and chunk 1 in the series
        // database only: it was killed before the job repository saved the step's context
        List<Chunk<ScanItem>> chunks = chunks();
        StepExecution first = MetaDataInstanceFactory.createStepExecution();
        RawLogWriter killed = open(first);
        commit(killed, first, chunks.subList(0, 1));
        ExecutionContext saved = new ExecutionContext(first.getExecutionContext());
        killed.write(chunks.get(1));
        killed.close();

        // when: the restart writes chunk 1 again, then the rest
        StepExecution restart = MetaDataInstanceFactory.createStepExecution(saved);
        RawLogWriter writer = open(restart);
        commit(writer, restart, chunks.subList(1, chunks.size()));
        writer.close();

        // then
        long events = events(chunks);
        assertThat(single("SELECT count(*) FROM raw_logs")).isEqualTo(events);
        assertThat(single("SELECT count(DISTINCT ev_block || ':' || ev_index) FROM raw_logs"))
                .isEqualTo(events);
        assertThat(single("SELECT sum(n) FROM daily_rollup")).isEqualTo(events);
        assertThat(query("SELECT value FROM banq_meta WHERE key = 'scan.last_block'"))
                .containsExactly("39");
    }

    @Test
    void anEventTheOriginalWroteUnderAnotherIdIsNotWrittenAgain() throws Exception {
        // given: a database of the original system holding the first event under its own id
        List<Chunk<ScanItem>> chunks = chunks();
        Path elsewhere = dir.resolve("elsewhere").resolve(PAIR.stateFile());
        StepExecution scratch = MetaDataInstanceFactory.createStepExecution();
        RawLogWriter written = open(elsewhere, scratch);
        commit(written, scratch, chunks.subList(0, 1));
        written.close();
        String first = "FROM raw_logs ORDER BY ev_block, ev_index LIMIT 1";
        String id = query(elsewhere, "SELECT id " + first).getFirst();
        String json = query(elsewhere, "SELECT json " + first).getFirst();
        try (Connection legacy = DriverManager.getConnection("jdbc:sqlite:" + file())) {
            LegacySchema.create(legacy, PAIR.kind());
            try (PreparedStatement insert =
                    legacy.prepareStatement("INSERT INTO raw_logs(id, json) VALUES (?, ?)")) {
                insert.setString(1, "legacy-uuid");
                insert.setString(2, json.replace(id, "legacy-uuid"));
                insert.executeUpdate();
            }
        }

        // when: the writer migrates it and writes every event under its own ids
        StepExecution step = MetaDataInstanceFactory.createStepExecution();
        RawLogWriter writer = open(step);
        commit(writer, step, chunks);
        writer.close();

        // then: the event the original wrote is there once, under the original's id
        long events = events(chunks);
        assertThat(single("SELECT count(*) FROM raw_logs")).isEqualTo(events);
        assertThat(query("SELECT id FROM raw_logs WHERE id = 'legacy-uuid'")).hasSize(1);
        assertThat(query("SELECT id FROM raw_logs WHERE id = '" + id + "'")).isEmpty();
        assertThat(step.getExecutionContext().getLong(RawLogWriter.INSERTED)).isEqualTo(events - 1);
    }
}
