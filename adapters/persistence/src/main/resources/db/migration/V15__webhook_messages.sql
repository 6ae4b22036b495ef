-- Webhook messages (spec §13): one event for one endpoint, fixed when the event happened. A message's row is its
-- schedule: next_attempt_at is when the retry schedule wants it tried (shown as "Retrying — next attempt at"), and
-- lease / lease_until say who holds it meanwhile — the outbox entry that queued it, then the worker sending it. A
-- message whose lease ran out with nothing settled (a lost queue message, a killed worker) is due again.
CREATE TABLE webhook_message (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    endpoint_id     UUID          NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_type      VARCHAR(40)   NOT NULL,
    body            VARCHAR(16000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(10)   NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    lease           UUID,
    lease_until     TIMESTAMP WITH TIME ZONE
);
-- The delivery log: an endpoint's messages newest first.
CREATE INDEX ix_webhook_message_endpoint ON webhook_message (endpoint_id, created_at);
-- The scheduler: pending messages by when they are due.
CREATE INDEX ix_webhook_message_due ON webhook_message (status, next_attempt_at);

-- Each attempt: when, how long, the HTTP status or the error, and the first 1 KiB of the answer.
CREATE TABLE webhook_attempt (
    id           UUID         NOT NULL PRIMARY KEY,
    message_id   VARCHAR(40)  NOT NULL REFERENCES webhook_message (id) ON DELETE CASCADE,
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    took_ms      BIGINT       NOT NULL,
    http_status  INTEGER,
    error        VARCHAR(300),
    answer       VARCHAR(2000)
);
CREATE INDEX ix_webhook_attempt_message ON webhook_attempt (message_id, attempted_at);

-- The outbox carries webhook messages too: one path from the change's transaction to the queue. An entry is a mail's
-- delivery or a webhook message, never both.
ALTER TABLE outbox_entry ALTER COLUMN notification_id DROP NOT NULL;
ALTER TABLE outbox_entry ADD COLUMN webhook_message_id VARCHAR(40) REFERENCES webhook_message (id) ON DELETE CASCADE;
ALTER TABLE outbox_entry ADD CONSTRAINT ck_outbox_entry_one_target
    CHECK ((notification_id IS NULL) <> (webhook_message_id IS NULL));
CREATE INDEX ix_outbox_entry_webhook_message ON outbox_entry (webhook_message_id);
