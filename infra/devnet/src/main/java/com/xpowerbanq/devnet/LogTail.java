package com.xpowerbanq.devnet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The last lines of a log file, read from its end: anvil's log of a long devnet is large. */
final class LogTail {
    private static final int MAX_BYTES = 16 * 1024;

    private LogTail() {}

    /** At most {@code lines} last non-blank lines of {@code file}, or a note why there are none. */
    static String of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            int length = (int) Math.min(size, MAX_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(size - length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read to the end
            }
            List<String> all =
                    Arrays.stream(new String(buffer.array(), StandardCharsets.UTF_8).split("\n"))
                            .filter(line -> !line.isBlank())
                            .toList();
            if (all.isEmpty()) {
                return "(" + file + " is empty)";
            }
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
