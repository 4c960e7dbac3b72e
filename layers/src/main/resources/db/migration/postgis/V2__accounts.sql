-- Accounts and API tokens (org.lilong.layers.accounts), in the same database as the layers so a
-- deployment has one thing to back up. Passwords are bcrypt hashes; token secrets are kept only as
-- SHA-256 hex (256-bit random secrets need no slow hash). session_epoch rises when a password
-- changes or an account is disabled, which ends the sessions made before.
CREATE TABLE lilong_accounts (
    username       text PRIMARY KEY,
    role           text NOT NULL CHECK (role IN ('planner', 'editor', 'admin')),
    scopes         text NOT NULL DEFAULT '',
    disabled       boolean NOT NULL DEFAULT false,
    created        timestamptz NOT NULL,
    session_epoch  bigint NOT NULL DEFAULT 0,
    password_hash  text NOT NULL,
    CHECK (role = 'editor' OR scopes = '')
);

CREATE TABLE lilong_api_tokens (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username     text NOT NULL REFERENCES lilong_accounts (username),
    label        text NOT NULL,
    secret_hash  text NOT NULL UNIQUE,
    created      timestamptz NOT NULL,
    revoked      boolean NOT NULL DEFAULT false
);

-- Logins, shared by every server on the database: the cookie's secret only as SHA-256 hex.
CREATE TABLE lilong_sessions (
    id_hash        text PRIMARY KEY,
    username       text NOT NULL REFERENCES lilong_accounts (username),
    session_epoch  bigint NOT NULL,
    csrf_token     text NOT NULL,
    created        timestamptz NOT NULL,
    expires        timestamptz NOT NULL
);
CREATE INDEX lilong_sessions_expires ON lilong_sessions (expires);
