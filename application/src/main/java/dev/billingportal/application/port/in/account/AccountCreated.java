package dev.billingportal.application.port.in.account;

import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.user.PortalUser;

public record AccountCreated(Account account, PortalUser firstUser) {
}
