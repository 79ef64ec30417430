package com.xpowerbanq.batch.journal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One journal entry in the native protocol of systemd-journald: {@code KEY=value\n} per field, or,
 * for a value holding a newline, {@code KEY\n}, its length as 64-bit little endian, the value and
 * {@code \n}.
 */
final class JournalEntry {
    /** journald drops fields whose names are not upper-case letters, digits and underscores. */
    private static final Pattern FIELD = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private final Map<String, String> fields = new LinkedHashMap<>();

    JournalEntry put(String name, String value) {
        if (FIELD.matcher(name).matches()) {
            fields.put(name, value);
        }
        return this;
    }

    Map<String, String> fields() {
        return fields;
    }

    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        fields.forEach(
                (name, value) -> {
                    byte[] key = name.getBytes(StandardCharsets.US_ASCII);
                    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                    out.writeBytes(key);
                    if (value.indexOf('\n') < 0) {
                        out.write('=');
                    } else {
                        out.write('\n');
                        out.writeBytes(
                                ByteBuffer.allocate(Long.BYTES)
                                        .order(ByteOrder.LITTLE_ENDIAN)
                                        .putLong(bytes.length)
                                        .array());
                    }
                    out.writeBytes(bytes);
                    out.write('\n');
                });
        return out.toByteArray();
    }
}
