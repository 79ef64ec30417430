package com.xpowerbanq.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * Tells a running query whether its client is still connected. Jetty does not read from a
 * connection while a GET is being handled, so a client that hangs up is only noticed by reading: a
 * non-blocking read of the socket returns end-of-stream once the peer has closed it. A client that
 * pipelined another request loses that byte to the probe, so such a connection is closed after the
 * answer: {@link SeriesHandler} sends it with {@code Connection: close} (HTTP clients retry
 * idempotent requests on a closed connection).
 */
final class ClientWatch implements BooleanSupplier {
    private static final long PROBE_INTERVAL_NANOS = 2_000_000;

    private final AtomicBoolean failed = new AtomicBoolean();
    private final @Nullable EndPoint endPoint;
    private final @Nullable SocketChannel channel;
    private volatile boolean consumedInput;
    private volatile boolean gone;
    private long lastProbe = System.nanoTime();

    private ClientWatch(@Nullable Request request) {
        if (request == null) {
            endPoint = null;
            channel = null;
            return;
        }
        request.addFailureListener(failure -> failed.set(true));
        endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        channel = endPoint instanceof SocketChannelEndPoint socket ? socket.getChannel() : null;
    }

    static ClientWatch of(Context ctx) {
        return new ClientWatch(ServletContextRequest.getServletContextRequest(ctx.req()));
    }

    @Override
    public boolean getAsBoolean() {
        if (gone || failed.get() || (endPoint != null && !endPoint.isOpen())) {
            return true;
        }
        long now = System.nanoTime();
        if (channel == null || consumedInput || now - lastProbe < PROBE_INTERVAL_NANOS) {
            return false;
        }
        lastProbe = now;
        try {
            int read = channel.read(ByteBuffer.allocate(1));
            if (read < 0) {
                gone = true;
            } else if (read > 0) {
                consumedInput = true;
            }
        } catch (IOException e) {
            gone = true;
        }
        return gone;
    }

    /** Whether the probe consumed input of a next request, so the connection must not be reused. */
    boolean spoiledConnection() {
        return consumedInput;
    }
}
