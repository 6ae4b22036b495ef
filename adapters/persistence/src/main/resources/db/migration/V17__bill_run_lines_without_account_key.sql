-- A bill run's lines no longer refer to the account row by a foreign key. The key made every line written take a
-- share lock on its account (PostgreSQL's FOR KEY SHARE), in file order, while a run being posted holds its accounts'
-- ledger locks in another order: a file sent while another run posts to the same accounts could deadlock. A line's
-- account was checked to exist when its file was, and accounts are never deleted. The table is made again, as one
-- statement that drops an unnamed foreign key is not the same on H2 and PostgreSQL.
CREATE TABLE bill_run_line_next (
    run_id          UUID          NOT NULL REFERENCES bill_run (id) ON DELETE CASCADE,
    line            BIGINT        NOT NULL,
    account_id      UUID          NOT NULL,
    idempotency_key VARCHAR(200)  NOT NULL,
    request         VARCHAR(1048576) NOT NULL,
    outcome         VARCHAR(8),
    PRIMARY KEY (run_id, line)
);
INSERT INTO bill_run_line_next (run_id, line, account_id, idempotency_key, request, outcome)
    SELECT run_id, line, account_id, idempotency_key, request, outcome FROM bill_run_line;
DROP TABLE bill_run_line;
ALTER TABLE bill_run_line_next RENAME TO bill_run_line;
-- An account's lines in file order; the accounts still to post.
CREATE INDEX ix_bill_run_line_account ON bill_run_line (run_id, account_id, line);
