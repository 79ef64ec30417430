package com.xpowerbanq.schema.row;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes and reads the JSON of {@code raw_logs} rows: the one place rows become text, so every
 * writer, bench and test produces the same bytes.
 */
public final class RowJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer();

    private RowJson() {}

    /** The row's JSON, keys in the original's order. */
    public static String write(Row row) {
        try {
            return WRITER.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the row " + row.id() + ": " + e, e);
        }
    }

    /** Reads a row of the given kind; throws naming what is wrong with the JSON. */
    public static <T extends Row> T read(String json, Class<T> kind) {
        ObjectReader reader = MAPPER.readerFor(kind);
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "not a " + kind.getSimpleName() + " row: " + e.getOriginalMessage(), e);
        }
    }
}
