-- The history page's "Newer" walks up from a sequence number. H2 reads an index in its own order only (EXPLAIN
-- ANALYZE: 4 902 rows read and sorted for a 51-row page through uq_transaction_sequence), so the way up has an index
-- of its own and costs what the way down costs, at any depth. (PostgreSQL could read the first one backwards; one
-- schema for both keeps the plans the same.)
CREATE UNIQUE INDEX uq_transaction_sequence_up ON account_transaction (account_id, sequence);
-- An invoice's page lists the payments, refunds and credits applied to it: found by the invoice, in posting order.
-- (H2 indexes a foreign key by itself; PostgreSQL does not.)
CREATE INDEX ix_transaction_invoice ON account_transaction (invoice_id, sequence);
