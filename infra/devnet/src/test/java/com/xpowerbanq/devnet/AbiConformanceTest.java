package com.xpowerbanq.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every function, event and error the emulation shares by name with the protocol's published ABI
 * (test resources reference-abi/, copied from the v10a run, and reference-abi/v10b/ from the v10b
 * run, whose ABIs v10c shares) has exactly its signature: types, indexed flags, event field names,
 * outputs and mutability; and what the system uses is there.
 */
class AbiConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} emulates {1}")
    @CsvSource(
            delimiter = ';',
            value = {
                "Position; position.json; reindex index pool asset decimals name symbol Reindex",
                "Pool; pool.json; supplyOf borrowOf tokens oracle enlisted NotEnlisted",
                "Oracle; oracle.json; retwap refreshed getQuotes getQuote getFeed enlist enlisted"
                        + " name Refresh Enlist AccessManagedUnauthorized Limited MissingQuote",
                "XPower; xpow.json; init currentInterval blockHashOf mint balanceOf decimals symbol"
                        + " Init Transfer ExpiredBlockHash DuplicatePairIndex EmptyNonceHash",
                "Token; erc20.json; name symbol decimals balanceOf transfer totalSupply Transfer",
                "LogPosition; v10b/position.json; reindex index pool asset decimals name symbol"
                        + " Reindex",
                "Pool; v10b/pool.json; supplyOf borrowOf tokens oracle enlisted NotEnlisted",
                "PackedOracle; v10b/oracle.json; retwap refreshed getQuotes getQuote getFeed enlist"
                        + " enlisted name Refresh Enlist AccessManagedUnauthorized Limited"
                        + " MissingQuote",
            })
    void sharedEntriesHaveTheReferenceSignatures(String contract, String reference, String required)
            throws IOException {
        // given
        Map<String, Set<String>> ours = signatures(artifactAbi(contract));
        Map<String, Set<String>> theirs = signatures(read("/reference-abi/" + reference));

        // then
        for (String name : required.split(" ")) {
            assertThat(ours).as("%s lacks %s", contract, name).containsKey(name);
        }
        ours.forEach(
                (name, sigs) -> {
                    if (theirs.containsKey(name)) {
                        assertThat(theirs.get(name))
                                .as("%s.%s must match %s", contract, name, reference)
                                .containsAll(sigs);
                    }
                });
    }

    private static JsonNode artifactAbi(String contract) throws IOException {
        return read("/devnet/artifacts/" + contract + ".json").get("abi");
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = AbiConformanceTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        }
    }

    /** name → full signatures of the entries of that name (functions may be overloaded). */
    private static Map<String, Set<String>> signatures(JsonNode abi) {
        Map<String, Set<String>> byName = new TreeMap<>();
        for (JsonNode entry : abi) {
            String kind = entry.path("type").asText();
            if (!Set.of("function", "event", "error").contains(kind)) {
                continue;
            }
            byName.computeIfAbsent(entry.get("name").asText(), n -> new TreeSet<>())
                    .add(signature(entry));
        }
        return byName;
    }

    private static String signature(JsonNode entry) {
        String kind = entry.get("type").asText();
        StringBuilder sig = new StringBuilder(kind).append(' ').append(entry.get("name").asText());
        sig.append('(').append(params(entry.path("inputs"), kind.equals("event"))).append(')');
        if (kind.equals("function")) {
            sig.append(" -> (").append(params(entry.path("outputs"), false)).append(") ");
            sig.append(entry.path("stateMutability").asText());
        }
        return sig.toString();
    }

    private static String params(JsonNode params, boolean event) {
        return java.util.stream.StreamSupport.stream(params.spliterator(), false)
                .map(
                        p ->
                                type(p)
                                        + (event
                                                ? (p.path("indexed").asBoolean()
                                                                ? " indexed "
                                                                : " ")
                                                        + p.path("name").asText()
                                                : ""))
                .collect(Collectors.joining(","));
    }

    private static String type(JsonNode param) {
        String type = param.get("type").asText();
        if (type.startsWith("tuple")) {
            String inner =
                    java.util.stream.StreamSupport.stream(
                                    param.get("components").spliterator(), false)
                            .map(AbiConformanceTest::type)
                            .collect(Collectors.joining(","));
            return "(" + inner + ")" + type.substring(5);
        }
        return type;
    }
}
