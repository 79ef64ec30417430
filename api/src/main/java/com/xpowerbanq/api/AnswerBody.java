package com.xpowerbanq.api;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * One JSON answer as the bytes that go on the wire: encoded once when computed, and gzipped at most
 * once, for the first client that accepts it. A cached answer then costs no allocation and no
 * encoding per request (the profile showed both, and gzip of every answer behind nginx).
 */
final class AnswerBody {
    /** Javalin's own threshold: smaller answers fit in one packet and go out as they are. */
    static final int MIN_GZIP_SIZE = 1500;

    private final byte[] identity;
    private final int rows;
    private volatile byte @Nullable [] gzip;

    private AnswerBody(byte[] identity) {
        this.identity = identity;
        this.rows = rowsIn(identity);
    }

    /** Rows are flat JSON objects of numbers and a day, so each opens with the only brace. */
    static int rowsIn(byte[] json) {
        int n = 0;
        for (byte b : json) {
            if (b == '{') {
                n++;
            }
        }
        return n;
    }

    /** The rows in the answer, counted once (the metrics add them up per request). */
    int rows() {
        return rows;
    }

    static AnswerBody of(String json) {
        return new AnswerBody(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The answer as it is. */
    byte[] identity() {
        return identity;
    }

    /** The answer as text, for tests and logs. */
    String text() {
        return new String(identity, StandardCharsets.UTF_8);
    }

    /**
     * Sends the answer with its length: gzipped when the client accepts gzip and the answer is
     * large enough for Javalin to compress it, which then leaves it as it is (Content-Encoding
     * set).
     */
    void send(Context ctx) {
        byte[] bytes = identity;
        if (identity.length >= MIN_GZIP_SIZE && acceptsGzip(ctx.header("Accept-Encoding"))) {
            ctx.header("Content-Encoding", "gzip");
            bytes = gzip();
        }
        // a known length: no chunked framing
        ctx.res().setContentLength(bytes.length);
        ctx.result(bytes);
    }

    /** As Javalin decides for the answers it compresses itself: "gzip" as one of the tokens. */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String token : acceptEncoding.split(",")) {
            if (token.strip().toLowerCase(Locale.ROOT).equals("gzip")) {
                return true;
            }
        }
        return false;
    }

    /** The answer gzipped; computed on first use, then kept with the answer. */
    byte[] gzip() {
        byte[] packed = gzip;
        if (packed == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(identity.length / 4 + 64);
            try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
                zip.write(identity);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot gzip an answer in memory", e);
            }
            packed = out.toByteArray();
            gzip = packed;
        }
        return packed;
    }
}
