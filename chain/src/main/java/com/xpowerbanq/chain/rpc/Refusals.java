package com.xpowerbanq.chain.rpc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.exceptions.ClientConnectionException;

/**
 * Turns an endpoint's refusal into the exception of its {@link RpcErrorKind}: a transient one is
 * returned, to be retried; a range or final one is thrown at once.
 */
final class Refusals {
    private static final Pattern HTTP_STATUS =
            Pattern.compile("Invalid response received: (\\d{3});?\\s*(.*)", Pattern.DOTALL);

    private Refusals() {}

    static ChainException ofJsonRpc(String endpoint, String call, Response.Error error) {
        String message = String.valueOf(error.getMessage());
        return switch (RpcErrorKind.ofJsonRpc(error.getCode(), message)) {
            case RANGE -> throw new RangeRefusedException(endpoint, call, message);
            case FATAL ->
                    throw new RpcErrorException(
                            endpoint, call, error.getCode(), message, error.getData());
            case TRANSIENT ->
                    new ChainUnavailableException(
                            endpoint, call, "error " + error.getCode() + ": " + message, null);
        };
    }

    static ChainException ofHttp(String endpoint, String call, ClientConnectionException e) {
        Matcher m = HTTP_STATUS.matcher(String.valueOf(e.getMessage()));
        if (!m.find()) {
            return new ChainUnavailableException(endpoint, call, describe(e), e);
        }
        int status = Integer.parseInt(m.group(1));
        String body = m.group(2);
        String text = "HTTP " + status + (body.isBlank() ? "" : " " + abbreviate(body));
        return switch (RpcErrorKind.ofHttp(status, body)) {
            case TRANSIENT -> new ChainUnavailableException(endpoint, call, text, e);
            case RANGE -> throw new RangeRefusedException(endpoint, call, text);
            case FATAL -> throw new RpcErrorException(endpoint, call, status, abbreviate(body));
        };
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
