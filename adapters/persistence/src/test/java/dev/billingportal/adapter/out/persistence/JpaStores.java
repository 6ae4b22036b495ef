package dev.billingportal.adapter.out.persistence;

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
import dev.billingportal.testing.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The JPA adapter's stores over one database, for the ports' contract tests: a migrated H2 file database, or a
 * database on the private PostgreSQL test server ({@link TestPostgres}). One of each per test JVM, opened at first
 * use; the contract tests keep to data of their own, so they can share it.
 */
public final class JpaStores implements Stores {
    private static JpaStores h2;
    private static JpaStores postgresql;

    /** The tests' secrets key: any 32 bytes will do, so long as every store of one database uses the same. */
    static final SecretSeal SEAL = new SecretSeal(new byte[32]);

    private final String name;
    private final JpaUnitOfWork unitOfWork;
    private final JpaOutbox outbox;

    private final Database database;

    private JpaStores(String name, Database database) {
        this.name = name;
        this.database = database;
        this.unitOfWork = new JpaUnitOfWork(database.entityManagerFactory());
        this.outbox = new JpaOutbox(unitOfWork);
    }

    public static synchronized JpaStores h2() {
        if (h2 == null) {
            try {
                h2 = new JpaStores("JPA on H2", TestDatabase.open(Files.createTempDirectory("portal-contract-")));
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        return h2;
    }

    public static synchronized JpaStores postgresql() {
        if (postgresql == null) {
            postgresql = new JpaStores("JPA on PostgreSQL", Database.open(new DatabaseSettings(
                    TestPostgres.newDatabase(), "postgres", "", 10)));
        }
        return postgresql;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    @Override
    public Accounts accounts() {
        return new JpaAccounts(unitOfWork);
    }

    @Override
    public AccountSearch accountSearch() {
        return new JpaAccountSearch(unitOfWork);
    }

    @Override
    public PortalUsers users() {
        return new JpaPortalUsers(unitOfWork);
    }

    @Override
    public Sessions sessions() {
        return new JpaSessions(unitOfWork);
    }

    @Override
    public SessionReads sessionReads() {
        return new JdbcSessionReads(database.reads());
    }

    @Override
    public OneTimeTokens<PortalUserId> tokens() {
        return JpaOneTimeTokens.ofPortalUsers(unitOfWork);
    }

    @Override
    public Operators operators() {
        return new JpaOperators(unitOfWork, SEAL);
    }

    @Override
    public OneTimeTokens<OperatorId> operatorTokens() {
        return JpaOneTimeTokens.ofOperators(unitOfWork);
    }

    @Override
    public ConsoleSessions consoleSessions() {
        return new JpaConsoleSessions(unitOfWork);
    }

    @Override
    public RecoveryCodes recoveryCodes() {
        return new JpaRecoveryCodes(unitOfWork);
    }

    @Override
    public Passkeys passkeys() {
        return new JpaPasskeys(unitOfWork);
    }

    @Override
    public ApiKeys apiKeys() {
        return new JpaApiKeys(unitOfWork);
    }

    @Override
    public LoginThrottles throttles() {
        return new JpaLoginThrottles(unitOfWork);
    }

    @Override
    public AuditLog auditLog() {
        return new JpaAuditLog(unitOfWork);
    }

    @Override
    public Ledgers ledgers() {
        return new JpaLedgers(unitOfWork);
    }

    @Override
    public Transactions transactions() {
        return new JpaTransactions(unitOfWork);
    }

    @Override
    public TransactionHistory transactionHistory() {
        return new JdbcTransactionHistory(database.reads());
    }

    @Override
    public Invoices invoices() {
        return new JpaInvoices(unitOfWork);
    }

    @Override
    public Deliveries deliveries() {
        return new JpaDeliveries(unitOfWork);
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public WebhookEndpoints webhookEndpoints() {
        return new JpaWebhookEndpoints(unitOfWork, SEAL);
    }

    @Override
    public WebhookMessages webhookMessages() {
        return new JpaWebhookMessages(unitOfWork);
    }

    @Override
    public BillRuns billRuns() {
        return new JpaBillRuns(unitOfWork);
    }
}
