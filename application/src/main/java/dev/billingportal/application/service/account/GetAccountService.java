package dev.billingportal.application.service.account;

import dev.billingportal.application.port.in.account.GetAccountQuery;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.NotFound;

public final class GetAccountService implements GetAccountQuery {
    private final UnitOfWork unitOfWork;
    private final Accounts accounts;

    public GetAccountService(UnitOfWork unitOfWork, Accounts accounts) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
    }

    @Override
    public Account get(Actor actor, AccountId id) {
        AccountAccessPolicy.require(actor, id);
        return unitOfWork.inTransaction(() -> accounts.find(id)).orElseThrow(() -> new NotFound("The account"));
    }
}
