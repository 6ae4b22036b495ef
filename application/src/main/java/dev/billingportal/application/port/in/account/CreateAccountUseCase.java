package dev.billingportal.application.port.in.account;

public interface CreateAccountUseCase {

    /**
     * Creates the account and its first portal user ({@code INVITED}) in one transaction, together with
     * the invitation's outbox entry (spec §2).
     */
    AccountCreated create(CreateAccountCommand command);
}
