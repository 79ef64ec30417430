package com.xpowerbanq.api.json;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The string escapes of the Go encoder the original API used: {@code <}, {@code >}, {@code &}
 * (HTML-safe), U+2028, U+2029 and every control character but newline, return and tab are written
 * as a backslash, {@code u} and four lower-case hex digits.
 */
final class GoCharacterEscapes extends CharacterEscapes {
    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private final int[] ascii = standardAsciiEscapesForJSON();

    GoCharacterEscapes() {
        for (char c : new char[] {'<', '>', '&', '\b', '\f'}) {
            ascii[c] = ESCAPE_STANDARD;
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return switch (ch) {
            case '\u2028' -> LINE_SEPARATOR;
            case '\u2029' -> PARAGRAPH_SEPARATOR;
            default -> null;
        };
    }
}
