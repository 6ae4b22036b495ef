package dev.billingportal.testing;

import dev.billingportal.application.port.out.TransactionHistory;

import dev.billingportal.domain.access.OperatorId;
import dev.billingportal.domain.user.PortalUserId;

/** The in-memory fakes, wired to each other as the database's tables are. */
public final class InMemoryStores implements Stores {
    private final InMemoryUnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final InMemoryPortalUsers users = new InMemoryPortalUsers();
    private final InMemorySessions sessions = new InMemorySessions(users);
    private final InMemoryOneTimeTokens<PortalUserId> tokens = new InMemoryOneTimeTokens<>();
    private final InMemoryOperators operators = new InMemoryOperators(unitOfWork);
    private final InMemoryOneTimeTokens<OperatorId> operatorTokens = new InMemoryOneTimeTokens<>();
    private final InMemoryConsoleSessions consoleSessions = new InMemoryConsoleSessions(operators);
    private final InMemoryRecoveryCodes recoveryCodes = new InMemoryRecoveryCodes();
    private final InMemoryPasskeys passkeys = new InMemoryPasskeys();
    private final InMemoryWebhookEndpoints webhookEndpoints = new InMemoryWebhookEndpoints();
    private final InMemoryApiKeys apiKeys = new InMemoryApiKeys();
    private final InMemoryLoginThrottles throttles = new InMemoryLoginThrottles();
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog();
    private final InMemoryLedgers ledgers = new InMemoryLedgers(accounts);
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryInvoices invoices = new InMemoryInvoices();
    private final InMemoryDeliveries deliveries = new InMemoryDeliveries();
    private final InMemoryWebhookMessages webhookMessages = new InMemoryWebhookMessages(deliveries,
            webhookEndpoints);
    private final InMemoryBillRuns billRuns = new InMemoryBillRuns();

    {
        deliveries.waitForRunsOf(billRuns);
    }
    private final InMemoryAccountSearch accountSearch = new InMemoryAccountSearch(accounts, users, invoices);

    @Override
    public String name() {
        return "in-memory fakes";
    }

    @Override
    public InMemoryUnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    public InMemoryAccounts accounts() {
        return accounts;
    }

    @Override
    public InMemoryAccountSearch accountSearch() {
        return accountSearch;
    }

    @Override
    public InMemoryPortalUsers users() {
        return users;
    }

    @Override
    public InMemorySessions sessions() {
        return sessions;
    }

    @Override
    public InMemorySessions sessionReads() {
        return sessions;
    }

    @Override
    public InMemoryOneTimeTokens<PortalUserId> tokens() {
        return tokens;
    }

    @Override
    public InMemoryOperators operators() {
        return operators;
    }

    @Override
    public InMemoryOneTimeTokens<OperatorId> operatorTokens() {
        return operatorTokens;
    }

    @Override
    public InMemoryConsoleSessions consoleSessions() {
        return consoleSessions;
    }

    @Override
    public InMemoryRecoveryCodes recoveryCodes() {
        return recoveryCodes;
    }

    @Override
    public InMemoryPasskeys passkeys() {
        return passkeys;
    }

    @Override
    public InMemoryApiKeys apiKeys() {
        return apiKeys;
    }

    @Override
    public InMemoryLoginThrottles throttles() {
        return throttles;
    }

    @Override
    public InMemoryAuditLog auditLog() {
        return auditLog;
    }

    @Override
    public InMemoryLedgers ledgers() {
        return ledgers;
    }

    @Override
    public InMemoryTransactions transactions() {
        return transactions;
    }

    @Override
    public TransactionHistory transactionHistory() {
        return transactions.history();
    }

    @Override
    public InMemoryInvoices invoices() {
        return invoices;
    }

    @Override
    public InMemoryDeliveries deliveries() {
        return deliveries;
    }

    @Override
    public InMemoryDeliveries outbox() {
        return deliveries;
    }

    @Override
    public String toString() {
        return name();
    }

    @Override
    public InMemoryWebhookEndpoints webhookEndpoints() {
        return webhookEndpoints;
    }

    @Override
    public InMemoryWebhookMessages webhookMessages() {
        return webhookMessages;
    }

    @Override
    public InMemoryBillRuns billRuns() {
        return billRuns;
    }
}
