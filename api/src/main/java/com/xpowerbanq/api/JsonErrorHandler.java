package com.xpowerbanq.api;

import com.xpowerbanq.api.json.GoJson;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers before a request reaches Javalin (a request line too long, an ambiguous
 * path, a malformed header) get the same {@code {"error": …}} body as every other error.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON =
            new HttpField(HttpHeader.CONTENT_TYPE, "application/json");

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // Jetty only writes bodies for GET, POST and HEAD by default
    }

    @Override
    protected void generateResponse(
            Request request,
            Response response,
            int code,
            String message,
            Throwable cause,
            Callback callback) {
        response.getHeaders().put(JSON);
        response.write(true, body(code), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return body(status);
    }

    private static ByteBuffer body(int status) {
        String reason = HttpStatus.getMessage(status);
        return ByteBuffer.wrap(GoJson.error(reason).getBytes(StandardCharsets.UTF_8));
    }
}
