package dev.billingportal.application.port.in.notification;

public interface ApplyRetentionUseCase {

    /**
     * Deletes, in small batches, what is kept no longer: published outbox entries past their short keep, settled
     * deliveries and their events past the billing records' retention. Returns how many rows it deleted this round
     * (bounded; the next round carries on).
     */
    int purge();
}
