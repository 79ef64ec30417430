package com.xpowerbanq.miner.mine;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** JSON lines kept in memory, steps and errors apart, for tests to wait on. */
final class CapturedLines extends JsonLines {
    final List<Map<String, Object>> steps = new CopyOnWriteArrayList<>();
    final List<Map<String, Object>> errors = new CopyOnWriteArrayList<>();

    CapturedLines() {
        super(new PrintStream(OutputStream.nullOutputStream()), System.err, Clock.systemUTC());
    }

    @Override
    void step(Map<String, Object> line) {
        steps.add(line);
        super.step(line);
    }

    @Override
    void error(Map<String, Object> line) {
        errors.add(line);
        super.error(line);
    }

    @Override
    void error(String step, String message, Object... pairs) {
        Map<String, Object> line = JsonLines.line(step, pairs);
        line.put("error", message);
        error(line);
    }

    List<Map<String, Object>> steps(String step) {
        return steps.stream().filter(l -> step.equals(l.get("step"))).toList();
    }

    List<Map<String, Object>> errors(String step) {
        return errors.stream().filter(l -> step.equals(l.get("step"))).toList();
    }
}
