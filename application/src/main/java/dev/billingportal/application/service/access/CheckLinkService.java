package dev.billingportal.application.service.access;

import dev.billingportal.application.port.in.access.CheckLinkQuery;
import dev.billingportal.application.port.in.access.LinkToken;
import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.TokenPurpose;
import dev.billingportal.domain.failure.InvalidToken;
import dev.billingportal.domain.user.PortalUserId;
import dev.billingportal.domain.user.UserStatus;
import java.time.Clock;

/** Looks at a link's token without using it; the same rules as accepting or resetting decide. */
public final class CheckLinkService implements CheckLinkQuery {
    private final UnitOfWork unitOfWork;
    private final OneTimeTokens<PortalUserId> tokens;
    private final PortalUsers users;
    private final Clock clock;

    public CheckLinkService(UnitOfWork unitOfWork, OneTimeTokens<PortalUserId> tokens, PortalUsers users, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public boolean isUsable(LinkToken link) {
        String hash;
        try {
            hash = OneTimeTokenFormat.hashOf(link.token());
        } catch (InvalidToken malformed) {
            return false;
        }
        UserStatus needed = link.purpose() == TokenPurpose.INVITATION ? UserStatus.INVITED : UserStatus.ACTIVE;
        return unitOfWork.inTransaction(() -> tokens.peek(hash, link.purpose(), clock.instant())
                .flatMap(users::find)
                .filter(user -> user.status() == needed)
                .isPresent());
    }
}
