package dev.billingportal.domain.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.user.PersonName;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.PortalUserProfile;
import dev.billingportal.domain.user.Username;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecipientPolicyTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private final AccountId account = AccountId.random();

    private PortalUser user(String name, boolean notifications) {
        return PortalUser.invite(PortalUserId.random(), account, new PortalUserProfile(
                Username.of(name + "@example.com"), null, new PersonName(name), new PersonName("X"),
                ZoneId.of("UTC"), notifications), NOW);
    }

    @Test
    void usersWithTheFlagOnExceptTheSubjectAndTheDeleted() {
        PortalUser on = user("on", true);
        PortalUser off = user("off", false);
        PortalUser subject = user("subject", true);
        PortalUser deleted = user("deleted", true);
        deleted.delete(on.id(), NOW);

        List<PortalUser> recipients = RecipientPolicy.billingRecipients(List.of(on, off, subject, deleted),
                Optional.of(subject.id()));

        assertEquals(List.of(on), recipients);
        assertEquals(List.of(on, subject),
                RecipientPolicy.billingRecipients(List.of(on, off, subject, deleted), Optional.empty()));
    }
}
