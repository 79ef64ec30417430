package com.xpowerbanq.batch.journal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.newsclub.net.unix.AFUNIXDatagramSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** A stand-in for journald: a unix datagram socket that parses what it receives. */
final class JournalDatagrams implements AutoCloseable {
    private final AFUNIXDatagramSocket socket;

    JournalDatagrams(Path path) throws IOException {
        socket = AFUNIXDatagramSocket.newInstance();
        socket.bind(AFUNIXSocketAddress.of(path));
        socket.setSoTimeout(5_000);
    }

    /** The next entry's fields, or a timeout after five seconds. */
    Map<String, String> receive() throws IOException {
        byte[] buffer = new byte[64 * 1024];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return parse(ByteBuffer.wrap(buffer, 0, packet.getLength()));
    }

    /** journald's native protocol: KEY=value\n, or KEY\n + u64 LE length + value + \n. */
    static Map<String, String> parse(ByteBuffer in) {
        Map<String, String> fields = new LinkedHashMap<>();
        while (in.hasRemaining()) {
            int start = in.position();
            int end = start;
            while (in.get(end) != '=' && in.get(end) != '\n') {
                end++;
            }
            String key = new String(in.array(), start, end - start, StandardCharsets.US_ASCII);
            byte separator = in.get(end);
            in.position(end + 1);
            byte[] value;
            if (separator == '=') {
                int stop = in.position();
                while (in.get(stop) != '\n') {
                    stop++;
                }
                value = new byte[stop - in.position()];
                in.get(value);
            } else {
                long length = in.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong();
                in.position(in.position() + Long.BYTES);
                value = new byte[Math.toIntExact(length)];
                in.get(value);
            }
            if (in.get() != '\n') {
                throw new IllegalStateException("field " + key + " does not end with a newline");
            }
            fields.put(key, new String(value, StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Override
    public void close() {
        socket.close();
    }
}
