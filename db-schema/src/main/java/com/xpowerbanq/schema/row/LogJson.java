package com.xpowerbanq.schema.row;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code log} field of a row: the log object as ethers serialised it, quantities as JSON
 * numbers (the views read {@code log.blockNumber} and {@code log.index} as integers).
 */
@JsonPropertyOrder({
    "_type",
    "address",
    "blockHash",
    "blockNumber",
    "data",
    "index",
    "removed",
    "topics",
    "transactionHash",
    "transactionIndex"
})
public record LogJson(
        String address,
        String blockHash,
        long blockNumber,
        String data,
        int index,
        boolean removed,
        List<String> topics,
        String transactionHash,
        int transactionIndex) {

    public LogJson {
        topics = List.copyOf(topics);
    }

    /** The ethers object's type tag, always {@code "log"}. */
    @JsonProperty(value = "_type", access = JsonProperty.Access.READ_ONLY)
    public String type() {
        return "log";
    }
}
