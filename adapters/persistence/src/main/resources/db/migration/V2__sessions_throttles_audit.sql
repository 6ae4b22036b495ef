-- Manage Users and signing in: sessions, sign-in throttling, the audit log.

-- Portal users' sessions: opaque bearer tokens, stored as SHA-256; 8 hours from sign-in.
CREATE TABLE user_session (
    token_hash CHAR(64)                 NOT NULL,
    user_id    UUID                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_user_session PRIMARY KEY (token_hash),
    CONSTRAINT fk_user_session_user FOREIGN KEY (user_id) REFERENCES portal_user (id)
);
CREATE INDEX ix_user_session_user ON user_session (user_id);

-- Failed sign-ins per (lower-case) username, known or not: the last failures within 15 minutes, as
-- comma-separated epoch milliseconds, and until when attempts are refused.
CREATE TABLE login_throttle (
    username_key    VARCHAR(254) NOT NULL,
    recent_failures VARCHAR(200) NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_login_throttle PRIMARY KEY (username_key)
);

-- Sign-ins lock the stripe of their username (hash mod 64) for the whole attempt: so two attempts on one
-- username never count past each other, and a throttle row is never created twice, without an upsert.
CREATE TABLE login_throttle_stripe (
    stripe INTEGER NOT NULL,
    CONSTRAINT pk_login_throttle_stripe PRIMARY KEY (stripe)
);
INSERT INTO login_throttle_stripe (stripe)
VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15),
       (16), (17), (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31),
       (32), (33), (34), (35), (36), (37), (38), (39), (40), (41), (42), (43), (44), (45), (46), (47),
       (48), (49), (50), (51), (52), (53), (54), (55), (56), (57), (58), (59), (60), (61), (62), (63);

-- Each account's audit log: who did what to whom and when; for edits, the changes as a JSON array of
-- {field, before, after}.
CREATE TABLE audit_event (
    id              UUID                     NOT NULL,
    account_id      UUID                     NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_type      VARCHAR(16)              NOT NULL,
    actor_user_id   UUID,
    actor_label     VARCHAR(254)             NOT NULL,
    action          VARCHAR(40)              NOT NULL,
    subject_user_id UUID,
    subject_label   VARCHAR(254),
    changes         VARCHAR(8000)            NOT NULL,
    CONSTRAINT pk_audit_event PRIMARY KEY (id),
    CONSTRAINT fk_audit_event_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT ck_audit_event_actor CHECK (actor_type IN ('OPERATOR', 'PORTAL_USER', 'SYSTEM'))
);
CREATE INDEX ix_audit_event_account ON audit_event (account_id, occurred_at DESC, id DESC);
