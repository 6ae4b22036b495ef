-- A bill run's mails wait for the run (spec §14, issue 25): the outbox entry of a delivery a run's posting caused
-- names the run. The relay hands such entries to the queue only once no other entry waits and the run is no longer
-- POSTING: a password reset never queues behind a month's invoices, and the run's chunks are not written on cores
-- busy sending their mails. The index serves both of the relay's lanes in the order it claims them.
ALTER TABLE outbox_entry ADD COLUMN bill_run_id UUID;
CREATE INDEX ix_outbox_entry_lanes ON outbox_entry (published_at, bill_run_id, created_at, id);
