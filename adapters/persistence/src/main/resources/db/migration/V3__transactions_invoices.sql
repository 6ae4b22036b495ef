-- Transactions, invoices and each account's ledger (spec §5). Money is kept in integer minor units.

-- The ledger: the account's last sequence number and its balance after it, updated under a row lock by
-- every posting, so sequence numbers are gapless and balances exact under concurrent posting.
ALTER TABLE account ADD COLUMN last_sequence BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE account ADD COLUMN balance_minor BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE invoice (
    id             UUID                     NOT NULL,
    account_id     UUID                     NOT NULL,
    transaction_id UUID                     NOT NULL,
    sequence       BIGINT                   NOT NULL,
    invoice_number VARCHAR(40)              NOT NULL,
    issue_date     DATE                     NOT NULL,
    due_date       DATE                     NOT NULL,
    period_start   DATE,
    period_end     DATE,
    currency       CHAR(3)                  NOT NULL,
    subtotal_minor BIGINT                   NOT NULL,
    tax_minor      BIGINT                   NOT NULL,
    total_minor    BIGINT                   NOT NULL,
    paid_minor     BIGINT                   NOT NULL,
    credited_minor BIGINT                   NOT NULL,
    posted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_invoice PRIMARY KEY (id),
    CONSTRAINT fk_invoice_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT uq_invoice_number UNIQUE (account_id, invoice_number),
    CONSTRAINT uq_invoice_transaction UNIQUE (transaction_id),
    CONSTRAINT ck_invoice_figures CHECK (total_minor = subtotal_minor + tax_minor AND paid_minor >= 0
        AND credited_minor >= 0 AND paid_minor + credited_minor <= total_minor)
);
CREATE INDEX ix_invoice_history ON invoice (account_id, sequence DESC);
CREATE INDEX ix_invoice_due ON invoice (account_id, due_date);

CREATE TABLE invoice_line (
    id               UUID         NOT NULL,
    invoice_id       UUID         NOT NULL,
    position         INTEGER      NOT NULL,
    description      VARCHAR(200) NOT NULL,
    quantity         VARCHAR(24)  NOT NULL,
    unit_price_minor BIGINT       NOT NULL,
    amount_minor     BIGINT       NOT NULL,
    CONSTRAINT pk_invoice_line PRIMARY KEY (id),
    CONSTRAINT fk_invoice_line_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id),
    CONSTRAINT uq_invoice_line_position UNIQUE (invoice_id, position)
);

CREATE TABLE invoice_tax (
    id           UUID        NOT NULL,
    invoice_id   UUID        NOT NULL,
    position     INTEGER     NOT NULL,
    name         VARCHAR(40) NOT NULL,
    rate         VARCHAR(24) NOT NULL,
    amount_minor BIGINT      NOT NULL,
    CONSTRAINT pk_invoice_tax PRIMARY KEY (id),
    CONSTRAINT fk_invoice_tax_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id),
    CONSTRAINT uq_invoice_tax_position UNIQUE (invoice_id, position)
);

CREATE TABLE account_transaction (
    id                  UUID                     NOT NULL,
    account_id          UUID                     NOT NULL,
    sequence            BIGINT                   NOT NULL,
    type                VARCHAR(10)              NOT NULL,
    amount_minor        BIGINT                   NOT NULL,
    currency            CHAR(3)                  NOT NULL,
    posted_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    reference           VARCHAR(100),
    description         VARCHAR(500),
    invoice_id          UUID,
    invoice_number      VARCHAR(40),
    balance_after_minor BIGINT                   NOT NULL,
    idempotency_key     VARCHAR(255)             NOT NULL,
    request_fingerprint CHAR(64)                 NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_account_transaction PRIMARY KEY (id),
    CONSTRAINT fk_transaction_account FOREIGN KEY (account_id) REFERENCES account (id),
    CONSTRAINT fk_transaction_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id),
    CONSTRAINT uq_transaction_idempotency UNIQUE (account_id, idempotency_key),
    CONSTRAINT ck_transaction_type CHECK (type IN ('INVOICE', 'PAYMENT', 'REFUND', 'CREDIT')),
    CONSTRAINT ck_transaction_amount CHECK (amount_minor > 0 AND sequence > 0)
);
-- History pages walk this index backwards from a sequence number: their cost does not grow with depth.
CREATE UNIQUE INDEX uq_transaction_sequence ON account_transaction (account_id, sequence DESC);
