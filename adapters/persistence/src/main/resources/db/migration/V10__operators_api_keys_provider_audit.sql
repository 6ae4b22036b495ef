-- The provider's side (spec §11): named operators with roles and a second factor, their console sessions, recovery
-- codes and passkeys; named API keys; operators as recipients of the notification pipeline; an audit that says who.

CREATE TABLE operator (
    id                  UUID                     NOT NULL,
    email               VARCHAR(254)             NOT NULL,
    -- lower-case address: unique among operators in any letter case, even under concurrent invitations
    email_key           VARCHAR(254)             NOT NULL,
    name                VARCHAR(100)             NOT NULL,
    role                VARCHAR(16)              NOT NULL,
    status              VARCHAR(16)              NOT NULL,
    language            VARCHAR(8)               NOT NULL,
    time_zone           VARCHAR(64)              NOT NULL,
    password_hash       VARCHAR(255),
    -- The authenticator's secret (and one being enrolled), sealed with AES-256-GCM under the installation's secrets
    -- key: never in clear. The last accepted time step makes each code good once.
    totp_secret         VARCHAR(200),
    pending_totp_secret VARCHAR(200),
    totp_last_step      BIGINT                   NOT NULL,
    last_sign_in_at     TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL,
    CONSTRAINT pk_operator PRIMARY KEY (id),
    CONSTRAINT uq_operator_email UNIQUE (email_key),
    CONSTRAINT ck_operator_role CHECK (role IN ('SUPPORT', 'BILLING', 'ADMIN')),
    CONSTRAINT ck_operator_status CHECK (status IN ('INVITED', 'ACTIVE', 'DISABLED'))
);

-- One row that every change able to take an administrator away (a role change, disabling) locks first: the count
-- of active administrators it then reads cannot change under it, so the last one always remains.
CREATE TABLE operator_roster_lock (
    id INTEGER NOT NULL,
    CONSTRAINT pk_operator_roster_lock PRIMARY KEY (id)
);
INSERT INTO operator_roster_lock (id) VALUES (1);

-- Console sessions: stored as SHA-256; half-way (password proved, second factor or enrolment to come) or full.
CREATE TABLE console_session (
    token_hash       CHAR(64)                 NOT NULL,
    operator_id      UUID                     NOT NULL,
    stage            VARCHAR(16)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    second_factor_at TIMESTAMP WITH TIME ZONE,
    -- the WebAuthn challenge the session was last given (base64url), single use
    challenge        VARCHAR(64),
    CONSTRAINT pk_console_session PRIMARY KEY (token_hash),
    CONSTRAINT fk_console_session_operator FOREIGN KEY (operator_id) REFERENCES operator (id),
    CONSTRAINT ck_console_session_stage CHECK (stage IN ('SECOND_FACTOR', 'ENROLMENT', 'FULL'))
);
CREATE INDEX ix_console_session_operator ON console_session (operator_id);

-- Recovery codes: only their SHA-256, each usable once.
CREATE TABLE operator_recovery_code (
    code_hash   CHAR(64)                 NOT NULL,
    operator_id UUID                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_operator_recovery_code PRIMARY KEY (code_hash),
    CONSTRAINT fk_operator_recovery_code_operator FOREIGN KEY (operator_id) REFERENCES operator (id)
);
CREATE INDEX ix_operator_recovery_code_operator ON operator_recovery_code (operator_id);

-- Passkeys: the credential id (base64url), what checks its signatures (a public key: no secret), its counter.
CREATE TABLE passkey (
    credential_id   VARCHAR(1400)            NOT NULL,
    operator_id     UUID                     NOT NULL,
    name            VARCHAR(100)             NOT NULL,
    verifier_record VARCHAR(4000)            NOT NULL,
    sign_count      BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_passkey PRIMARY KEY (credential_id),
    CONSTRAINT fk_passkey_operator FOREIGN KEY (operator_id) REFERENCES operator (id)
);
CREATE INDEX ix_passkey_operator ON passkey (operator_id);

