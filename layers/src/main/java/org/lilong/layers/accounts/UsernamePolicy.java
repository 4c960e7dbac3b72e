package org.lilong.layers.accounts;

import java.util.regex.Pattern;

/**
 * What a username may be: 2–64 letters (any script: 张伟 is fine), digits, '.', '_' or '-', starting
 * with a letter or digit. Nothing that needs escaping in a URL path, a cookie or a log line.
 */
public final class UsernamePolicy {

    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{1,63}");

    private UsernamePolicy() {
    }

    /** @throws AccountException naming what is wrong */
    public static void check(String username) {
        if (username == null || !ALLOWED.matcher(username).matches()) {
            throw new AccountException("a username is 2–64 letters, digits, '.', '_' or '-', starting with a letter or digit: "
                    + (username == null ? "none given" : "'" + printable(username) + "'"));
        }
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(64).forEach(cp -> {
            if (Character.isISOControl(cp)) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
