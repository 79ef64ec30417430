package com.xpowerbanq.schema.row;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigInteger;

/** Writes a {@link BigIntegerN} field: {@code 42} as {@code "42n"}. */
final class BigIntegerNSerializer extends StdSerializer<BigInteger> {

    BigIntegerNSerializer() {
        super(BigInteger.class);
    }

    @Override
    public void serialize(BigInteger value, JsonGenerator out, SerializerProvider provider)
            throws IOException {
        out.writeString(value.toString() + 'n');
    }
}