-- Named API keys, and their secrets as SHA-256: the current one (valid_until NULL) and rotated-out ones in grace.
CREATE TABLE api_key (
    id              UUID                     NOT NULL,
    name            VARCHAR(100)             NOT NULL,
    role            VARCHAR(16)              NOT NULL,
    prefix          VARCHAR(16)              NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by_kind VARCHAR(16)              NOT NULL,
    created_by_id   UUID,
    created_by_name VARCHAR(254)             NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    last_used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_key PRIMARY KEY (id),
    CONSTRAINT ck_api_key_role CHECK (role IN ('SUPPORT', 'BILLING', 'ADMIN'))
);
CREATE TABLE api_key_secret (
    secret_hash CHAR(64)                 NOT NULL,
    key_id      UUID                     NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_key_secret PRIMARY KEY (secret_hash),
    CONSTRAINT fk_api_key_secret_key FOREIGN KEY (key_id) REFERENCES api_key (id)
);
CREATE INDEX ix_api_key_secret_key ON api_key_secret (key_id);

-- Operators' invitation and reset links use the one-time token table: a token belongs to a portal user or to an
-- operator.
ALTER TABLE one_time_token ADD COLUMN operator_id UUID;
ALTER TABLE one_time_token ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE one_time_token ADD CONSTRAINT fk_one_time_token_operator FOREIGN KEY (operator_id) REFERENCES operator (id);
ALTER TABLE one_time_token ADD CONSTRAINT ck_one_time_token_owner
    CHECK ((user_id IS NOT NULL AND operator_id IS NULL) OR (user_id IS NULL AND operator_id IS NOT NULL));
CREATE INDEX ix_one_time_token_operator ON one_time_token (operator_id, purpose);

-- Operators' mails (invitation, reset, security notices) go through the same pipeline: a delivery is for a portal
-- user of an account, or for an operator (and no account).
ALTER TABLE notification_event ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE notification ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE notification ALTER COLUMN recipient_user_id DROP NOT NULL;
ALTER TABLE notification ADD COLUMN recipient_operator_id UUID;
ALTER TABLE notification ADD CONSTRAINT fk_notification_operator
    FOREIGN KEY (recipient_operator_id) REFERENCES operator (id);
ALTER TABLE notification ADD CONSTRAINT uq_notification_operator UNIQUE (event_id, recipient_operator_id);
ALTER TABLE notification ADD CONSTRAINT ck_notification_recipient
    CHECK ((recipient_user_id IS NOT NULL AND recipient_operator_id IS NULL AND account_id IS NOT NULL)
        OR (recipient_user_id IS NULL AND recipient_operator_id IS NOT NULL AND account_id IS NULL));

-- The audit says who: the actor's kind, id and name (the shared operator token of old was the installation key);
-- what it is about, by kind and id; the reason and the sign-in factor; and whose audit shows it. Provider entries
-- may concern no account.
ALTER TABLE audit_event ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE audit_event DROP CONSTRAINT ck_audit_event_actor;
UPDATE audit_event SET actor_type = 'INSTALLATION', actor_label = 'Installation key' WHERE actor_type = 'OPERATOR';
ALTER TABLE audit_event ADD CONSTRAINT ck_audit_event_actor
    CHECK (actor_type IN ('PORTAL_USER', 'OPERATOR', 'API_KEY', 'INSTALLATION', 'SYSTEM'));
ALTER TABLE audit_event ADD COLUMN actor_id UUID;
UPDATE audit_event SET actor_id = actor_user_id;
ALTER TABLE audit_event DROP COLUMN actor_user_id;
ALTER TABLE audit_event ADD COLUMN subject_type VARCHAR(16);
ALTER TABLE audit_event ADD COLUMN subject_id UUID;
UPDATE audit_event SET subject_type = 'PORTAL_USER', subject_id = subject_user_id WHERE subject_user_id IS NOT NULL;
ALTER TABLE audit_event DROP COLUMN subject_user_id;
ALTER TABLE audit_event ALTER COLUMN subject_label SET DATA TYPE VARCHAR(500);
ALTER TABLE audit_event ADD COLUMN reason VARCHAR(1000);
ALTER TABLE audit_event ADD COLUMN factor VARCHAR(16);
ALTER TABLE audit_event ADD COLUMN customer_visible BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE audit_event ADD COLUMN provider_visible BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE audit_event SET provider_visible = TRUE WHERE actor_type = 'INSTALLATION';
CREATE INDEX ix_audit_event_provider ON audit_event (provider_visible, occurred_at DESC, id DESC);
CREATE INDEX ix_audit_event_actor ON audit_event (actor_id, occurred_at DESC, id DESC);
CREATE INDEX ix_audit_event_occurred ON audit_event (occurred_at);
