package org.lilong.layers.accounts;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What a password must be: at least 10 characters (length is what makes a password strong; no
 * composition rules, as NIST SP 800-63B advises) and at most bcrypt's 72 bytes in UTF-8, so no part
 * of it is silently ignored; no control characters (they do not survive forms and terminals alike).
 */
public final class PasswordPolicy {

    public static final int MIN_CHARACTERS = 10;

    private PasswordPolicy() {
    }

    /** @throws AccountException naming the rule the password breaks */
    public static void check(char[] password) {
        int characters = Character.codePointCount(password, 0, password.length);
        if (characters < MIN_CHARACTERS) {
            throw new AccountException("a password needs at least " + MIN_CHARACTERS + " characters; this one has " + characters);
        }
        int bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining();
        if (bytes > PasswordHasher.MAX_PASSWORD_BYTES) {
            throw new AccountException("a password may be at most " + PasswordHasher.MAX_PASSWORD_BYTES
                    + " bytes in UTF-8 (bcrypt ignores the rest); this one has " + bytes);
        }
        for (char c : password) {
            if (Character.isISOControl(c)) {
                throw new AccountException("a password may not contain control characters");
            }
        }
    }
}
