-- Bill runs (spec §14). A run's row is its report and its progress: the counts move in the same transaction as the
-- lines they count. holder / lease_until say which process posts it meanwhile; a lease that ran out (the process
-- died) lets another process take the run over.
CREATE TABLE bill_run (
    id              UUID          NOT NULL PRIMARY KEY,
    status          VARCHAR(12)   NOT NULL,
    line_count      BIGINT        NOT NULL,
    posted          BIGINT        NOT NULL,
    replayed        BIGINT        NOT NULL,
    failed          BIGINT        NOT NULL,
    created_by_type VARCHAR(16)   NOT NULL,
    created_by_id   UUID,
    created_by      VARCHAR(200)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    holder          UUID,
    lease_until     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ck_bill_run_counts CHECK (posted + replayed + failed <= line_count)
);
-- The list, newest first; and the runs waiting for a process to post them.
CREATE INDEX ix_bill_run_created ON bill_run (created_at, id);
CREATE INDEX ix_bill_run_status ON bill_run (status, created_at);

-- A run's report: the first thousand bad lines of a rejected file, or the lines refused while posting.
CREATE TABLE bill_run_error (
    run_id  UUID          NOT NULL REFERENCES bill_run (id) ON DELETE CASCADE,
    seq     INTEGER       NOT NULL,
    line    BIGINT        NOT NULL,
    field   VARCHAR(200)  NOT NULL,
    message VARCHAR(1000) NOT NULL,
    PRIMARY KEY (run_id, seq)
);

-- A checked file's lines, each the transaction it posts (compact JSON, at most a single posting's 1 MiB) until it is
-- settled: POSTED, REPLAYED (its key was posted before with the same request) or REFUSED. A line is settled in the
-- transaction that posts it, so a run resumes with exactly its pending lines.
CREATE TABLE bill_run_line (
    run_id          UUID          NOT NULL REFERENCES bill_run (id) ON DELETE CASCADE,
    line            BIGINT        NOT NULL,
    account_id      UUID          NOT NULL REFERENCES account (id),
    idempotency_key VARCHAR(200)  NOT NULL,
    request         VARCHAR(1048576) NOT NULL,
    outcome         VARCHAR(8),
    PRIMARY KEY (run_id, line)
);
-- An account's lines in file order; the accounts still to post.
CREATE INDEX ix_bill_run_line_account ON bill_run_line (run_id, account_id, line);
