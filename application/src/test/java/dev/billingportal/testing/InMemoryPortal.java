package dev.billingportal.testing;

import dev.billingportal.application.port.out.PasswordHasher;
import dev.billingportal.application.service.billing.PostTransactionService;
import dev.billingportal.application.service.billing.TransactionPosting;
import dev.billingportal.application.service.notification.NotificationRecorder;
import dev.billingportal.application.service.user.Invitations;
import dev.billingportal.application.service.webhook.WebhookRecorder;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.ApiKeyId;
import dev.billingportal.domain.access.ConsoleStage;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.access.SessionTimeouts;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.notification.Delivery;
import dev.billingportal.domain.notification.NotificationKind;
import dev.billingportal.domain.notification.Recipient;
import dev.billingportal.domain.operator.ApiKey;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.operator.Totp;
import dev.billingportal.domain.operator.TotpSecret;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.Username;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the service tests stand on: the in-memory stores, a clock the test moves, and the small collaborators the
 * services share (the notification recorder, invitations), with helpers for the accounts and users a rule needs.
 */
public final class InMemoryPortal {
    public static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    /** Stands in for Argon2id: cheap, and a hash is recognisably its password's. */
    public static final PasswordHasher HASHER = new PasswordHasher() {
        @Override
        public String hash(String password) {
            return "hashed:" + password;
        }

        @Override
        public boolean matches(String password, String encodedHash) {
            return encodedHash.equals("hashed:" + password);
        }
    };

    public final InMemoryStores stores = new InMemoryStores();
    public final MutableClock clock = new MutableClock(NOW);
    public final AtomicInteger relayWakeUps = new AtomicInteger();
    public final NotificationRecorder recorder = new NotificationRecorder(stores.deliveries(), stores.unitOfWork(),
            relayWakeUps::incrementAndGet);
    /** Webhook messages recorded over the same stores; their bodies name the event and its subject. */
    public final WebhookRecorder webhooks = new WebhookRecorder(stores.webhookEndpoints(), stores.webhookMessages(),
            new PlainWebhookPayloads(), stores.unitOfWork(), relayWakeUps::incrementAndGet,
                    new java.security.SecureRandom());
    public final TransactionPosting transactionPosting = new TransactionPosting(stores.ledgers(),
            stores.transactions(), stores.invoices(), recorder, webhooks, stores.auditLog(),
            stores.users());
    public final Invitations invitations = new Invitations(stores.users(), recorder, stores.auditLog());
    public final FakePasskeyVerifier passkeyVerifier = new FakePasskeyVerifier();
    private int accounts;

    /** The provider's single postings (spec §5), over this portal's stores. */
    public PostTransactionService postTransaction() {
        return new PostTransactionService(stores.unitOfWork(), stores.accounts(), stores.ledgers(),
                stores.transactions(), transactionPosting, clock);
    }

    public Account account() {
        return account(CurrencyCode.CAD);
    }

    public Account account(CurrencyCode currency) {
        Account account = new Account(AccountId.random(), AccountNumber.generated(++accounts),
                new AccountName("Acme " + accounts), currency, clock.instant());
        stores.accounts().add(account);
        return account;
    }

    /** An invited user of the account; {@code name} is their first name and their username's local part. */
    public PortalUser invited(Account account, String name, boolean billingNotifications) {
        return stores.users().add(PortalUser.invite(PortalUserId.random(), account.id(), new PortalUserProfile(
                Username.of(name.toLowerCase(java.util.Locale.ROOT) + "@example.com"), null, new PersonName(name),
                new PersonName("Tremblay"), ZoneId.of("America/Toronto"), billingNotifications), clock.instant()));
    }

    /** A user who has chosen the password {@code "correct horse battery"}. */
    public PortalUser active(Account account, String name, boolean billingNotifications) {
        PortalUser user = invited(account, name, billingNotifications);
        user.choosePassword(HASHER.hash("correct horse battery"), clock.instant());
        return stores.users().update(user);
    }

    public PortalUser reload(PortalUser user) {
        return stores.users().find(user.id()).orElseThrow();
    }

    /** The console's idle timeout by default (spec §11), with the 8-hour lifetime. */
    public static final SessionTimeouts CONSOLE = SessionTimeouts.withIdle(ConsoleStage.DEFAULT_IDLE);

    /** An operator with a password ({@code "correct horse battery"}) and an authenticator, and that authenticator. */
    public record EnrolledOperator(Operator operator, TotpSecret authenticator) {
        /** The authenticator's code at {@code at}. */
        public String code(Instant at) {
            return Totp.code(authenticator, Totp.step(at));
        }
    }

    /** An invited operator: no password, no second factor. */
    public Operator invitedOperator(String name, OperatorRole role) {
        return stores.operators().add(Operator.invite(OperatorId.random(),
                new EmailAddress(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@provider.example"),
                new PersonName(name),
                role, Language.EN_CA, ZoneId.of("America/Toronto"), clock.instant()));
    }

    /**
     * An active operator who enrolled their authenticator a minute ago — so the code of the current step, and those
     * after it, are theirs to use.
     */
    public EnrolledOperator operator(String name, OperatorRole role) {
        Operator operator = invitedOperator(name, role);
        Instant enrolled = clock.instant().minusSeconds(60);
        operator.choosePassword(HASHER.hash("correct horse battery"), enrolled);
        TotpSecret secret = TotpSecret.generate();
        operator.beginTotpEnrolment(secret, enrolled);
        operator.confirmTotpEnrolment(Totp.code(secret, Totp.step(enrolled)), enrolled);
        return new EnrolledOperator(stores.operators().update(operator), secret);
    }

    /** A console session of the operator, both steps done now; its token. */
    public String consoleSession(Operator operator) {
        String token = SecretTokens.generate();
        stores.consoleSessions().open(SecretTokens.hash(token), operator.id(), ConsoleStage.FULL, clock.instant(),
                clock.instant().plus(SessionTimeouts.ABSOLUTE), Optional.of(clock.instant()));
        return token;
    }

    /** The operator as the console presents them, their second factor proved at {@code secondFactorAt}. */
    public static Actor.OperatorActor actor(Operator operator, Instant secondFactorAt) {
        return new Actor.OperatorActor(operator.id(), operator.name().value(), operator.role(), secondFactorAt);
    }

    /** A named API key of {@code role}, made now by the installation key; its secret. */
    public String apiKey(String name, OperatorRole role, Optional<Instant> expiresAt) {
        String secret = ApiKey.newSecret();
        stores.apiKeys().add(ApiKey.create(ApiKeyId.random(), name, role, secret, Actor.INSTALLATION.ref(), expiresAt,
                clock.instant()), ApiKey.hash(secret), clock.instant());
        return secret;
    }

    public static Actor.PortalUserActor actor(PortalUser user) {
        return new Actor.PortalUserActor(user.id(), user.accountId(), user.username().value());
    }

    /** A newly invited user of {@code account} and the delivery of their invitation, recorded and not yet sent. */
    public Delivery invitationTo(Account account, String name) {
        PortalUser user = invited(account, name, false);
        stores.unitOfWork().inTransaction(() -> recorder.invitation(account, user, clock.instant()));
        return deliveries(NotificationKind.INVITATION).stream()
                .filter(delivery -> delivery.recipient().equals(Recipient.of(user.id()))).findFirst().orElseThrow();
    }

    /** The deliveries recorded so far, of one kind. */
    public List<Delivery> deliveries(NotificationKind kind) {
        return stores.deliveries().deliveries().stream().filter(delivery -> delivery.kind() == kind).toList();
    }
}
