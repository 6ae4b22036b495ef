package dev.billingportal.domain.notification;

import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.user.PortalUserId;
import java.util.Objects;
import java.util.UUID;

/** Whom a delivery is for: a portal user of an account, or an operator of the provider (spec §11's mails). */
public sealed interface Recipient {
    UUID id();

    record PortalUserRecipient(PortalUserId user) implements Recipient {
        public PortalUserRecipient {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public UUID id() {
            return user.value();
        }
    }

    record OperatorRecipient(OperatorId operator) implements Recipient {
        public OperatorRecipient {
            Objects.requireNonNull(operator, "operator");
        }

        @Override
        public UUID id() {
            return operator.value();
        }
    }

    static Recipient of(PortalUserId user) {
        return new PortalUserRecipient(user);
    }

    static Recipient of(OperatorId operator) {
        return new OperatorRecipient(operator);
    }
}
