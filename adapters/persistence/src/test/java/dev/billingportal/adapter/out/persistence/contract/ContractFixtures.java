package dev.billingportal.adapter.out.persistence.contract;

import dev.billingportal.adapter.out.persistence.JpaStores;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.access.OperatorRole;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountName;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.operator.Operator;
import dev.billingportal.domain.user.EmailAddress;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.Username;
import dev.billingportal.testing.InMemoryStores;
import dev.billingportal.testing.Stores;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/** The stores every contract runs on, and the rows its tests need first (each test's own, so stores can be shared). */
final class ContractFixtures {
    /** Instants survive every store to the millisecond (the portal's clock ticks in milliseconds). */
    static final Instant NOW = Instant.parse("2026-11-25T08:00:00.123Z");

    private ContractFixtures() {
    }

    static Stream<Stores> stores() {
        return Stream.of(new InMemoryStores(), JpaStores.h2(), JpaStores.postgresql());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Account account(Stores stores) {
        Account account = new Account(AccountId.random(),
                AccountNumber.parse(unique("C").toUpperCase(Locale.ROOT)), new AccountName("Acme"), CurrencyCode.CAD,
                NOW);
        stores.unitOfWork().inTransaction(() -> stores.accounts().add(account));
        return account;
    }

    static PortalUser user(Stores stores, Account account, String usernamePrefix, boolean notifications) {
        PortalUser user = PortalUser.invite(PortalUserId.random(), account.id(), new PortalUserProfile(
                Username.of(unique(usernamePrefix) + "@example.com"), null, new PersonName("Zoë"),
                new PersonName("Gagné-Tremblay"), ZoneId.of("America/St_Johns"), notifications), NOW);
        return stores.unitOfWork().inTransaction(() -> stores.users().add(user));
    }

    /** A new operator of this role, {@code ACTIVE} with a password (and no second factor yet) unless invited only. */
    static Operator operator(Stores stores, OperatorRole role, boolean active) {
        Operator operator = Operator.invite(OperatorId.random(), new EmailAddress(unique("op") + "@provider.example"),
                new PersonName("Sam Operator"), role, Language.FR_CA, ZoneId.of("America/Toronto"), NOW);
        if (active) {
            operator.choosePassword("hash-of-a-password", NOW);
        }
        return stores.unitOfWork().inTransaction(() -> stores.operators().add(operator));
    }

    static PortalUser activeUser(Stores stores, Account account, String usernamePrefix) {
        PortalUser user = user(stores, account, usernamePrefix, false);
        user.choosePassword("hash-of-a-password", NOW.plus(1, ChronoUnit.MINUTES));
        return stores.unitOfWork().inTransaction(() -> stores.users().update(user));
    }
}
