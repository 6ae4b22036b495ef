-- Webhook endpoints (spec §13): an account's (account_id) or the provider's (account_id NULL), and their signing
-- secrets, sealed with the installation's secrets key (AES-256-GCM, the secret row's id as associated data). A
-- rotation leaves the replaced secret signing until valid_until. An owner (the account's id, or 'provider') has ten
-- slots: the limit of spec §13 holds even when two endpoints are added at the same moment.
CREATE TABLE webhook_endpoint (
    id            UUID          NOT NULL PRIMARY KEY,
    account_id    UUID          REFERENCES account (id),
    owner         VARCHAR(40)   NOT NULL,
    slot          INTEGER       NOT NULL CHECK (slot BETWEEN 0 AND 9),
    url           VARCHAR(2000) NOT NULL,
    description   VARCHAR(200)  NOT NULL,
    event_types   VARCHAR(500)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled      VARCHAR(20),
    failing_since TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_webhook_endpoint_slot UNIQUE (owner, slot)
);
CREATE INDEX ix_webhook_endpoint_account ON webhook_endpoint (account_id, created_at);

CREATE TABLE webhook_secret (
    id          UUID         NOT NULL PRIMARY KEY,
    endpoint_id UUID         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    seq         INTEGER      NOT NULL,
    sealed      VARCHAR(200) NOT NULL,
    valid_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_webhook_secret_seq UNIQUE (endpoint_id, seq)
);
