package com.xpowerbanq.batch.journal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

/** The journal appender against a real unix datagram socket standing in for journald. */
class JournalAppenderTest {
    @TempDir Path dir;

    private final LoggerContext logging = new LoggerContext();
    private final ListAppender<ILoggingEvent> console = new ListAppender<>();

    @AfterEach
    void stop() {
        MDC.clear();
        logging.stop();
    }

    private Logger logger(Path socket) {
        logging.setMDCAdapter(MDC.getMDCAdapter());
        console.setContext(logging);
        console.start();
        JournalAppender journal = new JournalAppender();
        journal.setContext(logging);
        journal.setSocket(socket.toString());
        journal.setJournal(true);
        journal.addAppender(console);
        journal.start();
        Logger logger = logging.getLogger("com.xpowerbanq.batch.index.RawLogWriter");
        logger.addAppender(journal);
        logger.setLevel(Level.DEBUG);
        return logger;
    }

    @Test
    void eachEventIsOneDatagramWithItsLevelLoggerThreadAndMdcAsFields() throws Exception {
        // given journald's stand-in and the series of a partition in the MDC
        Path socket = dir.resolve("journal.sock");
        try (JournalDatagrams journald = new JournalDatagrams(socket)) {
            Logger logger = logger(socket);
            MDC.put(JobLogContext.SERIES, "APOW:supply:P000");
            MDC.put(JobLogContext.SERIES_API, "ri_apow_supply_0");
            MDC.put("not a journal field", "dropped");

            // when
            logger.warn("window {} refused", 7);

            // then
            Map<String, String> fields = journald.receive();
            assertThat(fields)
                    .containsEntry("MESSAGE", "window 7 refused")
                    .containsEntry("PRIORITY", "4")
                    .containsEntry("SYSLOG_IDENTIFIER", "banq-batch")
                    .containsEntry("LOGGER", "com.xpowerbanq.batch.index.RawLogWriter")
                    .containsEntry("THREAD", Thread.currentThread().getName())
                    .containsEntry("BANQ_SERIES", "APOW:supply:P000")
                    .containsEntry("BANQ_SERIES_API", "ri_apow_supply_0")
                    .doesNotContainKey("not a journal field");
            assertThat(console.list).isEmpty();
        }
    }

    @Test
    void aMultiLineMessageAndItsStackTraceTravelInTheBinaryForm() throws Exception {
        // given
        Path socket = dir.resolve("journal.sock");
        try (JournalDatagrams journald = new JournalDatagrams(socket)) {
            Logger logger = logger(socket);

            // when
            logger.error("two\nlines", new IllegalStateException("boom"));
            logger.debug("last");

            // then
            Map<String, String> error = journald.receive();
            assertThat(error.get("MESSAGE"))
                    .startsWith("two\nlines\njava.lang.IllegalStateException: boom\n")
                    .contains("JournalAppenderTest");
            assertThat(error).containsEntry("PRIORITY", "3");
            assertThat(journald.receive())
                    .containsEntry("MESSAGE", "last")
                    .containsEntry("PRIORITY", "7");
        }
    }

    @Test
    void aMessageTooLongForOneDatagramArrivesTruncatedAndTheNextOneWhole() throws Exception {
        // given
        Path socket = dir.resolve("journal.sock");
        try (JournalDatagrams journald = new JournalDatagrams(socket)) {
            Logger logger = logger(socket);

            // when
            logger.info("x".repeat(300_000));
            logger.info("after");

            // then
            assertThat(journald.receive().get("MESSAGE"))
                    .hasSize(JournalAppender.MAX_MESSAGE + "\n(truncated)".length())
                    .endsWith("x\n(truncated)");
            assertThat(journald.receive()).containsEntry("MESSAGE", "after");
            assertThat(console.list).isEmpty();
        }
    }

    @Test
    void anAbsentSocketFallsBackToTheConsoleWithOneWarning() {
        // given no socket bound at the path
        Logger logger = logger(dir.resolve("absent.sock"));

        // when
        logger.info("first");
        logger.info("second");

        // then
        assertThat(console.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .hasSize(3)
                .endsWith("first", "second");
        assertThat(console.list.getFirst().getLevel()).isEqualTo(Level.WARN);
        assertThat(console.list.getFirst().getFormattedMessage())
                .contains("absent.sock")
                .contains("logging to the console");
    }

    @Test
    void journalWhenJournalStreamIsStillTheOutputOrWhenAskedConsoleOtherwise() throws Exception {
        // given an output file and its dev:inode, as systemd sets JOURNAL_STREAM for a unit
        Path output = Files.createFile(dir.resolve("stdout"));
        Map<String, Object> id = Files.readAttributes(output, "unix:dev,ino");
        String stream = id.get("dev") + ":" + id.get("ino");
        List<Path> outputs = List.of(output);

        // then
        assertThat(JournalAppender.wanted(Map.of(), outputs)).isFalse();
        assertThat(JournalAppender.wanted(Map.of("JOURNAL_STREAM", stream), outputs)).isTrue();
        // inherited by a child whose output went elsewhere
        assertThat(JournalAppender.wanted(Map.of("JOURNAL_STREAM", "8:1"), outputs)).isFalse();
        assertThat(JournalAppender.wanted(Map.of("BANQ_LOG_JOURNAL", "true"), outputs)).isTrue();
        assertThat(
                        JournalAppender.wanted(
                                Map.of("JOURNAL_STREAM", stream, "BANQ_LOG_JOURNAL", "false"),
                                outputs))
                .isFalse();
    }

    @Test
    void levelsMapToSyslogPriorities() {
        assertThat(JournalAppender.priorityOf(Level.ERROR)).isEqualTo(3);
        assertThat(JournalAppender.priorityOf(Level.WARN)).isEqualTo(4);
        assertThat(JournalAppender.priorityOf(Level.INFO)).isEqualTo(6);
        assertThat(JournalAppender.priorityOf(Level.TRACE)).isEqualTo(7);
    }
}
