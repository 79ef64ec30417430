package com.xpowerbanq.batch.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** The unix datagram socket journald listens on; one datagram per entry. */
final class JournalSocket implements AutoCloseable {
    static final Path SYSTEM = Path.of("/run/systemd/journal/socket");

    private final AFUNIXDatagramChannel channel;
    private final AFUNIXSocketAddress address;

    JournalSocket(Path path) throws IOException {
        this.address = AFUNIXSocketAddress.of(path);
        this.channel = AFUNIXDatagramChannel.open();
    }

    void send(JournalEntry entry) throws IOException {
        channel.send(ByteBuffer.wrap(entry.encode()), address);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing was buffered: a datagram is sent whole or not at all
        }
    }
}
