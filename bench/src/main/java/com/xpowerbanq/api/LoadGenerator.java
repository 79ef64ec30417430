package com.xpowerbanq.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small closed-loop HTTP/1.1 load generator: each connection is one thread on one keep-alive
 * socket that sends the next request as soon as the last answer is read, so the figures measure the
 * server rather than a client library. Bounded in requests and in time.
 */
final class LoadGenerator {
    private final int port;

    LoadGenerator(int port) {
        this.port = port;
    }

    /** The figures of one run; latencies sorted, in nanoseconds. */
    record Result(int connections, long errors, double seconds, long[] latencies) {
        long requests() {
            return latencies.length;
        }

        double perSecond() {
            return latencies.length / seconds;
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, i))] / 1e6;
        }
    }

    /**
     * Sends GETs of {@code targets} over {@code connections} connections until {@code duration} or
     * {@code maxRequests} is spent. All connections take the next target from {@code cursor}, in
     * turn, so consecutive runs sharing a cursor continue through the list.
     */
    Result run(
            List<String> targets,
            AtomicLong cursor,
            int connections,
            Duration duration,
            long maxRequests)
            throws InterruptedException {
        byte[][] requests = new byte[targets.size()][];
        for (int i = 0; i < requests.length; i++) {
            requests[i] =
                    ("GET " + targets.get(i) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII);
        }
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong budget = new AtomicLong(maxRequests);
        AtomicLong errors = new AtomicLong();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            Worker worker = new Worker(requests, cursor, deadline, budget, errors);
            workers.add(worker);
            threads.add(Thread.ofPlatform().name("load-" + c).start(worker));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] all =
                workers.stream()
                        .flatMapToLong(w -> Arrays.stream(w.latencies()))
                        .sorted()
                        .toArray();
        return new Result(connections, errors.get(), seconds, all);
    }

    /** One connection's loop. */
    private final class Worker implements Runnable {
        private final byte[][] requests;
        private final AtomicLong cursor;
        private final long deadline;
        private final AtomicLong budget;
        private final AtomicLong errors;
        private long[] latencies = new long[1024];
        private int count;

        Worker(
                byte[][] requests,
                AtomicLong cursor,
                long deadline,
                AtomicLong budget,
                AtomicLong errors) {
            this.requests = requests;
            this.cursor = cursor;
            this.deadline = deadline;
            this.budget = budget;
            this.errors = errors;
        }

        @Override
        public void run() {
            Socket socket = null;
            InputStream in = null;
            while (System.nanoTime() < deadline && budget.getAndDecrement() > 0) {
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                        socket.setSoTimeout(60_000);
                        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                    }
                    long t0 = System.nanoTime();
                    OutputStream out = socket.getOutputStream();
                    out.write(requests[(int) (cursor.getAndIncrement() % requests.length)]);
                    out.flush();
                    if (readResponse(in) != 200) {
                        errors.incrementAndGet();
                        continue;
                    }
                    record(System.nanoTime() - t0);
                } catch (IOException e) {
                    errors.incrementAndGet();
                    close(socket);
                    socket = null;
                }
            }
            close(socket);
        }

        private void record(long latency) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
        }

        long[] latencies() {
            return Arrays.copyOf(latencies, count);
        }
    }

    private static void close(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing after an error or at the end: nothing left to do
            }
        }
    }

    /** Reads one response, body included, and returns its status. */
    static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim();
            String value = header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).trim(), 16);
                    size > 0;
                    size = Long.parseLong(line(in).trim(), 16)) {
                skip(in, size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            skip(in, length);
        }
        return code;
    }

    private static void skip(InputStream in, long n) throws IOException {
        for (long left = n; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed inside a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder out = new StringBuilder(64);
        for (int c = in.read(); c >= 0; c = in.read()) {
            if (c == '\n') {
                int end = out.length();
                return end > 0 && out.charAt(end - 1) == '\r'
                        ? out.substring(0, end - 1)
                        : out.toString();
            }
            out.append((char) c);
        }
        throw new IOException("connection closed");
    }
}
