package dev.billingportal.adapter.out.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sessions.Session;

/**
 * Tells EclipseLink which rows reference which, so that one flush writes parents before their children. The rows map
 * no relationships (nothing to weave, nothing loaded behind the code's back), and without them EclipseLink orders the
 * inserts of unrelated entities by class name: an {@code InvoiceLineRow} before its {@code InvoiceRow}. Declared here,
 * a posting's rows need no flush between parent and child, and a bill run's chunk writes many postings' rows in one
 * flush, each table in JDBC batches.
 */
public final class ForeignKeyOrder implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        writtenAfter(session, InvoiceLineRow.class, InvoiceRow.class);
        writtenAfter(session, InvoiceTaxRow.class, InvoiceRow.class);
        writtenAfter(session, TransactionRow.class, InvoiceRow.class);
        writtenAfter(session, DeliveryRow.class, NotificationEventRow.class);
        writtenAfter(session, OutboxEntryRow.class, DeliveryRow.class);
        writtenAfter(session, OutboxEntryRow.class, WebhookMessageRow.class);
        writtenAfter(session, WebhookAttemptRow.class, WebhookMessageRow.class);
    }

    private static void writtenAfter(Session session, Class<?> child, Class<?> parent) {
        ClassDescriptor descriptor = session.getDescriptor(child);
        if (descriptor == null) {
            throw new IllegalStateException(child.getSimpleName() + " is not in the persistence unit");
        }
        descriptor.addConstraintDependency(parent);
    }
}
