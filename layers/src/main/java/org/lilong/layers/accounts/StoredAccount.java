package org.lilong.layers.accounts;

/** An account as the store holds it: with the bcrypt hash of its password. */
public record StoredAccount(Account account, String passwordHash) {
}
