package com.xpowerbanq.chain.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Response;

/** Against a scripted JSON-RPC endpoint on a loopback port. */
class JsonRpcChainClientTest {
    private static final RetryPolicy FAST =
            new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5));

    /** A client with five quick attempts, enough to ride out a scripted run of failures. */
    private static JsonRpcChainClient patient(String url) {
        return JsonRpcChainClient.connect(
                List.of(url),
                Duration.ofSeconds(5),
                new RetryPolicy(5, Duration.ofMillis(1), Duration.ofMillis(5)));
    }

    /** Answers: a status and a body; "DROP" closes the connection without an answer. */
    record Reply(int status, String body) {}

    private final Deque<Reply> script = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;

    private String start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        requests.incrementAndGet();
        Reply reply;
        synchronized (script) {
            reply = script.isEmpty() ? new Reply(200, result("\"0x10\"")) : script.poll();
        }
        if (reply.body().equals("DROP")) {
            exchange.close();
            return;
        }
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static String result(String json) {
        return "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":" + json + "}";
    }

    private static String error(int code, String message) {
        return "{\"jsonrpc\":\"2.0\",\"id\":0,\"error\":{\"code\":"
                + code
                + ",\"message\":\""
                + message
                + "\"}}";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void retriesRateLimitsServerErrorsAndDroppedConnections() throws IOException {
        String url = start();
        script.add(new Reply(429, "slow down"));
        script.add(new Reply(503, "busy"));
        script.add(new Reply(200, "DROP"));
        try (JsonRpcChainClient client = patient(url)) {

            assertThat(client.latestBlock()).isEqualTo(16);
        }
    }

    @Test
    void failsOverFromADeadEndpointToALiveOne() throws IOException {
        String live = start();
        String dead = "http://127.0.0.1:" + freePort();
        try (JsonRpcChainClient client =
                JsonRpcChainClient.connect(List.of(dead, live), Duration.ofSeconds(2), FAST)) {

            assertThat(client.latestBlock()).isEqualTo(16);
            assertThat(client.latestBlock()).isEqualTo(16);
        }
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void givesUpOnUnreachableEndpointsNamingTheEndpointAndCall() throws IOException {
        String dead = "http://127.0.0.1:" + freePort();
        try (JsonRpcChainClient client =
                JsonRpcChainClient.connect(List.of(dead), Duration.ofSeconds(2), FAST)) {

            assertThatThrownBy(client::chainId)
                    .isInstanceOf(ChainUnavailableException.class)
                    .hasMessageContaining("eth_chainId")
                    .hasMessageContaining(dead)
                    .hasMessageContaining("3 attempts");
        }
    }

    @Test
    void malformedAnswersNameTheEndpointAndCall() throws IOException {
        String url = start();
        for (int i = 0; i < 3; i++) {
            script.add(new Reply(200, "<html>not json</html>"));
        }
        try (JsonRpcChainClient client =
                JsonRpcChainClient.connect(List.of(url), Duration.ofSeconds(2), FAST)) {

            assertThatThrownBy(client::latestBlock)
                    .isInstanceOf(MalformedAnswerException.class)
                    .hasMessageContaining("eth_blockNumber at " + url);
        }
    }

    @Test
    void logsWithMissingFieldsAreMalformedNotHalfWritten() throws IOException {
        String url = start();
        script.add(
                new Reply(
                        200,
                        result(
                                "[{\"address\":\"0xabc\",\"blockNumber\":\"0x5\",\"logIndex\":\"0x0\"}]")));
        try (JsonRpcChainClient client =
                JsonRpcChainClient.connect(List.of(url), Duration.ofSeconds(2), FAST)) {

            assertThatThrownBy(() -> client.logs(new LogQuery("0xabc", List.of(), 1, 9)))
                    .isInstanceOf(MalformedAnswerException.class)
                    .hasMessageContaining("eth_getLogs(0xabc, blocks 1..9) at " + url)
                    .hasMessageContaining("blockHash");
        }
    }

    @Test
    void aRefusedRangeIsReportedForSplittingNotRetried() throws IOException {
        String url = start();
        script.add(
                new Reply(
                        200,
                        error(
                                -32000,
                                "requested too many blocks from 0 to 5000, maximum is set to 2048")));
        try (JsonRpcChainClient client =
                JsonRpcChainClient.connect(List.of(url), Duration.ofSeconds(2), FAST)) {

            assertThatThrownBy(() -> client.logs(new LogQuery("0xabc", List.of(), 0, 5000)))
                    .isInstanceOf(RangeRefusedException.class);
        }
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void transientServerErrorsAreRetried() throws IOException {
        String url = start();
        script.add(new Reply(200, error(-32603, "header not found")));
        script.add(new Reply(200, error(-32603, "internal error")));
        script.add(new Reply(200, error(-32000, "missing trie node 4f2a (path )")));
        script.add(new Reply(200, error(-32000, "request timed out")));
        try (JsonRpcChainClient client = patient(url)) {

            assertThat(client.latestBlock()).isEqualTo(16);
        }
        assertThat(requests.get()).isEqualTo(5);
    }

    @Test
    void aServerErrorOnOneEndpointFailsOverToTheNext() throws IOException {
        String sick = start();
        HttpServer healthy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        healthy.createContext(
                "/",
                exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    byte[] body = result("\"0x20\"").getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        healthy.start();
        for (int i = 0; i < 10; i++) {
            script.add(new Reply(200, error(-32000, "header not found")));
        }
        try (JsonRpcChainClient client =
                JsonRpcChainClient.connect(
                        List.of(sick, "http://127.0.0.1:" + healthy.getAddress().getPort()),
                        Duration.ofSeconds(2),
                        FAST)) {

            assertThat(client.latestBlock()).isEqualTo(32);
        } finally {
            healthy.stop(0);
        }
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void namesEveryEndpointWhenNoneAnswers() throws IOException {
        String first = "http://127.0.0.1:" + freePort();
        String second = "http://127.0.0.1:" + freePort();
        try (JsonRpcChainClient client =
                JsonRpcChainClient.connect(List.of(first, second), Duration.ofSeconds(2), FAST)) {

            assertThatThrownBy(client::chainId)
                    .isInstanceOf(ChainUnavailableException.class)
                    .hasMessageContaining(first + ", " + second);
        }
    }

    @Test
    void aServerErrorThatPersistsGivesUpAsUnavailable() throws IOException {
        String url = start();
        for (int i = 0; i < 3; i++) {
            script.add(new Reply(200, error(-32603, "internal error")));
        }
        try (JsonRpcChainClient client =
                JsonRpcChainClient.connect(List.of(url), Duration.ofSeconds(2), FAST)) {

            assertThatThrownBy(client::latestBlock)
                    .isInstanceOf(ChainUnavailableException.class)
                    .hasMessageContaining("3 attempts")
                    .hasMessageContaining("internal error");
        }
    }

    @Test
    void theObserverHearsOfEveryExchangeByEndpointIndexAndMethodNeverTheUrl() throws IOException {
        // given: a failure, an answer and a revert
        String url = start();
        script.add(new Reply(503, "busy"));
        script.add(new Reply(200, result("\"0x10\"")));
        script.add(new Reply(200, error(-32000, "execution reverted")));
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        RpcObserver observer =
                (endpoint, method, outcome, elapsed) ->
                        heard.add(endpoint + " " + method + " " + outcome);

        // when
        try (JsonRpcChainClient client =
                JsonRpcChainClient.connect(List.of(url), Duration.ofSeconds(2), FAST, observer)) {
            client.latestBlock();
            assertThatThrownBy(() -> client.call("0xabc", "0x12345678"))
                    .isInstanceOf(RpcErrorException.class);
        }

        // then
        assertThat(heard)
                .containsExactly(
                        "0 eth_blockNumber FAILED", "0 eth_blockNumber OK", "0 eth_call ERROR");
    }

    @Test
    void aRevertOrABadRequestIsNotRetriedWhateverItsCode() throws IOException {
        String url = start();
        script.add(new Reply(200, error(-32000, "execution reverted")));
        script.add(new Reply(200, error(-32603, "execution reverted: not allowed")));
        script.add(new Reply(200, error(-32601, "the method eth_x does not exist")));
        try (JsonRpcChainClient client =
                JsonRpcChainClient.connect(List.of(url), Duration.ofSeconds(2), FAST)) {

            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> client.call("0xabc", "0x12345678"))
                        .isInstanceOf(RpcErrorException.class);
            }
        }
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void otherRpcErrorsAreFinal() throws IOException {
        String url = start();
        script.add(
                new Reply(200, error(-32602, "invalid argument 0: hex string without 0x prefix")));
        try (JsonRpcChainClient client =
                JsonRpcChainClient.connect(List.of(url), Duration.ofSeconds(2), FAST)) {

            assertThatThrownBy(client::latestBlock)
                    .isInstanceOf(RpcErrorException.class)
                    .hasMessageContaining("-32602");
        }
    }

    @Test
    void aMethodWeb3jDoesNotKnowIsSentUnderTheSamePolicy() throws IOException {
        String url = start();
        script.add(new Reply(503, "busy"));
        script.add(new Reply(200, result("true")));
        try (JsonRpcChainClient client = patient(url)) {

            Object result =
                    client.request("evm_setAutomine", List.of(false), AnyResponse.class)
                            .getResult();

            assertThat(result).isEqualTo(true);
        }
        assertThat(requests.get()).isEqualTo(2);
    }

    @Test
    void aBatchAnswersInRequestOrderWhateverOrderTheEndpointAnswersIn() throws IOException {
        // given: an endpoint that answers a batch backwards, the second request with an error
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", JsonRpcChainClientTest::answerBackwards);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        try (JsonRpcChainClient client = patient(url)) {

            // when
            List<Response<?>> answers =
                    client.batch(
                            "eth_sendRawTransaction batch",
                            List.of(
                                    w -> w.ethSendRawTransaction("0x01"),
                                    w -> w.ethSendRawTransaction("0x02"),
                                    w -> w.ethSendRawTransaction("0x03")));

            // then
            assertThat(answers.stream().map(r -> (Object) r.getResult()).toList())
                    .containsExactly("0x01", null, "0x03");
            assertThat(answers.get(1).getError().getMessage()).isEqualTo("nonce too low");
        }
    }

    /** Answers each request of a batch with its own parameter, backwards; the second refused. */
    private static void answerBackwards(HttpExchange exchange) throws IOException {
        JsonNode batch = new ObjectMapper().readTree(exchange.getRequestBody());
        List<String> answers = new ArrayList<>();
        for (int i = batch.size() - 1; i >= 0; i--) {
            JsonNode request = batch.get(i);
            String id = request.get("id").toString();
            answers.add(
                    i == 1
                            ? "{\"jsonrpc\":\"2.0\",\"id\":"
                                    + id
                                    + ",\"error\":{\"code\":-32000,\"message\":\"nonce too low\"}}"
                            : "{\"jsonrpc\":\"2.0\",\"id\":"
                                    + id
                                    + ",\"result\":"
                                    + request.get("params").get(0)
                                    + "}");
        }
        byte[] body = ("[" + String.join(",", answers) + "]").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** A response whose result is taken as plain JSON values. */
    static final class AnyResponse extends Response<Object> {}

    @Test
    void rejectsNonHttpEndpoints() {
        assertThatThrownBy(
                        () ->
                                JsonRpcChainClient.connect(
                                        List.of("ws://x"), Duration.ofSeconds(1), FAST))
                .hasMessageContaining("PROVIDER_URL entry 'ws://x'");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
