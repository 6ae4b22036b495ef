-- The relay claims entries for a while (a lease) instead of holding a lock across its broker I/O: a relay that
-- freezes mid-publish blocks nobody, and its entries go to another relay once the lease runs out.
ALTER TABLE outbox_entry ADD COLUMN claimed_by UUID;
ALTER TABLE outbox_entry ADD COLUMN claimed_until TIMESTAMP WITH TIME ZONE;

-- The sweeper asks, per pending delivery, whether anything of it is still in the outbox or was published lately;
-- retention deletes a delivery's outbox entries before the delivery.
CREATE INDEX ix_outbox_entry_notification ON outbox_entry (notification_id, published_at);

-- How many times a delivery was found stalled (pending, nothing in flight) and queued again; bounded.
ALTER TABLE notification ADD COLUMN stalls INTEGER DEFAULT 0 NOT NULL;

-- Retention reads settled deliveries and events by age.
CREATE INDEX ix_notification_event_occurred ON notification_event (occurred_at);
