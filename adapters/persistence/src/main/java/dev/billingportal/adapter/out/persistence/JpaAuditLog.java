package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.user.FieldChange;
import dev.billingportal.domain.user.PortalUserId;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.TypedQuery;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

public final class JpaAuditLog implements AuditLog {
    /** Looked up once: {@code Json.createReader} and friends look the provider up through ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final java.time.Instant FAR_FUTURE = java.time.Instant.parse("9999-12-31T00:00:00Z");

    private final JpaUnitOfWork unitOfWork;

    public JpaAuditLog(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void record(AuditEvent event) {
        AuditEventRow row = new AuditEventRow();
        row.id = event.id();
        row.accountId = event.accountId().value();
        row.occurredAt = event.occurredAt();
        switch (event.actor()) {
            case Actor.Operator operator -> row.actorType = "OPERATOR";
            case Actor.System system -> row.actorType = "SYSTEM";
            case Actor.PortalUserActor user -> {
                row.actorType = "PORTAL_USER";
                row.actorUserId = user.userId().value();
            }
        }
        row.actorLabel = event.actor().label();
        row.action = event.action().name();
        row.subjectUserId = event.subjectUserId() == null ? null : event.subjectUserId().value();
        row.subjectLabel = event.subjectUsername();
        row.changes = writeChanges(event.changes());
        unitOfWork.entityManager().persist(row);
    }

    @Override
    public List<AuditEvent> newestFirst(AccountId account, Optional<Position> after, int limit) {
        String jpql = "SELECT e FROM AuditEventRow e WHERE e.accountId = :account"
                + (after.isPresent() ? " AND (e.occurredAt < :at OR (e.occurredAt = :at AND e.id < :id))"
                : " AND e.occurredAt < :farFuture") // a bound keeps H2 on the index (see TransactionHistorySql)
                + " ORDER BY e.accountId, e.occurredAt DESC, e.id DESC"; // the index's order (see TransactionHistorySql)
        TypedQuery<AuditEventRow> query = unitOfWork.entityManager().createQuery(jpql, AuditEventRow.class)
                .setParameter("account", account.value())
                .setMaxResults(limit);
        after.ifPresentOrElse(position -> query.setParameter("at", position.occurredAt()).setParameter("id", position.id()),
                () -> query.setParameter("farFuture", FAR_FUTURE));
        return query.getResultList().stream().map(JpaAuditLog::toDomain).toList();
    }

    private static AuditEvent toDomain(AuditEventRow row) {
        AccountId account = new AccountId(row.accountId);
        Actor actor = switch (row.actorType) {
            case "OPERATOR" -> Actor.OPERATOR;
            case "PORTAL_USER" -> new Actor.PortalUserActor(new PortalUserId(row.actorUserId), account, row.actorLabel);
            default -> Actor.SYSTEM;
        };
        return new AuditEvent(row.id, account, row.occurredAt, actor, AuditAction.valueOf(row.action),
                row.subjectUserId == null ? null : new PortalUserId(row.subjectUserId), row.subjectLabel,
                readChanges(row.changes));
    }

    private static String writeChanges(List<FieldChange> changes) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        changes.forEach(change -> array.add(JSON.createObjectBuilder()
                .add("field", change.field())
                .add("before", change.before())
                .add("after", change.after())));
        return array.build().toString();
    }

    private static List<FieldChange> readChanges(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            return array.stream().map(JsonValue::asJsonObject).map(JpaAuditLog::change).toList();
        }
    }

    private static FieldChange change(JsonObject object) {
        return new FieldChange(object.getString("field"), object.getString("before"), object.getString("after"));
    }
}
