package dev.billingportal.domain.notification;

/** Names of the facts a notification event carries. */
public final class EventFacts {
    public static final String ACCOUNT_NAME = "accountName";
    public static final String ACCOUNT_NUMBER = "accountNumber";
    /** The user the event is about (invited, added, deleted, resetting their password). */
    public static final String SUBJECT_USER_ID = "subjectUserId";
    public static final String SUBJECT_USERNAME = "subjectUsername";
    public static final String SUBJECT_FIRST_NAME = "subjectFirstName";
    public static final String SUBJECT_LAST_NAME = "subjectLastName";
    /** Who did it, as the audit log labels them. */
    public static final String ACTOR = "actor";
    /** A posted transaction: its type, amount as a decimal string and currency, business time (ISO-8601). */
    public static final String TRANSACTION_TYPE = "transactionType";
    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String POSTED_AT = "postedAt";
    public static final String BALANCE_AFTER = "balanceAfter";
    /** Optional facts of a posted transaction. */
    public static final String REFERENCE = "reference";
    public static final String DESCRIPTION = "description";
    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String DUE_DATE = "dueDate";
    /** A security notice to the provider's administrators: what was done (an audit action's name), and to what. */
    public static final String SECURITY_ACTION = "securityAction";
    public static final String SECURITY_SUBJECT = "securitySubject";
    /** A webhook endpoint's address as shown (no query), why it was turned off, and since when it failed. */
    public static final String WEBHOOK_ENDPOINT = "webhookEndpoint";
    public static final String WEBHOOK_DISABLED = "webhookDisabled";
    public static final String WEBHOOK_FAILING_SINCE = "webhookFailingSince";

    private EventFacts() {
    }
}
