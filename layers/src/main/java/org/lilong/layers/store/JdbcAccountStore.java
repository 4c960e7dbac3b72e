package org.lilong.layers.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lilong.layers.accounts.Account;
import org.lilong.layers.accounts.AccountException;
import org.lilong.layers.accounts.AccountStore;
import org.lilong.layers.accounts.ApiToken;
import org.lilong.layers.accounts.Role;
import org.lilong.layers.accounts.Session;
import org.lilong.layers.accounts.StoredAccount;

/**
 * {@link AccountStore} over the tables {@code lilong_accounts}, {@code lilong_api_tokens} and
 * {@code lilong_sessions}, in
 * SQL that SQLite (the GeoPackage) and PostgreSQL both speak; the two stores differ only in how they
 * lend a connection and how a timestamp is bound ({@link InstantColumns}). Each method is one statement,
 * so one transaction, in autocommit.
 */
public final class JdbcAccountStore implements AccountStore {

    /** How a store lends its connection (and serialises access where it has only one). */
    @FunctionalInterface
    public interface ConnectionLender {
        <T> T withConnection(SqlWork<T> work) throws SQLException;
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final String ACCOUNT_COLUMNS = "username, role, scopes, disabled, created, session_epoch, password_hash";
    private static final String TOKEN_COLUMNS = "id, username, label, created, revoked";

    private final ConnectionLender lender;
    private final InstantColumns dialect;
    private final String where;

    /** @param where names the store in error messages */
    public JdbcAccountStore(ConnectionLender lender, InstantColumns dialect, String where) {
        this.lender = lender;
        this.dialect = dialect;
        this.where = where;
    }

