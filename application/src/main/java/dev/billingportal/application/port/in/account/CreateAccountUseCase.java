package dev.billingportal.application.port.in.account;

import dev.billingportal.domain.access.Actor;

public interface CreateAccountUseCase {

    /**
     * Creates the account and its first portal user ({@code INVITED}) in one transaction, together with
     * the invitation's outbox entry (spec §2). The billing and admin roles may (spec §11).
     */
    AccountCreated create(Actor actor, CreateAccountCommand command);
}
