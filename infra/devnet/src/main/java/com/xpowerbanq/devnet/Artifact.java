package com.xpowerbanq.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A compiled devnet contract (committed under resources devnet/artifacts by build-contracts.sh).
 */
record Artifact(String name, JsonNode abi, String bytecode) {

    static final String DIRECTORY = "/devnet/artifacts/";

    private static final java.util.Map<String, Artifact> LOADED =
            new java.util.concurrent.ConcurrentHashMap<>();

    static Artifact load(String name) {
        return LOADED.computeIfAbsent(name, Artifact::read);
    }

    private static Artifact read(String name) {
        String resource = DIRECTORY + name + ".json";
        try (InputStream in = Artifact.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DevnetException(
                        "missing contract artifact " + resource + ": run build-contracts.sh");
            }
            JsonNode json = new ObjectMapper().readTree(in);
            return new Artifact(name, json.get("abi"), json.get("bytecode").asText());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read contract artifact " + resource, e);
        }
    }
}
