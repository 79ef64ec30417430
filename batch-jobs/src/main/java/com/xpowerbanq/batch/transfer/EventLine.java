package com.xpowerbanq.batch.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.xpowerbanq.batch.index.SeriesRow;
import com.xpowerbanq.schema.Kind;

/**
 * One line of the original's JSON lines: a row of {@code raw_logs} as its importer stored it, the
 * line itself being the json column. Checked for what the database relies on: an object with its
 * id, the series' event name as filter, and the event's block number and log index.
 */
final class EventLine {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventLine() {}

    /**
     * The row the line stands for, the line kept byte for byte as its JSON.
     *
     * @throws MalformedLineException naming the line number and what is wrong
     */
    static SeriesRow parse(String line, long number, Kind kind) {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new MalformedLineException(number, "not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new MalformedLineException(number, "not a JSON object");
        }
        String id = node.path("id").asText("");
        if (!node.path("id").isTextual() || id.isBlank()) {
            throw new MalformedLineException(number, "no \"id\" string");
        }
        if (!kind.eventName().equals(node.path("filter").asText())) {
            throw new MalformedLineException(
                    number,
                    "filter is "
                            + node.path("filter")
                            + ", a "
                            + kind
                            + " series holds \""
                            + kind.eventName()
                            + "\" events");
        }
        JsonNode log = node.path("log");
        if (!log.path("blockNumber").canConvertToLong() || !log.path("index").canConvertToInt()) {
            throw new MalformedLineException(
                    number, "no numeric \"log.blockNumber\" and \"log.index\"");
        }
        return new SeriesRow(
                id, line, log.path("blockNumber").longValue(), log.path("index").intValue());
    }
}
