package com.xpowerbanq.api;

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
        // Double.toString gives the shortest decimal that reads back as the same double (JDK 19+),
        // as "123.45" or "1.2345E-7"; only its layout differs from Go's.
        String java = Double.toString(value);
        int start = value < 0 ? 1 : 0;
        int e = java.indexOf('E');
        StringBuilder digits = new StringBuilder(24);
        int point;
        if (e < 0) {
            int dot = java.indexOf('.');
            digits.append(java, start, dot).append(java, dot + 1, java.length());
            point = dot - start;
        } else {
            digits.append(java.charAt(start)).append(java, start + 2, e);
            point = 1 + Integer.parseInt(java.substring(e + 1));
        }
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        digits.delete(0, lead);
        point -= lead;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits.setLength(end);
        // value = 0.DIGITS × 10^point
        if (value < 0) {
            out.append('-');
        }
        double abs = Math.abs(value);
        if (abs >= 1e-6 && abs < 1e21) {
            return plain(out, digits, point);
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        int exponent = point - 1;
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        // strconv writes at least two exponent digits; encoding/json trims e-07 to e-7 only
        if (magnitude < 10 && exponent > 0) {
            out.append('0');
        }
        return out.append(magnitude);
    }

    private static StringBuilder plain(StringBuilder out, CharSequence digits, int point) {
        int n = digits.length();
        if (point <= 0) {
            out.append("0.");
            for (int i = point; i < 0; i++) {
                out.append('0');
            }
            return out.append(digits);
        }
        if (point >= n) {
            out.append(digits);
            for (int i = n; i < point; i++) {
                out.append('0');
            }
            return out;
        }
        return out.append(digits, 0, point).append('.').append(digits, point, n);
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