    @Override
    public List<Account> list() {
        return run("read the accounts", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + ACCOUNT_COLUMNS + " FROM lilong_accounts ORDER BY username");
                 ResultSet rows = statement.executeQuery()) {
                List<Account> accounts = new ArrayList<>();
                while (rows.next()) {
                    accounts.add(account(rows).account());
                }
                return accounts;
            }
        });
    }

    @Override
    public Optional<StoredAccount> find(String username) {
        return run("read an account", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + ACCOUNT_COLUMNS + " FROM lilong_accounts WHERE username = ?")) {
                statement.setString(1, username);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(account(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void insert(Account account, String passwordHash) {
        int inserted = run("add an account", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO lilong_accounts (" + ACCOUNT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
                statement.setString(1, account.username());
                statement.setString(2, account.role().code());
                statement.setString(3, String.join(",", account.scopes()));
                statement.setBoolean(4, account.disabled());
                dialect.setInstant(statement, 5, account.created());
                statement.setLong(6, account.sessionEpoch());
                statement.setString(7, passwordHash);
                return statement.executeUpdate();
            }
        });
        if (inserted == 0) {
            throw new AccountException("the username '" + account.username() + "' is taken");
        }
    }

    @Override
    public void updatePassword(String username, String passwordHash) {
        int updated = run("change a password", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE lilong_accounts SET password_hash = ?, session_epoch = session_epoch + 1 WHERE username = ?")) {
                statement.setString(1, passwordHash);
                statement.setString(2, username);
                return statement.executeUpdate();
            }
        });
        requireOne(updated, username);
    }

    @Override
    public void setDisabled(String username, boolean disabled) {
        int updated = run(disabled ? "disable an account" : "enable an account", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE lilong_accounts SET disabled = ?,"
                    + " session_epoch = session_epoch + CASE WHEN ? THEN 1 ELSE 0 END WHERE username = ?")) {
                statement.setBoolean(1, disabled);
                statement.setBoolean(2, disabled);
                statement.setString(3, username);
                return statement.executeUpdate();
            }
        });
        requireOne(updated, username);
    }

    @Override
    public long insertToken(String username, String label, String secretHash, Instant created) {
        Long id = run("issue a token", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO lilong_api_tokens"
                    + " (username, label, secret_hash, created, revoked)"
                    + " SELECT username, ?, ?, ?, ? FROM lilong_accounts WHERE username = ? RETURNING id")) {
                statement.setString(1, label);
                statement.setString(2, secretHash);
                dialect.setInstant(statement, 3, created);
                statement.setBoolean(4, false);
                statement.setString(5, username);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : null;
                }
            }
        });
        if (id == null) {
            throw new AccountException("no account is called '" + username + "'");
        }
        return id;
    }

    @Override
    public Optional<ApiToken> findToken(String secretHash) {
        return run("read a token", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + TOKEN_COLUMNS + " FROM lilong_api_tokens WHERE secret_hash = ?")) {
                statement.setString(1, secretHash);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() ? Optional.of(token(rows)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<ApiToken> tokensOf(String username) {
        return run("read tokens", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + TOKEN_COLUMNS + " FROM lilong_api_tokens WHERE username = ? ORDER BY id")) {
                statement.setString(1, username);
                try (ResultSet rows = statement.executeQuery()) {
                    List<ApiToken> tokens = new ArrayList<>();
                    while (rows.next()) {
                        tokens.add(token(rows));
                    }
                    return tokens;
                }
            }
        });
    }

    @Override
    public boolean revokeToken(long id) {
        return run("revoke a token", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE lilong_api_tokens SET revoked = ? WHERE id = ? AND revoked = ?")) {
                statement.setBoolean(1, true);
                statement.setLong(2, id);
                statement.setBoolean(3, false);
                return statement.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void insertSession(Session session) {
        int inserted = run("start a session", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO lilong_sessions"
                    + " (id_hash, username, session_epoch, csrf_token, created, expires)"
                    + " SELECT ?, username, ?, ?, ?, ? FROM lilong_accounts WHERE username = ?")) {
                statement.setString(1, session.idHash());
                statement.setLong(2, session.sessionEpoch());
                statement.setString(3, session.csrfToken());
                dialect.setInstant(statement, 4, session.created());
                dialect.setInstant(statement, 5, session.expires());
                statement.setString(6, session.username());
                return statement.executeUpdate();
            }
        });
        requireOne(inserted, session.username());
    }

    @Override
    public Optional<Session> findSession(String idHash) {
        return run("read a session", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id_hash, username, session_epoch,"
                    + " csrf_token, created, expires FROM lilong_sessions WHERE id_hash = ?")) {
                statement.setString(1, idHash);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next()
                            ? Optional.of(new Session(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                                    dialect.getInstant(rows, 5), dialect.getInstant(rows, 6)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public void deleteSession(String idHash) {
        run("end a session", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM lilong_sessions WHERE id_hash = ?")) {
                statement.setString(1, idHash);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public int deleteExpiredSessions(Instant now) {
        return run("forget expired sessions", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("DELETE FROM lilong_sessions WHERE expires <= ?")) {
                dialect.setInstant(statement, 1, now);
                return statement.executeUpdate();
            }
        });
    }

    private StoredAccount account(ResultSet rows) throws SQLException {
        String scopes = rows.getString(3);
        Set<String> codes = scopes == null || scopes.isEmpty() ? Set.of()
                : Arrays.stream(scopes.split(",")).collect(Collectors.toSet());
        Role role = Role.ofCode(rows.getString(2))
                .orElseThrow(() -> new StoreException("an account in " + where + " has an unknown role: " + safe(rows, 2)));
        Account account = new Account(rows.getString(1), role, codes, rows.getBoolean(4), dialect.getInstant(rows, 5), rows.getLong(6));
        return new StoredAccount(account, rows.getString(7));
    }

    private static String safe(ResultSet rows, int index) {
        try {
            return rows.getString(index);
        } catch (SQLException e) {
            return "?";
        }
    }

    private ApiToken token(ResultSet rows) throws SQLException {
        return new ApiToken(rows.getLong(1), rows.getString(2), rows.getString(3), dialect.getInstant(rows, 4), rows.getBoolean(5));
    }

    private static void requireOne(int updated, String username) {
        if (updated == 0) {
            throw new AccountException("no account is called '" + username + "'");
        }
    }

    private <T> T run(String what, SqlWork<T> work) {
        try {
            return lender.withConnection(work);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + " in " + where + ": " + e.getMessage(), e);
        }
    }
}
