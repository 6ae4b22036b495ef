package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.domain.access.ActorKind;
import dev.billingportal.domain.access.ActorRef;
import dev.billingportal.domain.access.SignInFactor;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.audit.Reason;
import dev.billingportal.domain.user.FieldChange;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

public final class JpaAuditLog implements AuditLog {
    /** Looked up once: {@code Json.createReader} and friends look the provider up through ServiceLoader on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private final JpaUnitOfWork unitOfWork;

    public JpaAuditLog(JpaUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    @Override
    public void record(AuditEvent event) {
        AuditEventRow row = new AuditEventRow();
        row.id = event.id();
        row.accountId = event.accountId().map(AccountId::value).orElse(null);
        row.occurredAt = event.occurredAt();
        row.actorType = event.actor().kind().name();
        row.actorId = event.actor().id().orElse(null);
        row.actorLabel = event.actor().name();
        row.action = event.action().name();
        event.subject().ifPresent(subject -> {
            row.subjectType = subject.kind().name();
            row.subjectId = subject.id();
            row.subjectLabel = subject.label();
        });
        row.changes = writeChanges(event.changes());
        row.reason = event.reason().map(Reason::value).orElse(null);
        row.factor = event.factor().map(Enum::name).orElse(null);
        row.customerVisible = event.visibleToCustomer();
        row.providerVisible = event.visibleToProvider();
        unitOfWork.entityManager().persist(row);
    }

    @Override
    public List<AuditEvent> newestFirst(AccountId account, boolean customersView, Optional<Position> after, int limit) {
        return page("e.accountId = :account" + (customersView ? " AND e.customerVisible = TRUE" : ""), "e.accountId, ",
                after, limit, query -> query.setParameter("account", account.value()));
    }

    @Override
    public List<AuditEvent> providerNewestFirst(ProviderFilter filter, Optional<Position> after, int limit) {
        StringBuilder where = new StringBuilder("e.providerVisible = TRUE");
        filter.actorId().ifPresent(id -> where.append(" AND e.actorId = :actor"));
        filter.account().ifPresent(id -> where.append(" AND e.accountId = :account"));
        filter.action().ifPresent(action -> where.append(" AND e.action = :action"));
        filter.from().ifPresent(from -> where.append(" AND e.occurredAt >= :from"));
        filter.to().ifPresent(to -> where.append(" AND e.occurredAt < :to"));
        // The narrowest index the filters allow: by actor, by account, or the provider's own.
        String index = filter.actorId().isPresent() ? "e.actorId, "
                : filter.account().isPresent() ? "e.accountId, " : "e.providerVisible, ";
        return page(where.toString(), index, after, limit, query -> {
            filter.actorId().ifPresent(id -> query.setParameter("actor", id));
            filter.account().ifPresent(id -> query.setParameter("account", id.value()));
            filter.action().ifPresent(action -> query.setParameter("action", action.name()));
            filter.from().ifPresent(from -> query.setParameter("from", from));
            filter.to().ifPresent(to -> query.setParameter("to", to));
        });
    }

    /** Newest first by (occurredAt, id) after a position; the ORDER BY spells out the index (see TransactionHistorySql). */
    private List<AuditEvent> page(String where, String indexPrefix, Optional<Position> after, int limit,
                                  Consumer<TypedQuery<AuditEventRow>> bind) {
        String jpql = "SELECT e FROM AuditEventRow e WHERE " + where
                + (after.isPresent() ? " AND (e.occurredAt < :at OR (e.occurredAt = :at AND e.id < :id))"
                : " AND e.occurredAt < :farFuture") // a bound keeps H2 on the index
                + " ORDER BY " + indexPrefix + "e.occurredAt DESC, e.id DESC";
        TypedQuery<AuditEventRow> query = unitOfWork.entityManager().createQuery(jpql, AuditEventRow.class)
                .setMaxResults(limit);
        bind.accept(query);
        after.ifPresentOrElse(position -> query.setParameter("at", position.occurredAt()).setParameter("id", position.id()),
                () -> query.setParameter("farFuture", FAR_FUTURE));
        return query.getResultList().stream().map(JpaAuditLog::toDomain).toList();
    }

    @Override
    public int deleteBefore(Instant before, int limit) {
        EntityManager em = unitOfWork.entityManager();
        List<UUID> ids = em.createQuery("SELECT e.id FROM AuditEventRow e WHERE e.occurredAt < :before", UUID.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("DELETE FROM AuditEventRow e WHERE e.id IN :ids").setParameter("ids", ids)
                .executeUpdate();
    }

    private static AuditEvent toDomain(AuditEventRow row) {
        return new AuditEvent(row.id, Optional.ofNullable(row.accountId).map(AccountId::new), row.occurredAt,
                new ActorRef(ActorKind.valueOf(row.actorType), Optional.ofNullable(row.actorId), row.actorLabel),
                AuditAction.valueOf(row.action),
                Optional.ofNullable(row.subjectType).map(kind -> new AuditSubject(AuditSubject.Kind.valueOf(kind),
                        row.subjectId, row.subjectLabel)),
                readChanges(row.changes), Optional.ofNullable(row.reason).map(Reason::new),
                Optional.ofNullable(row.factor).map(SignInFactor::valueOf));
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
