package com.xpowerbanq.schema.row;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code BigInteger} written as the original wrote JavaScript's BigInt: a decimal string with a
 * trailing {@code n} ({@code "1000000000000000000n"}), read back the same way.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSerialize(using = BigIntegerNSerializer.class)
@JsonDeserialize(using = BigIntegerNDeserializer.class)
public @interface BigIntegerN {}
