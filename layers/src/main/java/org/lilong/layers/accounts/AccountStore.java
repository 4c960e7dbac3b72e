package org.lilong.layers.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where accounts and API tokens are kept: the same GeoPackage file or PostGIS database as the layers,
 * so a deployment has one thing to back up. Every method is one transaction.
 *
 * @see Accounts the rules (policies, hashing) live there, not here
 */
public interface AccountStore {

    /** Every account, by username. */
    List<Account> list();

    Optional<StoredAccount> find(String username);

    /** @throws AccountException when the username is taken */
    void insert(Account account, String passwordHash);

    /** Replaces the hash and raises the session epoch. @throws AccountException for an unknown username */
    void updatePassword(String username, String passwordHash);

    /** Raises the session epoch when disabling. @throws AccountException for an unknown username */
    void setDisabled(String username, boolean disabled);

    /** @return the new token's id */
    long insertToken(String username, String label, String secretHash, Instant created);

    /** The token with this secret hash, revoked or not. */
    Optional<ApiToken> findToken(String secretHash);

    List<ApiToken> tokensOf(String username);

    /** @return false when there is no such token or it was already revoked */
    boolean revokeToken(long id);

    /** @throws AccountException when the session's account does not exist */
    void insertSession(Session session);

    Optional<Session> findSession(String idHash);

    void deleteSession(String idHash);

    /** Forgets sessions that expired before {@code now}. @return how many */
    int deleteExpiredSessions(Instant now);
}
