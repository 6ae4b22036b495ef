package dev.billingportal.application.service.account;

import dev.billingportal.application.port.in.account.AccountCreated;
import dev.billingportal.application.port.in.account.CreateAccountCommand;
import dev.billingportal.application.port.in.account.CreateAccountUseCase;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.service.user.Invitations;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.user.PortalUser;
import java.time.Clock;
import java.time.Instant;

/** Opens an account with its first portal user and that user's invitation, in one transaction. */
public final class CreateAccountService implements CreateAccountUseCase {
    /** Generated numbers skip those an operator chose by hand; this bounds the skipping. */
    private static final int MAX_NUMBER_PROBES = 1_000;

    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final Invitations invitations;
    private final Clock clock;

    public CreateAccountService(UnitOfWork unitOfWork, Accounts accounts, Invitations invitations, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.invitations = invitations;
        this.clock = clock;
    }

    @Override
    public AccountCreated create(CreateAccountCommand command) {
        return unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            AccountNumber number = command.accountNumber().orElseGet(this::generatedNumber);
            if (command.accountNumber().isPresent() && accounts.numberTaken(number)) {
                throw AccountNumber.alreadyTaken();
            }
            Account account = new Account(AccountId.random(), number, command.name(), command.currency(), now);
            accounts.add(account);
            PortalUser firstUser = invitations.addInvited(account, command.firstUser(), Actor.OPERATOR, now);
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
