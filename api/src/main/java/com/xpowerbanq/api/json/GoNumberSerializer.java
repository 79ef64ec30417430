package com.xpowerbanq.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a double as Go's {@code encoding/json} writes a float64: the shortest decimal that reads
 * back as the same double, plain between 1e-6 and 1e21 ({@code 0.5}, {@code 150000000000000000}),
 * else with an exponent of at least one digit ({@code 1e-7}, {@code 1e+21}). See
 * docs/adr/0004-go-number-format.md.
 */
final class GoNumberSerializer extends StdSerializer<Double> {

    GoNumberSerializer() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator out, SerializerProvider provider)
            throws IOException {
        if (value.isNaN() || value.isInfinite()) {
            out.writeNull(); // Go refuses these; null keeps the document valid
        } else {
            out.writeNumber(format(value));
        }
    }

    static String format(double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        Decimal decimal = Decimal.of(value);
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        double abs = Math.abs(value);
        return (abs >= 1e-6 && abs < 1e21 ? decimal.plain(out) : decimal.scientific(out))
                .toString();
    }

    /** The shortest digits of a double, value = 0.DIGITS × 10^point, without sign. */
    private record Decimal(String digits, int point) {

        static Decimal of(double value) {
            // Double.toString gives the shortest decimal that reads back as the same double
            // (JDK 19+), as "123.45" or "1.2345E-7"; only its layout differs from Go's.
            String java = Double.toString(Math.abs(value));
            int e = java.indexOf('E');
            StringBuilder digits = new StringBuilder(24);
            int point;
            if (e < 0) {
                int dot = java.indexOf('.');
                digits.append(java, 0, dot).append(java, dot + 1, java.length());
                point = dot;
            } else {
                digits.append(java.charAt(0)).append(java, 2, e);
                point = 1 + Integer.parseInt(java.substring(e + 1));
            }
            int lead = 0;
            while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
                lead++;
            }
            int end = digits.length();
            while (end > lead + 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            return new Decimal(digits.substring(lead, end), point - lead);
        }

        StringBuilder plain(StringBuilder out) {
            int n = digits.length();
            if (point <= 0) {
                return out.append("0.").append("0".repeat(-point)).append(digits);
            }
            if (point >= n) {
                return out.append(digits).append("0".repeat(point - n));
            }
            return out.append(digits, 0, point).append('.').append(digits, point, n);
        }

        StringBuilder scientific(StringBuilder out) {
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
    }
}
