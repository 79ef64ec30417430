package com.xpowerbanq.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Go encoder's number and string format, as the API's mapper writes it. */
class GoJsonTest {

    @ParameterizedTest(name = "{0} is written as Go writes it: {1}")
    @CsvSource({
        "0.5, 0.5",
        "1.0, 1",
        "-2.0, -2",
        "0.0, 0",
        "0.1, 0.1",
        "0.30000000000000004, 0.30000000000000004",
        "150000000000000000, 150000000000000000",
        "1e20, 100000000000000000000",
        "1e21, 1e+21",
        "1.2345e22, 1.2345e+22",
        "1e-6, 0.000001",
        "1e-7, 1e-7",
        "1.5e-7, 1.5e-7",
        "-2.5e-9, -2.5e-9",
        "1e-10, 1e-10",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "123456.789, 123456.789"
    })
    void numbersUseGoShortestForm(double value, String expected) {
        assertThat(GoJson.value(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "string {0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a&b|\"a\\u0026b\"",
                "<x>|\"\\u003cx\\u003e\"",
                "q\"uote|\"q\\\"uote\"",
                "back\\slash|\"back\\\\slash\""
            })
    void stringsEscapeLikeGo(String value, String expected) {
        assertThat(GoJson.value(value)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void randomDoublesMatchAReferenceBuiltOnBigDecimal() {
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 20_000; i++) {
            double value =
                    switch (i % 3) {
                        case 0 -> random.nextDouble();
                        case 1 -> Double.longBitsToDouble(random.nextLong());
                        default -> random.nextDouble() * Math.pow(10, random.nextInt(50) - 25);
                    };
            if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
                continue;
            }
            assertThat(GoJson.value(value)).as("%s", value).isEqualTo(reference(value));
        }
    }

    /** Go's float64 encoding spelled out with BigDecimal: shortest digits, then Go's layout. */
    private static String reference(double value) {
        java.math.BigDecimal shortest =
                new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros();
        double abs = Math.abs(value);
        if (abs >= 1e-6 && abs < 1e21) {
            return shortest.toPlainString();
        }
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String mantissa =
                digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        String exp = exponent < 0 ? "-" + (-exponent) : "+" + String.format("%02d", exponent);
        return (value < 0 ? "-" : "") + mantissa + "e" + exp;
    }

    @org.junit.jupiter.api.Test
    void eachOfManyValuesIsWrittenOnItsOwnWithNothingBetween() {
        assertThat(GoJson.values(java.util.List.of(0.5, "a&b", java.util.List.of(1e21), 1e-7)))
                .containsExactly("0.5", "\"a\\u0026b\"", "[1e+21]", "1e-7");
    }
}
