package org.lilong.layers.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The accounts of a deployment and the rules about them: username and password policies, bcrypt
 * hashing, sub-district scopes that exist, logins that take as long whether or not the account
 * exists, and API tokens whose secrets are stored only as SHA-256 hashes (a 256-bit random secret
 * needs no slow hash: there is nothing to guess).
 */
public final class Accounts {

    /** Prefix of every token secret, so that one pasted in the wrong place is recognisable. */
    public static final String TOKEN_PREFIX = "llt_";

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Supplier<Set<String>> subdistrictCodes;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Verified against when the username is unknown, so the answer takes the same time; made on first use. */
    private volatile String decoyHash;

    /**
     * @param subdistrictCodes the codes an editor's scope may name (the sub-districts layer's codes)
     */
    public Accounts(AccountStore store, PasswordHasher hasher, Supplier<Set<String>> subdistrictCodes, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.subdistrictCodes = subdistrictCodes;
        this.clock = clock;
    }

    private String decoyHash() {
        String decoy = decoyHash;
        if (decoy == null) {
            decoy = hasher.hash("decoy password, never valid".toCharArray());
            decoyHash = decoy;
        }
        return decoy;
    }

    /**
     * Creates an account.
     *
     * @param scopes sub-district codes; required for an editor, refused for other roles
     * @throws AccountException when a policy refuses it or the username is taken; nothing is stored
     */
    public Account add(String username, char[] password, Role role, Set<String> scopes) {
        UsernamePolicy.check(username);
        PasswordPolicy.check(password);
        checkScopes(role, scopes);
        Account account = new Account(username, role, scopes, false, clock.instant(), 0);
        store.insert(account, hasher.hash(password));
        return account;
    }

    private void checkScopes(Role role, Set<String> scopes) {
        if (role == Role.EDITOR && scopes.isEmpty()) {
            throw new AccountException("an editor needs at least one sub-district code in scope");
        }
        if (role != Role.EDITOR && !scopes.isEmpty()) {
            throw new AccountException("only editors have a sub-district scope; a " + role.code() + " may not");
        }
        for (String code : scopes) {
            if (code.isBlank() || code.contains(",")) {
                throw new AccountException("a sub-district code in scope may not be blank or contain ',': '" + code + "'");
            }
        }
        Set<String> unknown = new TreeSet<>(scopes);
        unknown.removeAll(subdistrictCodes.get());
        if (!unknown.isEmpty()) {
            throw new AccountException("no sub-district has the code " + String.join(", ", unknown)
                    + "; known codes: " + String.join(", ", new TreeSet<>(subdistrictCodes.get())));
        }
    }

    /** The enabled account with this username and password, if both are right. */
    public Optional<Account> authenticate(String username, char[] password) {
        Optional<StoredAccount> stored = username == null ? Optional.empty() : store.find(username);
        boolean matches = hasher.verify(password, stored.map(StoredAccount::passwordHash).orElseGet(this::decoyHash));
        return stored.filter(s -> matches && !s.account().disabled()).map(StoredAccount::account);
    }

    /** The account as stored now (sessions re-check it on every request). */
    public Optional<Account> find(String username) {
        return store.find(username).map(StoredAccount::account);
    }

    public List<Account> list() {
        return store.list();
    }

    /** Sets a new password, ending the account's sessions. @throws AccountException when refused */
    public void changePassword(String username, char[] password) {
        PasswordPolicy.check(password);
        store.updatePassword(username, hasher.hash(password));
    }

    /** Disables the account, ending its sessions; its tokens stop working until it is enabled again. */
    public void disable(String username) {
        store.setDisabled(username, true);
    }

    public void enable(String username) {
        store.setDisabled(username, false);
    }

    /** Issues a token for the account; the returned secret is not kept anywhere. */
    public IssuedToken issueToken(String username, String label) {
        if (store.find(username).isEmpty()) {
            throw new AccountException("no account is called '" + username + "'");
        }
        String secret = TOKEN_PREFIX + randomSecret();
        String cleanLabel = label == null ? "" : label.strip();
        Instant created = clock.instant();
        long id = store.insertToken(username, cleanLabel, secretHash(secret), created);
        return new IssuedToken(new ApiToken(id, username, cleanLabel, created, false), secret);
    }

    /** The enabled account a live (not revoked) token belongs to. */
    public Optional<Account> authenticateToken(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return store.findToken(secretHash(secret))
                .filter(t -> !t.revoked())
                .flatMap(t -> find(t.username()))
                .filter(a -> !a.disabled());
    }

    public List<ApiToken> tokensOf(String username) {
        return store.tokensOf(username);
    }

    /** @return false when there is no such live token */
    public boolean revokeToken(long id) {
        return store.revokeToken(id);
    }

    /**
     * Starts a session for an account just authenticated: a fresh random id (never one the client
     * offered, so a planted cookie cannot be promoted: no session fixation) and a fresh CSRF token.
     */
    public LoggedIn startSession(Account account, Duration lifetime) {
        String secret = randomSecret();
        String csrfToken = randomSecret();
        Instant now = clock.instant();
        store.insertSession(new Session(secretHash(secret), account.username(), account.sessionEpoch(),
                csrfToken, now, now.plus(lifetime)));
        return new LoggedIn(account, csrfToken, secret);
    }

    /**
     * The live session with this cookie secret: not expired, its account enabled and unchanged in
     * epoch (no password change or disabling since). Re-reads the account, so a change made on
     * another server sharing the database counts at once.
     */
    public Optional<LoggedIn> session(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return store.findSession(secretHash(secret))
                .filter(s -> s.expires().isAfter(now))
                .flatMap(s -> find(s.username())
                        .filter(a -> !a.disabled() && a.sessionEpoch() == s.sessionEpoch())
                        .map(a -> new LoggedIn(a, s.csrfToken(), null)));
    }

    /** Ends the session (logout); unknown secrets are ignored. */
    public void endSession(String secret) {
        if (secret != null && !secret.isEmpty()) {
            store.deleteSession(secretHash(secret));
        }
    }

    /** Forgets expired sessions; a server calls it now and then. @return how many */
    public int forgetExpiredSessions() {
        return store.deleteExpiredSessions(clock.instant());
    }

    private String randomSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String secretHash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
