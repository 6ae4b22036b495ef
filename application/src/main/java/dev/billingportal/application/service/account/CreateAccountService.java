package dev.billingportal.application.service.account;

import dev.billingportal.application.port.in.account.AccountCreated;
import dev.billingportal.application.port.in.account.CreateAccountCommand;
import dev.billingportal.application.port.in.account.CreateAccountUseCase;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.user.Invitations;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.audit.AuditAction;
import dev.billingportal.domain.audit.AuditEvent;
import dev.billingportal.domain.audit.AuditSubject;
import dev.billingportal.domain.user.PortalUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Opens an account with its first portal user and that user's invitation, in one transaction. */
public final class CreateAccountService implements CreateAccountUseCase {
    /** Generated numbers skip those an operator chose by hand; this bounds the skipping. */
    private static final int MAX_NUMBER_PROBES = 1_000;

    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final Invitations invitations;
    private final AuditLog auditLog;
    private final Clock clock;

    public CreateAccountService(UnitOfWork unitOfWork, Accounts accounts, Invitations invitations, AuditLog auditLog,
                                Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.invitations = invitations;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public AccountCreated create(Actor actor, CreateAccountCommand command) {
        ProviderAccessPolicy.require(actor, Permission.POST_BILLING);
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            AccountNumber number = command.accountNumber().orElseGet(this::generatedNumber);
            if (command.accountNumber().isPresent() && accounts.numberTaken(number)) {
                throw AccountNumber.alreadyTaken();
            }
            Account account = new Account(AccountId.random(), number, command.name(), command.currency(), now);
            accounts.add(account);
            PortalUser firstUser = invitations.addInvited(account, command.firstUser(), actor, now);
            auditLog.record(AuditEvent.about(new AuditSubject(AuditSubject.Kind.ACCOUNT, account.id().value(),
                    account.number().value()), Optional.of(account.id()), actor, AuditAction.ACCOUNT_CREATED,
                    List.of(), now));
            return new AccountCreated(account, firstUser);
        });
    }

    private AccountNumber generatedNumber() {
        for (int probe = 0; probe < MAX_NUMBER_PROBES; probe++) {
            AccountNumber candidate = AccountNumber.generated(accounts.nextNumberSequence());
            if (!accounts.numberTaken(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free generated account number after " + MAX_NUMBER_PROBES + " probes");
    }
}
