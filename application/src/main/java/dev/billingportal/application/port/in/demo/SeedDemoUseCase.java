package dev.billingportal.application.port.in.demo;

import dev.billingportal.application.port.in.account.AccountCreated;

/** Demo mode ({@code ./portal.sh demo}): an empty portal filled with one account that looks lived in. */
public interface SeedDemoUseCase {

    /**
     * Creates the demo account — its users, 18 months of invoices with their taxes, payments, a refund, a credit, one
     * invoice overdue — through the same use cases as the API, so every rule holds and every notification is sent.
     * Returns the account and its first user, whose invitation is on its way. Refuses (a {@code StateConflict}) a
     * portal that already holds an account: a demo never writes into real data.
     */
    AccountCreated seed();
}
