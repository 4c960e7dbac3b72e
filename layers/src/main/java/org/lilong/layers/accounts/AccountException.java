package org.lilong.layers.accounts;

/**
 * A request about accounts that cannot be carried out as asked (a taken or unknown username, a
 * password the policy refuses, an unknown sub-district); nothing was changed. The message is meant
 * for the person who asked.
 */
public class AccountException extends RuntimeException {

    public AccountException(String message) {
        super(message);
    }
}
