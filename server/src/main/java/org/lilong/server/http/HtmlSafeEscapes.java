package org.lilong.server.http;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;

/**
 * JSON string escapes that also write {@code <}, {@code >}, {@code &} and {@code '} as {@code \u003C}
 * and the like: the same data, but no markup even where a body is mistaken for HTML. Non-ASCII text
 * (Chinese names) is left as it is.
 */
final class HtmlSafeEscapes extends CharacterEscapes {

    static final HtmlSafeEscapes INSTANCE = new HtmlSafeEscapes();

    private final int[] asciiEscapes;

    private HtmlSafeEscapes() {
        asciiEscapes = standardAsciiEscapesForJSON();
        for (char c : new char[] {'<', '>', '&', '\''}) {
            asciiEscapes[c] = ESCAPE_STANDARD;
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return null;
    }
}
