-- Foundation schema. Portable SQL: runs on H2 (the embedded default) and PostgreSQL.
-- Timestamps are instants (TIMESTAMP WITH TIME ZONE); ids are UUIDs.

CREATE TABLE account (
    id             UUID                     NOT NULL,
    account_number VARCHAR(40)              NOT NULL,
    name           VARCHAR(200)             NOT NULL,
    currency       CHAR(3)                  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_account PRIMARY KEY (id),
    CONSTRAINT uq_account_number UNIQUE (account_number)
);

-- Source of generated account numbers (ACC-000123); one row, updated under a row lock.
CREATE TABLE account_number_counter (
    id         INTEGER NOT NULL,
    last_value BIGINT  NOT NULL,
    CONSTRAINT pk_account_number_counter PRIMARY KEY (id)
);
INSERT INTO account_number_counter (id, last_value) VALUES (1, 0);

CREATE TABLE portal_user (
    id                    UUID                     NOT NULL,
    account_id            UUID                     NOT NULL,
    username              VARCHAR(254)             NOT NULL,
    -- lower-case username: the unique constraint on it makes usernames unique across the portal,
    -- in any letter case, deleted users included, even under concurrent adds.
    username_key          VARCHAR(254)             NOT NULL,
    email                 VARCHAR(254)             NOT NULL,
    first_name            VARCHAR(100)             NOT NULL,
    last_name             VARCHAR(100)             NOT NULL,
    time_zone             VARCHAR(64)              NOT NULL,
    billing_notifications BOOLEAN                  NOT NULL,
    status                VARCHAR(16)              NOT NULL,
    password_hash         VARCHAR(255),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at            TIMESTAMP WITH TIME ZONE,
    version               BIGINT                   NOT NULL,
    CONSTRAINT pk_portal_user PRIMARY KEY (id),
    CONSTRAINT fk_portal_user_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uq_portal_user_username UNIQUE (username_key),
    CONSTRAINT ck_portal_user_status CHECK (status IN ('INVITED', 'ACTIVE', 'DELETED'))
);
CREATE INDEX ix_portal_user_account ON portal_user (account_id, created_at);

-- Invitation and password-reset tokens: only their SHA-256 is stored.
CREATE TABLE one_time_token (
    token_hash CHAR(64)                 NOT NULL,
    user_id    UUID                     NOT NULL,
    purpose    VARCHAR(20)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_one_time_token PRIMARY KEY (token_hash),
    CONSTRAINT fk_one_time_token_user FOREIGN KEY (user_id) REFERENCES portal_user (id),
    CONSTRAINT ck_one_time_token_purpose CHECK (purpose IN ('INVITATION', 'PASSWORD_RESET'))
);
CREATE INDEX ix_one_time_token_user ON one_time_token (user_id, purpose);

-- What a notification is about, with a snapshot of its facts (JSON object of strings).
CREATE TABLE notification_event (
    id          UUID                     NOT NULL,
    kind        VARCHAR(32)              NOT NULL,
    account_id  UUID                     NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    facts       VARCHAR(8000)            NOT NULL,
    CONSTRAINT pk_notification_event PRIMARY KEY (id),
    CONSTRAINT fk_notification_event_account FOREIGN KEY (account_id) REFERENCES account (id)
);

-- One delivery per (event, recipient): the unique constraint is the dedup key of spec §6.
CREATE TABLE notification (
    id                UUID                     NOT NULL,
    event_id          UUID                     NOT NULL,
    kind              VARCHAR(32)              NOT NULL,
    account_id        UUID                     NOT NULL,
    recipient_user_id UUID                     NOT NULL,
    recipient_email   VARCHAR(254)             NOT NULL,
    status            VARCHAR(16)              NOT NULL,
    attempts          INTEGER                  NOT NULL,
    last_error        VARCHAR(1000),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_notification PRIMARY KEY (id),
    CONSTRAINT fk_notification_event FOREIGN KEY (event_id) REFERENCES notification_event (id),
    CONSTRAINT fk_notification_recipient FOREIGN KEY (recipient_user_id) REFERENCES portal_user (id),
    CONSTRAINT uq_notification_recipient UNIQUE (event_id, recipient_user_id),
    CONSTRAINT ck_notification_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX ix_notification_account ON notification (account_id, created_at, id);
CREATE INDEX ix_notification_status ON notification (status, created_at);

-- The transactional outbox: one entry per delivery to hand to the queue, written in the same
-- transaction as the change; the relay publishes entries oldest first and marks them.
CREATE TABLE outbox_entry (
    id              UUID                     NOT NULL,
    notification_id UUID                     NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_outbox_entry PRIMARY KEY (id),
    CONSTRAINT fk_outbox_entry_notification FOREIGN KEY (notification_id) REFERENCES notification (id)
);
CREATE INDEX ix_outbox_entry_unpublished ON outbox_entry (published_at, created_at);

-- One row that relays lock while they publish a batch: with several worker processes, one relays
-- at a time and none publishes an entry another is publishing.
CREATE TABLE outbox_relay_lock (
    id INTEGER NOT NULL,
    CONSTRAINT pk_outbox_relay_lock PRIMARY KEY (id)
);
INSERT INTO outbox_relay_lock (id) VALUES (1);
