-- Deliveries are listed newest first, per account (customers) or per status (operators). H2 reads an index in
-- order and stops after one page only when the ORDER BY spells out the index's columns in the index's
-- directions (see TransactionHistorySql); these indexes match the queries exactly.
DROP INDEX ix_notification_account;
DROP INDEX ix_notification_status;
CREATE INDEX ix_notification_account ON notification (account_id, created_at DESC, id DESC);
CREATE INDEX ix_notification_status ON notification (status, created_at DESC, id DESC);
CREATE INDEX ix_notification_created ON notification (created_at DESC, id DESC);
CREATE INDEX ix_notification_recipient ON notification (recipient_user_id, kind, created_at);
