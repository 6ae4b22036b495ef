package dev.billingportal.adapter.out.persistence;

import dev.billingportal.application.port.out.WebhookEndpoints;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.webhook.WebhookEndpoint;
import dev.billingportal.domain.webhook.WebhookEndpointId;
import dev.billingportal.domain.webhook.WebhookSecret;
import dev.billingportal.domain.webhook.WebhookSubscription;
import dev.billingportal.domain.webhook.WebhookUrl;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Webhook endpoints and their secrets, sealed with the installation's secrets key: a dump of the database gives no
 * secret a forger could sign with.
 */
public final class JpaWebhookEndpoints implements WebhookEndpoints {
    private final JpaUnitOfWork unitOfWork;
    private final SecretSeal seal;

    /** The owner of the provider's endpoints, beside the accounts' ids. */
    private static final String PROVIDER = "provider";

    public JpaWebhookEndpoints(JpaUnitOfWork unitOfWork, SecretSeal seal) {
        this.unitOfWork = unitOfWork;
        this.seal = seal;
    }

    @Override
    public boolean add(WebhookEndpoint endpoint) {
        EntityManager em = unitOfWork.entityManager();
        String owner = endpoint.account().map(AccountId::toString).orElse(PROVIDER);
        List<Integer> taken = em.createQuery("SELECT e.slot FROM WebhookEndpointRow e WHERE e.owner = :owner",
                Integer.class).setParameter("owner", owner).getResultList();
        Optional<Integer> free = IntStream.range(0, WebhookEndpoint.MAX_PER_ACCOUNT).boxed()
                .filter(slot -> !taken.contains(slot)).findFirst();
        if (free.isEmpty()) {
            return false;
        }
        WebhookEndpointRow row = new WebhookEndpointRow();
        row.id = endpoint.id().value();
        row.accountId = endpoint.account().map(AccountId::value).orElse(null);
        row.owner = owner;
        row.slot = free.get();
        row.createdAt = endpoint.createdAt();
        write(row, endpoint);
        em.persist(row);
        try {
            em.flush();
        } catch (PersistenceException clash) {
            if (String.valueOf(clash.getMessage()).toLowerCase(Locale.ROOT).contains("uq_webhook_endpoint_slot")) {
                throw new StateConflict("conflict", "Another endpoint was added at the same moment; try again.");
            }
            throw clash;
        }
        writeSecrets(em, endpoint);
        em.flush();
        return true;
    }

