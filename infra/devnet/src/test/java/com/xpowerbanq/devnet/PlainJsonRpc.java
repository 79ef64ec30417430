package com.xpowerbanq.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** JSON-RPC over plain HTTP, without web3j, as an independent reader of what the devnet holds. */
final class PlainJsonRpc {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private int id;

    PlainJsonRpc(String url) {
        this.endpoint = URI.create(url);
    }

    /** The whole response object: "result" or "error". */
    JsonNode call(String method, Object... params) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0").put("id", ++id).put("method", method);
        request.set("params", JSON.valueToTree(List.of(params)));
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(endpoint)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(request.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    JsonNode result(String method, Object... params) throws IOException, InterruptedException {
        JsonNode response = call(method, params);
        if (response.has("error")) {
            throw new IllegalStateException(method + " failed: " + response.get("error"));
        }
        return response.get("result");
    }

    /** eth_getLogs of one event signature (topic 0) at an address over a block range. */
    JsonNode logs(String address, String eventSignature, long fromBlock, long toBlock)
            throws IOException, InterruptedException {
        ObjectNode filter = JSON.createObjectNode();
        filter.put("address", address)
                .put("fromBlock", Numeric.encodeQuantity(BigInteger.valueOf(fromBlock)))
                .put("toBlock", Numeric.encodeQuantity(BigInteger.valueOf(toBlock)));
        filter.putArray("topics").add(topic(eventSignature));
        return result("eth_getLogs", filter);
    }

    /** eth_call answer data, or the revert data when the call reverts. */
    String ethCall(String to, String data) throws IOException, InterruptedException {
        ObjectNode tx = JSON.createObjectNode().put("to", to).put("data", data);
        JsonNode response = call("eth_call", tx, "latest");
        if (response.has("error")) {
            return "revert:" + response.get("error").path("data").asText("");
        }
        return response.get("result").asText();
    }

    static String topic(String eventSignature) {
        return Hash.sha3String(eventSignature);
    }

    static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    /** The n-th 32-byte word of hex data (0x-prefixed). */
    static BigInteger word(String data, int n) {
        String hex = Numeric.cleanHexPrefix(data);
        return new BigInteger(hex.substring(64 * n, 64 * (n + 1)), 16);
    }

    /** A single ABI-encoded string return value. */
    static String string(String data) {
        int length = word(data, 1).intValueExact();
        byte[] bytes = Numeric.hexStringToByteArray(Numeric.cleanHexPrefix(data).substring(128));
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.UTF_8);
    }

    static long number(JsonNode hexQuantity) {
        return Numeric.toBigInt(hexQuantity.asText()).longValueExact();
    }

    /** The timestamp of a block. */
    long blockTime(long block) throws IOException, InterruptedException {
        return number(
                result(
                                "eth_getBlockByNumber",
                                Numeric.toHexStringWithPrefix(BigInteger.valueOf(block)),
                                false)
                        .get("timestamp"));
    }
}
