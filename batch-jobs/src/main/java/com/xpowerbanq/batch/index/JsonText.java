package com.xpowerbanq.batch.index;

import java.math.BigInteger;
import java.util.List;

/**
 * Writes the row JSON by hand: fixed key order, integers as {@code "…n"} strings as the original.
 */
final class JsonText {
    private final StringBuilder out = new StringBuilder(1024);
    private boolean first = true;

    JsonText open() {
        out.append('{');
        first = true;
        return this;
    }

    JsonText close() {
        out.append('}');
        first = false;
        return this;
    }

    private void key(String key) {
        if (!first) {
            out.append(',');
        }
        first = false;
        string(key);
        out.append(':');
    }

    JsonText field(String key, String value) {
        key(key);
        string(value);
        return this;
    }

    JsonText bigint(String key, BigInteger value) {
        key(key);
        out.append('"').append(value).append("n\"");
        return this;
    }

    JsonText number(String key, long value) {
        key(key);
        out.append(value);
        return this;
    }

    JsonText bool(String key, boolean value) {
        key(key);
        out.append(value);
        return this;
    }

    JsonText strings(String key, List<String> values) {
        key(key);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(values.get(i));
        }
        out.append(']');
        return this;
    }

    JsonText object(String key) {
        key(key);
        return open();
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
