package com.xpowerbanq.api;

import io.javalin.http.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;

/** Tells a running query whether its client is still connected. */
final class ClientWatch {
    private ClientWatch() {}

    static BooleanSupplier of(Context ctx) {
        Request request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) {
            return () -> false;
        }
        AtomicBoolean failed = new AtomicBoolean();
        request.addFailureListener(failure -> failed.set(true));
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        return () -> failed.get() || !endPoint.isOpen();
    }
}
