package dev.billingportal.application.service.notification;

import dev.billingportal.application.port.in.notification.ApplyRetentionUseCase;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.port.out.WebhookMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.function.IntSupplier;

/**
 * What the portal keeps, and for how long: a published outbox entry only as long as the sweeper needs to know when
 * its delivery was last queued; a settled delivery and its event as long as billing records (400 days by default); an
 * audit entry for {@code portal.retention.audit} (seven years by default, spec §11) — nothing else ever deletes one.
 * Each deletion is a short transaction of at most one batch, so it never holds many locks at once; a round is bounded
 * and the next one carries on.
 */
public final class RetentionService implements ApplyRetentionUseCase {
    private static final int MAX_BATCHES_PER_STEP = 50;

    private final UnitOfWork unitOfWork;
    private final Outbox outbox;
    private final Deliveries deliveries;
    private final Clock clock;
    private final Duration keepPublishedEntries;
    private final Duration keepNotifications;
    private final AuditLog auditLog;
    private final Period keepAudit;
    private final WebhookMessages webhookMessages;
    private final Duration keepWebhookMessages;
    private final int batchSize;

    /** @param keepWebhookMessages how long a delivered or failed webhook message stays in its endpoint's log */
    public RetentionService(UnitOfWork unitOfWork, Outbox outbox, Deliveries deliveries, AuditLog auditLog,
                            WebhookMessages webhookMessages, Clock clock, Duration keepPublishedEntries,
                            Duration keepNotifications, Period keepAudit, Duration keepWebhookMessages,
                            int batchSize) {
        if (keepPublishedEntries.isNegative() || keepNotifications.compareTo(keepPublishedEntries) < 0) {
            throw new IllegalArgumentException("notifications must be kept at least as long as published outbox"
                    + " entries");
        }
        this.unitOfWork = unitOfWork;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.clock = clock;
        this.keepPublishedEntries = keepPublishedEntries;
        this.keepNotifications = keepNotifications;
        this.auditLog = auditLog;
        this.keepAudit = keepAudit;
        this.webhookMessages = webhookMessages;
        this.keepWebhookMessages = keepWebhookMessages;
        this.batchSize = batchSize;
    }

    @Override
    public int purge() {
        Instant now = clock.instant();
        Instant entriesBefore = now.minus(keepPublishedEntries);
        Instant notificationsBefore = now.minus(keepNotifications);
        Instant auditBefore = now.atOffset(ZoneOffset.UTC).minus(keepAudit).toInstant();
        Instant webhooksBefore = now.minus(keepWebhookMessages);
        return inBatches(() -> outbox.deletePublishedBefore(entriesBefore, batchSize))
                + inBatches(() -> deliveries.deleteSettledBefore(notificationsBefore, batchSize))
                + inBatches(() -> deliveries.deleteEventsBefore(notificationsBefore, batchSize))
                + inBatches(() -> auditLog.deleteBefore(auditBefore, batchSize))
                + inBatches(() -> webhookMessages.deleteSettledBefore(webhooksBefore, batchSize));
    }

    private int inBatches(IntSupplier deleteBatch) {
        int deleted = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_STEP; batch++) {
            int count = unitOfWork.inTransaction(deleteBatch::getAsInt);
            deleted += count;
            if (count < batchSize) {
                break;
            }
        }
        return deleted;
    }
}
