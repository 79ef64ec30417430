package com.xpowerbanq.chain.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/**
 * {@link ChainClient} over web3j's HTTP transport to one or more endpoints: every call has a
 * timeout, transient failures (timeouts, connection errors, 429, 5xx) are retried with backoff
 * while rotating through the endpoints, and the endpoint that last answered is asked first.
 */
public final class JsonRpcChainClient implements ChainClient {
    private static final Logger log = LoggerFactory.getLogger(JsonRpcChainClient.class);

    private record Endpoint(String url, HttpService service, Web3j web3j) {}

    private record Answer<T>(String endpoint, T response) {}

    private final List<Endpoint> endpoints;
    private final RetryPolicy retryPolicy;
    private final OkHttpClient http;
    private final AtomicInteger preferred = new AtomicInteger();
    private final RpcObserver observer;

    private JsonRpcChainClient(
            List<Endpoint> endpoints,
            RetryPolicy retryPolicy,
            OkHttpClient http,
            RpcObserver observer) {
        this.endpoints = endpoints;
        this.retryPolicy = retryPolicy;
        this.http = http;
        this.observer = observer;
    }

    public static JsonRpcChainClient connect(
            List<String> urls, Duration timeout, RetryPolicy retryPolicy) {
        return connect(urls, timeout, retryPolicy, RpcObserver.NONE);
    }

