-- The Account Dashboard's chart sums the last 12 months' invoices and payments by business time: one range of this
-- index, not every row of the account.
CREATE INDEX ix_transaction_posted ON account_transaction (account_id, posted_at);
