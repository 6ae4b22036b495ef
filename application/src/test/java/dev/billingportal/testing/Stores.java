package dev.billingportal.testing;

import dev.billingportal.application.port.out.AccountSearch;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.ApiKeys;
import dev.billingportal.application.port.out.AuditLog;
import dev.billingportal.application.port.out.BillRuns;
import dev.billingportal.application.port.out.ConsoleSessions;
import dev.billingportal.application.port.out.Deliveries;
import dev.billingportal.application.port.out.Invoices;
import dev.billingportal.application.port.out.Ledgers;
import dev.billingportal.application.port.out.LoginThrottles;
import dev.billingportal.application.port.out.OneTimeTokens;
import dev.billingportal.application.port.out.Operators;
import dev.billingportal.application.port.out.Outbox;
import dev.billingportal.application.port.out.Passkeys;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.RecoveryCodes;
import dev.billingportal.application.port.out.SessionReads;
import dev.billingportal.application.port.out.Sessions;
import dev.billingportal.application.port.out.TransactionHistory;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.application.port.out.WebhookEndpoints;
import dev.billingportal.application.port.out.WebhookMessages;
import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.user.PortalUserId;

/**
 * Every outgoing port that stores something, over one store: the in-memory fakes here, the JPA adapter on H2 or
 * PostgreSQL in the persistence adapter's tests. The ports' contract tests run against each, so the fakes the
 * service tests use cannot drift from the database.
 */
public interface Stores {
    String name();

    UnitOfWork unitOfWork();

    Accounts accounts();

    AccountSearch accountSearch();

    PortalUsers users();

    Sessions sessions();

    /** Sessions read outside any unit of work: what {@link #sessions()} finds. */
    SessionReads sessionReads();

    OneTimeTokens<PortalUserId> tokens();

    Operators operators();

    OneTimeTokens<OperatorId> operatorTokens();

    ConsoleSessions consoleSessions();

    RecoveryCodes recoveryCodes();

    Passkeys passkeys();

    ApiKeys apiKeys();

    LoginThrottles throttles();

    AuditLog auditLog();

    Ledgers ledgers();

    Transactions transactions();

    /** The history's read path: the same rows as {@link #transactions()}' history, read outside any unit of work. */
    TransactionHistory transactionHistory();

    Invoices invoices();

    Deliveries deliveries();

    Outbox outbox();

    WebhookEndpoints webhookEndpoints();

    WebhookMessages webhookMessages();

    BillRuns billRuns();
}