    /** A client that tells {@code observer} of every exchange with an endpoint. */
    public static JsonRpcChainClient connect(
            List<String> urls, Duration timeout, RetryPolicy retryPolicy, RpcObserver observer) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(
                    "no JSON-RPC endpoint: set PROVIDER_URL (comma-separated URLs)");
        }
        OkHttpClient http =
                new OkHttpClient.Builder()
                        .callTimeout(timeout)
                        .connectTimeout(timeout)
                        .readTimeout(timeout)
                        .connectionPool(new ConnectionPool(8, 1, TimeUnit.MINUTES))
                        .build();
        List<Endpoint> endpoints = new ArrayList<>();
        for (String url : urls) {
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new IllegalArgumentException(
                        "PROVIDER_URL entry '" + url + "' is not an http(s) URL");
            }
            HttpService service = new HttpService(url, http);
            endpoints.add(new Endpoint(url, service, Web3j.build(service)));
        }
        return new JsonRpcChainClient(List.copyOf(endpoints), retryPolicy, http, observer);
    }

    @Override
    public long chainId() {
        var answer = send("eth_chainId", w -> w.ethChainId());
        return number(answer, "eth_chainId", () -> answer.response().getChainId());
    }

    @Override
    public long latestBlock() {
        var answer = send("eth_blockNumber", w -> w.ethBlockNumber());
        return number(answer, "eth_blockNumber", () -> answer.response().getBlockNumber());
    }

    @Override
    public OptionalLong finalizedBlock() {
        String call = "eth_getBlockByNumber(finalized)";
        Answer<EthBlock> answer;
        try {
            answer =
                    send(
                            call,
                            w -> w.ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false));
        } catch (RpcErrorException e) {
            log.debug("no finalized tag: {}", e.getMessage());
            return OptionalLong.empty();
        }
        EthBlock.Block block = answer.response().getBlock();
        if (block == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(number(answer, call, block::getNumber));
    }

    @Override
    public List<ChainLog> logs(LogQuery query) {
        String call = query.describe();
        EthFilter filter =
                new EthFilter(
                        DefaultBlockParameter.valueOf(BigInteger.valueOf(query.fromBlock())),
                        DefaultBlockParameter.valueOf(BigInteger.valueOf(query.toBlock())),
                        query.address());
        for (String topic : query.topics()) {
            if (topic == null) {
                filter.addNullTopic();
            } else {
                filter.addSingleTopic(topic);
            }
        }
        Answer<EthLog> answer = send(call, w -> w.ethGetLogs(filter));
        List<EthLog.LogResult> results = answer.response().getLogs();
        if (results == null) {
            throw new MalformedAnswerException(answer.endpoint(), call, "no result", null);
        }
        List<ChainLog> logs = new ArrayList<>(results.size());
        for (EthLog.LogResult<?> result : results) {
            if (!(result.get() instanceof Log raw)) {
                throw new MalformedAnswerException(
                        answer.endpoint(), call, "a log entry is not an object", null);
            }
            try {
                logs.add(ChainLog.of(raw, query));
            } catch (RuntimeException e) {
                throw new MalformedAnswerException(
                        answer.endpoint(), call, Refusals.describe(e), e);
            }
        }
        return logs;
    }

    @Override
    public String code(String address, long block) {
        String call = "eth_getCode(" + address + ", " + block + ")";
        var answer =
                send(
                        call,
                        w ->
                                w.ethGetCode(
                                        address,
                                        DefaultBlockParameter.valueOf(BigInteger.valueOf(block))));
        String code = answer.response().getCode();
        if (code == null || !code.startsWith("0x")) {
            throw new MalformedAnswerException(answer.endpoint(), call, "code " + code, null);
        }
        return code;
    }

    @Override
    public String call(String to, String data) {
        String call =
                "eth_call(" + to + ", " + data.substring(0, Math.min(10, data.length())) + ")";
        Answer<EthCall> answer =
                send(
                        call,
                        w ->
                                w.ethCall(
                                        Transaction.createEthCallTransaction(null, to, data),
                                        DefaultBlockParameterName.LATEST));
        String value = answer.response().getValue();
        if (value == null || !value.startsWith("0x")) {
            throw new MalformedAnswerException(answer.endpoint(), call, "result " + value, null);
        }
        return value;
    }

    private interface NumberSource {
        BigInteger get();
    }

    private static long number(Answer<?> answer, String call, NumberSource source) {
        try {
            BigInteger value = source.get();
            if (value == null || value.signum() < 0) {
                throw new IllegalArgumentException("no number");
            }
            return value.longValueExact();
        } catch (RuntimeException e) {
            throw new MalformedAnswerException(answer.endpoint(), call, Refusals.describe(e), e);
        }
    }

    /**
     * Any JSON-RPC request under this client's policy (timeouts, retries, failover): the answer of
     * the first endpoint that gives one; a JSON-RPC error becomes a {@link ChainException} of its
     * kind, so a revert arrives as an {@link RpcErrorException} carrying its data.
     */
    public <T extends Response<?>> T request(String call, Function<Web3j, Request<?, T>> request) {
        return send(call, request).response();
    }

    /**
     * A JSON-RPC method web3j has no call for (a node's own, such as anvil's {@code evm_mine}),
     * under this client's policy; its result read as {@code type}.
     */
    public <T extends Response<?>> T request(String method, List<?> params, Class<T> type) {
        return send(
                        method,
                        endpoint -> new Request<>(method, params, endpoint.service(), type).send(),
                        Response::getError)
                .response();
    }

    /**
     * Requests sent as one JSON-RPC batch, under this client's policy for the batch as a whole; the
     * answers in request order, each with its own error, if any, for the caller to read.
     */
    public List<Response<?>> batch(
            String call, List<Function<Web3j, Request<?, ? extends Response<?>>>> requests) {
        return send(call, endpoint -> inOrder(call, endpoint, requests), answers -> null)
                .response();
    }

    private static List<Response<?>> inOrder(
            String call,
            Endpoint endpoint,
            List<Function<Web3j, Request<?, ? extends Response<?>>>> requests)
            throws IOException {
        BatchRequest batch = endpoint.web3j().newBatch();
        requests.forEach(request -> batch.add(request.apply(endpoint.web3j())));
        Map<Long, Response<?>> byId = new HashMap<>();
        batch.send().getResponses().forEach(r -> byId.put(r.getId(), r));
        List<Response<?>> ordered = new ArrayList<>();
        for (Request<?, ?> request : batch.getRequests()) {
            Response<?> answer = byId.get(request.getId());
            if (answer == null) {
                throw new MalformedAnswerException(
                        endpoint.url(), call, "no answer to request " + request.getId(), null);
            }
            ordered.add(answer);
        }
        return ordered;
    }

    private <T extends Response<?>> Answer<T> send(
            String call, Function<Web3j, Request<?, T>> request) {
        return send(
                call,
                endpoint -> request.apply(endpoint.web3j()).send(),
                response -> response.hasError() ? response.getError() : null);
    }

    /** One exchange with an endpoint. */
    @FunctionalInterface
    private interface Exchange<T> {
        T with(Endpoint endpoint) throws IOException;
    }

    private <T> Answer<T> send(
            String call, Exchange<T> exchange, Function<T, Response.@Nullable Error> errorOf) {
        int start = preferred.get();
        AtomicInteger attempt = new AtomicInteger();
        Retry retry = retryPolicy.retry(call, endpoints.size(), Retried.class::isInstance);
        try {
            return retry.executeSupplier(
                    () ->
                            attempt(
                                    call,
                                    exchange,
                                    errorOf,
                                    (start + attempt.getAndIncrement()) % endpoints.size()));
        } catch (Retried e) {
            throw giveUp(e.failure, attempt.get());
        }
    }

    /** A failure worth trying again, elsewhere or later. */
    private static final class Retried extends RuntimeException {
        private final ChainException failure;

        Retried(ChainException failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    private <T> Answer<T> attempt(
            String call,
            Exchange<T> exchange,
            Function<T, Response.@Nullable Error> errorOf,
            int index) {
        long started = System.nanoTime();
        RpcObserver.Outcome outcome = RpcObserver.Outcome.FAILED;
        try {
            Answer<T> answer = attemptOnce(call, exchange, errorOf, index);
            outcome = RpcObserver.Outcome.OK;
            return answer;
        } catch (RpcErrorException | RangeRefusedException e) {
            outcome = RpcObserver.Outcome.ERROR;
            throw e;
        } finally {
            observer.exchanged(
                    index, method(call), outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The JSON-RPC method of a call as the client names it: {@code eth_call(0x…, …)}. */
    private static String method(String call) {
        int paren = call.indexOf('(');
        return paren < 0 ? call : call.substring(0, paren);
    }

    private <T> Answer<T> attemptOnce(
            String call,
            Exchange<T> exchange,
            Function<T, Response.@Nullable Error> errorOf,
            int index) {
        Endpoint endpoint = endpoints.get(index);
        ChainException failure;
        try {
            T response = exchange.with(endpoint);
            if (response == null) {
                throw new MalformedAnswerException(endpoint.url(), call, "empty answer", null);
            }
            Response.Error error = errorOf.apply(response);
            if (error == null) {
                preferred.set(index);
                return new Answer<>(endpoint.url(), response);
            }
            failure = Refusals.ofJsonRpc(endpoint.url(), call, error);
        } catch (ClientConnectionException e) {
            failure = Refusals.ofHttp(endpoint.url(), call, e);
        } catch (JsonProcessingException e) {
            failure =
                    new MalformedAnswerException(
                            endpoint.url(), call, "not JSON-RPC: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            failure = new ChainUnavailableException(endpoint.url(), call, Refusals.describe(e), e);
        } catch (ChainException e) {
            throw e;
        } catch (RuntimeException e) {
            // web3j turns undecodable fields into runtime exceptions
            failure = new MalformedAnswerException(endpoint.url(), call, Refusals.describe(e), e);
        }
        log.debug("attempt at {} failed: {}", endpoint.url(), failure.getMessage());
        throw new Retried(failure);
    }

    private ChainException giveUp(ChainException last, int attempts) {
        if (last instanceof MalformedAnswerException) {
            return last;
        }
        return new ChainUnavailableException(
                last.endpoint(),
                last.call(),
                "gave up after "
                        + attempts
                        + " attempts over "
                        + endpoints.size()
                        + " endpoint(s) ("
                        + String.join(", ", endpoints.stream().map(Endpoint::url).toList())
                        + "); last error: "
                        + last.getMessage(),
                last.getCause());
    }

    @Override
    public void close() {
        for (Endpoint endpoint : endpoints) {
            endpoint.web3j().shutdown();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
