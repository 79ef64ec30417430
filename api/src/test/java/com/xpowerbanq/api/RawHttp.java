package com.xpowerbanq.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket, so tests can send any request target (raw bytes,
 * broken escapes, traversal attempts) and see the exact bytes of the answer.
 */
final class RawHttp {
    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    record Response(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(", ", values);
        }
    }

    Response get(String target) throws IOException {
        return send("GET", target, Map.of());
    }

    Response send(String method, String target, Map<String, String> headers) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder();
            request.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            request.append("Host: 127.0.0.1\r\nConnection: close\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket.getInputStream(), method.equals("HEAD"));
        }
    }

    /**
     * Reads one answer to a GET from {@code in} and no byte more: its body by Content-Length, by
     * chunks, or to the end of the stream when the answer has neither.
     */
    static Response readOne(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the answer ended in its header: " + head);
            }
            head.write(b);
        }
        Response header = read(new java.io.ByteArrayInputStream(head.toByteArray()), true);
        String length = header.header("Content-Length");
        byte[] body;
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else if ("chunked".equals(header.header("Transfer-Encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            int size;
            do {
                size = Integer.parseInt(line(in).strip(), 16);
                chunks.write(in.readNBytes(size));
                line(in); // the CRLF after the chunk
            } while (size > 0);
            body = chunks.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Response(
                header.status(), header.headers(), new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                            k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        String body;
        List<String> encoding = headers.get("transfer-encoding");
        if (!head && encoding != null && encoding.contains("chunked")) {
            body = new String(dechunk(rest), StandardCharsets.UTF_8);
        } else {
            body = new String(rest, StandardCharsets.UTF_8);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length) {
            int lineEnd = i;
            while (data[lineEnd] != '\r') {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(data, i, lineEnd - i).strip(), 16);
            if (size == 0) {
                break;
            }
            out.write(data, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
