package com.xpowerbanq.batch.keeper;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xpowerbanq.schema.ContractRun;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.crypto.Hash;

/**
 * The keeper's calls and the index decoders' events against each contract run's published ABI
 * (excerpts in src/test/resources/abi): every run answers the same calls with the same encodings,
 * and emits the events its {@link ContractRun} decodes.
 */
class ProtocolAbiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the keeper calls, by contract: signature → output types. */
    private static final Map<String, Map<String, List<String>>> KEEPER_CALLS =
            Map.of(
                    "position",
                    Map.of("reindex()", List.of()),
                    "pool",
                    Map.of(
                            "supplyOf(address)", List.of("address"),
                            "borrowOf(address)", List.of("address")),
                    "oracle",
                    Map.of(
                            "retwap(address,address)", List.of(),
                            "refreshed(address,address)", List.of("bool"),
                            "getFeed(address,address)", List.of("address", "uint256"),
                            "getQuotes(uint256,address,address)", List.of("uint256", "uint256")));

    @ParameterizedTest
    @EnumSource(ContractRun.class)
    void everyRunAnswersTheKeepersCallsWithTheSameEncodings(ContractRun run) throws IOException {
        for (var contract : KEEPER_CALLS.entrySet()) {
            // given
            Map<String, List<String>> functions = functions(abi(run, contract.getKey()));

            // then
            for (var call : contract.getValue().entrySet()) {
                assertThat(functions)
                        .as("%s %s", run.id(), contract.getKey())
                        .containsEntry(call.getKey(), call.getValue());
            }
        }
        assertThat(ReindexKeeper.REINDEX_CALL).isEqualTo(selector("reindex()"));
    }

    @ParameterizedTest
    @EnumSource(ContractRun.class)
    void everyRunEmitsTheEventsItsDecodersFilterOn(ContractRun run) throws IOException {
        // given
        Map<String, JsonNode> events = events(run);

        // then
        assertThat(signature(events.get("Refresh"))).isEqualTo(run.refreshSignature());
        assertThat(Hash.sha3String(run.refreshSignature())).isEqualTo(run.refreshTopic());
        JsonNode reindex = events.get("Reindex");
        assertThat(signature(reindex)).isEqualTo(ContractRun.REINDEX_SIGNATURE);
        assertThat(Hash.sha3String(ContractRun.REINDEX_SIGNATURE))
                .isEqualTo(ContractRun.REINDEX_TOPIC);
        assertThat(reindex.get("inputs").get(0).get("name").asText())
                .isEqualTo(run.packed() ? "index_log" : "index_ray");
    }

    private static Map<String, JsonNode> events(ContractRun run) throws IOException {
        Map<String, JsonNode> events = new LinkedHashMap<>();
        for (String contract : List.of("oracle", "position")) {
            for (JsonNode entry : abi(run, contract)) {
                if (entry.get("type").asText().equals("event")) {
                    events.put(entry.get("name").asText(), entry);
                }
            }
        }
        return events;
    }

    private static Map<String, List<String>> functions(JsonNode abi) {
        Map<String, List<String>> functions = new LinkedHashMap<>();
        for (JsonNode entry : abi) {
            if (entry.get("type").asText().equals("function")) {
                List<String> outputs = new ArrayList<>();
                entry.get("outputs").forEach(o -> outputs.add(type(o)));
                functions.put(signature(entry), outputs);
            }
        }
        return functions;
    }

    private static String signature(JsonNode entry) {
        List<String> inputs = new ArrayList<>();
        entry.get("inputs").forEach(i -> inputs.add(type(i)));
        return entry.get("name").asText() + "(" + String.join(",", inputs) + ")";
    }

    /** The canonical ABI type: a tuple as its components in parentheses. */
    private static String type(JsonNode parameter) {
        String type = parameter.get("type").asText();
        if (!type.equals("tuple")) {
            return type;
        }
        List<String> components = new ArrayList<>();
        parameter.get("components").forEach(c -> components.add(type(c)));
        return components.stream().collect(Collectors.joining(",", "(", ")"));
    }

    private static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    private static JsonNode abi(ContractRun run, String contract) throws IOException {
        try (InputStream in =
                ProtocolAbiTest.class.getResourceAsStream(
                        "/abi/" + run.id() + "/" + contract + ".json")) {
            return JSON.readTree(in);
        }
    }
}
