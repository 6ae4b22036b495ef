package dev.billingportal.application.service.user;

import dev.billingportal.application.port.in.user.GetCurrentUserQuery;
import dev.billingportal.application.port.in.user.GetPortalUserQuery;
import dev.billingportal.application.port.in.user.ListPortalUsersQuery;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.AuthenticationFailed;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.PortalUserId;
import java.util.List;

/** The read side of Manage Users. */
public final class PortalUserQueryService implements ListPortalUsersQuery, GetPortalUserQuery, GetCurrentUserQuery {
    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final PortalUsers users;

    public PortalUserQueryService(UnitOfWork unitOfWork, Accounts accounts, PortalUsers users) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.users = users;
    }

    @Override
    public List<PortalUser> list(Actor actor, AccountId account, boolean includeDeleted) {
        AccountAccessPolicy.require(actor, account);
        boolean deletedToo = includeDeleted && actor.may(Permission.READ_ACCOUNTS);
        return unitOfWork.inTransaction(() -> {
            accounts.find(account).orElseThrow(() -> new NotFound("The account"));
            return users.listByAccount(account, deletedToo);
        });
    }

    @Override
    public PortalUser get(Actor actor, AccountId account, PortalUserId user) {
        AccountAccessPolicy.require(actor, account);
        return unitOfWork.inTransaction(() -> UserLookup.current(users, account, user));
    }

    @Override
    public Me me(Actor.PortalUserActor actor) {
        return unitOfWork.inTransaction(() -> {
            PortalUser user = users.find(actor.userId()).filter(PortalUser::canSignIn)
                    .orElseThrow(AuthenticationFailed::new);
            return new Me(user, accounts.find(user.accountId()).orElseThrow(AuthenticationFailed::new));
        });
    }
}
