package com.xpowerbanq.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes answers as the original API's Go encoder did, on Jackson: numbers by {@link
 * GoNumberSerializer}, strings by {@link GoCharacterEscapes}, lower-case hex in escapes, and a
 * newline after each document as {@code json.Encoder} writes it. Key order comes from each record's
 * {@code @JsonPropertyOrder}.
 */
public final class GoJson {
    private static final JsonMapper MAPPER = mapper();

    private GoJson() {}

    private static JsonMapper mapper() {
        GoNumberSerializer numbers = new GoNumberSerializer();
        JsonMapper mapper =
                JsonMapper.builder()
                        .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                        .addModule(
                                new SimpleModule("go-json")
                                        .addSerializer(Double.class, numbers)
                                        .addSerializer(double.class, numbers))
                        .build();
        mapper.getFactory().setCharacterEscapes(new GoCharacterEscapes());
        return mapper;
    }

    /** {@code value} as one JSON value, no newline: a part of a larger document. */
    public static String value(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Each of {@code values} as its own JSON value, no newline; one generator writes them all,
     * which costs a fraction of writing each on its own.
     */
    public static List<String> values(List<?> values) {
        StringWriter out = new StringWriter();
        List<String> texts = new ArrayList<>(values.size());
        try (JsonGenerator generator = MAPPER.createGenerator(out)) {
            generator.setRootValueSeparator(null);
            for (Object value : values) {
                MAPPER.writeValue(generator, value);
                generator.flush();
                texts.add(out.toString());
                out.getBuffer().setLength(0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** {@code value} as a whole answer body: the JSON value and a newline. */
    public static String document(Object value) {
        return value(value) + "\n";
    }

    /** The body of an error answer: {@code {"error":"…"}} and a newline. */
    public static String error(String message) {
        return document(Map.of("error", message));
    }
}
