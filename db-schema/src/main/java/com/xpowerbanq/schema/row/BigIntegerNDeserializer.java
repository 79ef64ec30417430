package com.xpowerbanq.schema.row;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigInteger;

/** Reads a {@link BigIntegerN} field: {@code "42n"} as 42; anything else is refused. */
final class BigIntegerNDeserializer extends StdDeserializer<BigInteger> {

    BigIntegerNDeserializer() {
        super(BigInteger.class);
    }

    @Override
    public BigInteger deserialize(JsonParser in, DeserializationContext context)
            throws IOException {
        String text = in.getValueAsString();
        if (text == null || !text.endsWith("n")) {
            return (BigInteger)
                    context.handleWeirdStringValue(
                            BigInteger.class, text, "expected a decimal string ending in 'n'");
        }
        try {
            return new BigInteger(text.substring(0, text.length() - 1));
        } catch (NumberFormatException e) {
            return (BigInteger)
                    context.handleWeirdStringValue(
                            BigInteger.class, text, "expected a decimal string ending in 'n'");
        }
    }
}
