package com.xpowerbanq.miner.mine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line: steps on stdout, errors on stderr, each with {@code step} first and
 * {@code now} (ISO-8601 UTC) last. Lines from different threads never interleave.
 */
public class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public JsonLines(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Builds a line: {@code step} followed by key/value pairs. */
    static Map<String, Object> line(String step, Object... pairs) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", step);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            line.put((String) pairs[i], pairs[i + 1]);
        }
        return line;
    }

    void step(Map<String, Object> line) {
        write(out, line);
    }

    void error(Map<String, Object> line) {
        write(err, line);
    }

    void error(String step, String message, Object... pairs) {
        Map<String, Object> line = line(step, pairs);
        line.put("error", message);
        write(err, line);
    }

    protected void write(PrintStream stream, Map<String, Object> line) {
        line.put("now", clock.instant().toString());
        String text;
        try {
            text = JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            text = "{\"step\":\"error\",\"error\":\"unprintable line\"}";
        }
        synchronized (JsonLines.class) {
            stream.println(text);
            stream.flush();
        }
    }
}
