package dev.billingportal.adapter.out.persistence;

import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.failure.PortalFailure;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.failure.TemporarilyUnavailable;
import dev.billingportal.domain.failure.UsernameTaken;
import dev.billingportal.domain.failure.VersionMismatch;
import dev.billingportal.domain.operator.Operator;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.RollbackException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns database errors into domain failures. Business rules that the database guards (unique
 * usernames, unique account numbers...) are recognised by their constraint's name, so the rule holds
 * even when two transactions race past the application's own checks.
 */
final class PersistenceFailures {
    /** Which failure a violation of each named constraint stands for (names as in the migrations, upper-case). */
    private static final Map<String, Supplier<PortalFailure>> CONSTRAINTS = Map.of(
            "UQ_PORTAL_USER_USERNAME", UsernameTaken::new,
            "UQ_ACCOUNT_NUMBER", AccountNumber::alreadyTaken,
            "UQ_INVOICE_NUMBER", () -> InvoiceDraft.numberTaken("requested"),
            "UQ_OPERATOR_EMAIL", Operator::emailTaken,
            "PK_PASSKEY", PersistenceFailures::passkeyRegistered,
            // H2 names a primary key by an index of its own, not by the constraint's name
            "ON PUBLIC.PASSKEY(CREDENTIAL_ID)", PersistenceFailures::passkeyRegistered);

    private PersistenceFailures() {
    }

    private static StateConflict passkeyRegistered() {
        return new StateConflict("passkey-registered", "This passkey is registered already.");
    }

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof PortalFailure) {
            return failure;
        }
        if (!isPersistenceError(failure)) {
            return failure;
        }
        if (causedBy(failure, OptimisticLockException.class)
                || causedBy(failure, org.eclipse.persistence.exceptions.OptimisticLockException.class)) {
            return new VersionMismatch();
        }
        SQLException sql = sqlCause(failure);
        if (sql != null) {
            String state = sql.getSQLState() == null ? "" : sql.getSQLState();
            if (state.startsWith("23")) {
                String message = allMessages(failure).toUpperCase(Locale.ROOT);
                for (Map.Entry<String, Supplier<PortalFailure>> constraint : CONSTRAINTS.entrySet()) {
                    if (message.contains(constraint.getKey())) {
                        return constraint.getValue().get();
                    }
                }
            }
            if (retryable(state)) {
                return busy();
            }
        }
        return failure;
    }

    /** The same for a failure of our own JDBC (the history's read path): retryable, or the store's fault. */
    static RuntimeException translate(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        return retryable(state) ? busy() : new IllegalStateException("The database failed", failure);
    }

    /**
     * Lock wait timed out (H2 HYT00, PostgreSQL 55P03), deadlock or serialization failure (40001, 40P01), connection
     * trouble (08...): retrying may succeed.
     */
    private static boolean retryable(String state) {
        return state.equals("HYT00") || state.equals("55P03") || state.startsWith("40") || state.startsWith("08");
    }

    private static TemporarilyUnavailable busy() {
        return new TemporarilyUnavailable("The database is busy; please try again.");
    }

    private static boolean isPersistenceError(Throwable failure) {
        return failure instanceof PersistenceException
                || failure instanceof org.eclipse.persistence.exceptions.EclipseLinkException
                || failure instanceof RollbackException;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String allMessages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
