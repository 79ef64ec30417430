package com.xpowerbanq.api;

import java.math.BigDecimal;

/**
 * Writes JSON text the way Go's {@code encoding/json} does, which the original API used: numbers in
 * their shortest round-trip form ({@code 0.5}, {@code 1e-7}, {@code 1e+21}) and strings with {@code
 * <}, {@code >} and {@code &} escaped.
 */
final class GoJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {}

    static StringBuilder number(StringBuilder out, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return out.append("null"); // Go refuses these; null keeps the document valid
        }
        if (value == 0) {
            return out.append(1 / value < 0 ? "-0" : "0");
        }
        double abs = Math.abs(value);
        // Double.toString gives the shortest decimal that reads back as the same double
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (abs >= 1e-6 && abs < 1e21) {
            return out.append(shortest.toPlainString());
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        if (value < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        // strconv writes at least two exponent digits; encoding/json trims e-07 to e-7 only
        if (magnitude < 10 && exponent > 0) {
            out.append('0');
        }
        return out.append(magnitude);
    }

    static StringBuilder string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20
                            || c == '<'
                            || c == '>'
                            || c == '&'
                            || c == '\u2028'
                            || c == '\u2029') {
                        out.append("\\u")
                                .append(HEX[(c >> 12) & 0xF])
                                .append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF])
                                .append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** The body of an error answer: {@code {"error":"…"}} and the newline Go's encoder adds. */
    static String error(String message) {
        return string(new StringBuilder("{\"error\":"), message).append("}\n").toString();
    }
}
