package dev.billingportal.domain.notification;

import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who is told about a billing event (spec §6): the account's users who have billing notifications on
 * at the moment of the event — never the user the event is about (the added user gets an invitation,
 * the deleted one nothing).
 */
public final class RecipientPolicy {
    private RecipientPolicy() {
    }

    public static List<PortalUser> billingRecipients(Collection<PortalUser> accountUsers,
                                                     Optional<PortalUserId> subject) {
        return accountUsers.stream()
                .filter(PortalUser::receivesBillingNotifications)
                .filter(user -> subject.map(id -> !id.equals(user.id())).orElse(true))
                .toList();
    }
}
