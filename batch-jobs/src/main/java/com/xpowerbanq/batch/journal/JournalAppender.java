package com.xpowerbanq.batch.journal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Sends each event to the systemd journal in its native protocol, the MDC as journal fields (so
 * {@code journalctl BANQ_SERIES=APOW:supply:P000} shows one series). Active under systemd ({@code
 * JOURNAL_STREAM} set) or with {@code BANQ_LOG_JOURNAL=true}; otherwise, or when the socket is
 * absent, events go to the attached appenders (the console).
 */
public final class JournalAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {
    static final String IDENTIFIER = "banq-batch";
    static final int MAX_MESSAGE = 32 * 1024;
    private static final List<Path> STANDARD_OUTPUTS =
            List.of(Path.of("/proc/self/fd/1"), Path.of("/proc/self/fd/2"));

    private final AppenderAttachableImpl<ILoggingEvent> console = new AppenderAttachableImpl<>();
    private Path socket = JournalSocket.SYSTEM;
    private @Nullable Boolean journal;
    private @Nullable JournalSocket open;
    private volatile @Nullable String warning;

    /** The socket path; journald's by default (tests bind their own). */
    public void setSocket(String path) {
        this.socket = Path.of(path);
    }

    /** Forces the journal on or off; unset, the environment decides ({@link #wanted}). */
    public void setJournal(boolean journal) {
        this.journal = journal;
    }

    /**
     * Under systemd stdout already goes to the journal, and would double every line; {@code
     * BANQ_LOG_JOURNAL} overrides either way. {@code JOURNAL_STREAM} is inherited by every child of
     * a unit, so it counts only while stdout or stderr is still that stream ({@code dev:inode}).
     */
    static boolean wanted(Map<String, String> env, List<Path> outputs) {
        String asked = env.get("BANQ_LOG_JOURNAL");
        if (asked != null && !asked.isBlank()) {
            return Boolean.parseBoolean(asked.strip());
        }
        String stream = env.get("JOURNAL_STREAM");
        return stream != null && !stream.isBlank() && outputs.stream().anyMatch(is(stream.strip()));
    }

    private static Predicate<Path> is(String stream) {
        return output -> {
            try {
                Map<String, Object> id = Files.readAttributes(output, "unix:dev,ino");
                return stream.equals(id.get("dev") + ":" + id.get("ino"));
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                return true; // cannot tell: trust the variable
            }
        };
    }

    @Override
    public void start() {
        boolean want = journal != null ? journal : wanted(System.getenv(), STANDARD_OUTPUTS);
        if (want) {
            if (Files.exists(socket)) {
                try {
                    open = new JournalSocket(socket);
                } catch (IOException | RuntimeException | LinkageError e) {
                    // LinkageError: junixsocket's native library could not be loaded here
                    warning = "cannot open the journal socket " + socket + " (" + e + ")";
                }
            } else {
                warning = "journal socket " + socket + " is absent";
            }
        }
        super.start();
    }

    @Override
    public void stop() {
        JournalSocket s = open;
        open = null;
        if (s != null) {
            s.close();
        }
        super.stop();
    }

    @Override
    protected void append(ILoggingEvent event) {
        JournalSocket s = open;
        if (s != null) {
            try {
                s.send(entryOf(event));
                return;
            } catch (IOException e) {
                open = null;
                s.close();
                warning = "cannot send to the journal socket " + socket + " (" + e + ")";
            }
        }
        warnOnce();
        console.appendLoopOnAppenders(event);
    }

    static JournalEntry entryOf(ILoggingEvent event) {
        JournalEntry entry = new JournalEntry().put("MESSAGE", messageOf(event));
        entry.put("PRIORITY", Integer.toString(priorityOf(event.getLevel())))
                .put("SYSLOG_IDENTIFIER", IDENTIFIER)
                .put("LOGGER", event.getLoggerName())
                .put("THREAD", event.getThreadName());
        event.getMDCPropertyMap().forEach(entry::put);
        return entry;
    }

    private static String messageOf(ILoggingEvent event) {
        IThrowableProxy thrown = event.getThrowableProxy();
        String message = event.getFormattedMessage();
        if (thrown != null) {
            message = message + "\n" + ThrowableProxyUtil.asString(thrown);
        }
        // a datagram larger than the socket's send buffer (about 200 KiB) would be refused whole
        return message.length() <= MAX_MESSAGE
                ? message
                : message.substring(0, MAX_MESSAGE) + "\n(truncated)";
    }

    /** The syslog priority journalctl filters with {@code -p}. */
    static int priorityOf(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> 3;
            case Level.WARN_INT -> 4;
            case Level.INFO_INT -> 6;
            default -> 7;
        };
    }

    private void warnOnce() {
        String text = warning;
        if (text == null) {
            return;
        }
        warning = null;
        var logger = ((LoggerContext) getContext()).getLogger(JournalAppender.class);
        console.appendLoopOnAppenders(
                new LoggingEvent(
                        JournalAppender.class.getName(),
                        logger,
                        Level.WARN,
                        text + ": logging to the console",
                        null,
                        null));
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        console.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return console.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return console.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return console.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        console.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return console.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String name) {
        return console.detachAppender(name);
    }
}