    @Override
    public Optional<WebhookEndpoint> find(WebhookEndpointId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(WebhookEndpointRow.class, id.value()))
                .map(this::toDomain);
    }

    @Override
    public List<WebhookEndpoint> of(Optional<AccountId> account) {
        EntityManager em = unitOfWork.entityManager();
        List<WebhookEndpointRow> rows = account.isPresent()
                ? em.createQuery("SELECT e FROM WebhookEndpointRow e WHERE e.accountId = :account"
                        + " ORDER BY e.createdAt, e.id", WebhookEndpointRow.class)
                        .setParameter("account", account.get().value()).getResultList()
                : em.createQuery("SELECT e FROM WebhookEndpointRow e WHERE e.accountId IS NULL"
                        + " ORDER BY e.createdAt, e.id", WebhookEndpointRow.class).getResultList();
        return rows.stream().map(this::toDomain).toList();
    }

    @Override
    public List<WebhookSubscription> subscriptionsFor(AccountId account) {
        return unitOfWork.entityManager()
                .createQuery("SELECT e.id, e.eventTypes, e.disabled FROM WebhookEndpointRow e WHERE e.owner IN :owners"
                        + " ORDER BY e.createdAt, e.id", Object[].class)
                .setParameter("owners", List.of(account.toString(), PROVIDER))
                .getResultStream()
                .map(row -> new WebhookSubscription(new WebhookEndpointId((UUID) row[0]),
                        eventTypes((String) row[1]), row[2] == null))
                .toList();
    }

    private static Set<String> eventTypes(String stored) {
        return new LinkedHashSet<>(Arrays.asList(stored.split(",")));
    }

    @Override
    public Optional<WebhookEndpoint> lock(WebhookEndpointId id) {
        return Optional.ofNullable(unitOfWork.entityManager().find(WebhookEndpointRow.class, id.value(),
                LockModeType.PESSIMISTIC_WRITE)).map(this::toDomain);
    }

    @Override
    public void updateState(WebhookEndpoint endpoint) {
        WebhookEndpointRow row = unitOfWork.entityManager().find(WebhookEndpointRow.class, endpoint.id().value());
        if (row == null) {
            throw new IllegalStateException("no webhook endpoint " + endpoint.id());
        }
        row.disabled = endpoint.disabled().map(Enum::name).orElse(null);
        row.failingSince = endpoint.failingSince().orElse(null);
    }

    @Override
    public void update(WebhookEndpoint endpoint) {
        EntityManager em = unitOfWork.entityManager();
        WebhookEndpointRow row = em.find(WebhookEndpointRow.class, endpoint.id().value());
        if (row == null) {
            throw new IllegalStateException("no webhook endpoint " + endpoint.id());
        }
        write(row, endpoint);
        em.createQuery("DELETE FROM WebhookSecretRow s WHERE s.endpointId = :endpoint")
                .setParameter("endpoint", endpoint.id().value()).executeUpdate();
        writeSecrets(em, endpoint);
        em.flush();
    }

    @Override
    public long countDisabled() {
        return unitOfWork.entityManager()
                .createQuery("SELECT COUNT(e) FROM WebhookEndpointRow e WHERE e.disabled IS NOT NULL", Long.class)
                .getSingleResult();
    }

    @Override
    public boolean remove(WebhookEndpointId id) {
        EntityManager em = unitOfWork.entityManager();
        em.createQuery("DELETE FROM WebhookSecretRow s WHERE s.endpointId = :endpoint")
                .setParameter("endpoint", id.value()).executeUpdate();
        return em.createQuery("DELETE FROM WebhookEndpointRow e WHERE e.id = :id")
                .setParameter("id", id.value()).executeUpdate() == 1;
    }

    private static void write(WebhookEndpointRow row, WebhookEndpoint endpoint) {
        row.url = endpoint.url().uri().toString();
        row.description = endpoint.description();
        row.eventTypes = String.join(",", endpoint.eventTypes().stream().sorted().toList());
        row.disabled = endpoint.disabled().map(Enum::name).orElse(null);
        row.failingSince = endpoint.failingSince().orElse(null);
    }

    private void writeSecrets(EntityManager em, WebhookEndpoint endpoint) {
        List<WebhookEndpoint.Signing> signing = endpoint.signing();
        for (int seq = 0; seq < signing.size(); seq++) {
            WebhookSecretRow secret = new WebhookSecretRow();
            secret.id = UUID.randomUUID();
            secret.endpointId = endpoint.id().value();
            secret.seq = seq;
            secret.sealed = seal.seal(signing.get(seq).secret().text().getBytes(StandardCharsets.UTF_8),
                    secret.id.toString());
            secret.validUntil = signing.get(seq).until().orElse(null);
            em.persist(secret);
        }
    }

    private WebhookEndpoint toDomain(WebhookEndpointRow row) {
        List<WebhookEndpoint.Signing> signing = unitOfWork.entityManager()
                .createQuery("SELECT s FROM WebhookSecretRow s WHERE s.endpointId = :endpoint ORDER BY s.seq",
                        WebhookSecretRow.class)
                .setParameter("endpoint", row.id).getResultStream()
                .map(secret -> new WebhookEndpoint.Signing(WebhookSecret.parse(new String(seal.open(secret.sealed,
                        secret.id.toString()), StandardCharsets.UTF_8)), Optional.ofNullable(secret.validUntil)))
                .toList();
        return WebhookEndpoint.reconstitute(new WebhookEndpointId(row.id),
                Optional.ofNullable(row.accountId).map(AccountId::new), WebhookUrl.stored(row.url), row.description,
                eventTypes(row.eventTypes), row.createdAt, signing,
                Optional.ofNullable(row.disabled).map(WebhookEndpoint.Disabled::valueOf),
                Optional.ofNullable(row.failingSince));
    }
}
