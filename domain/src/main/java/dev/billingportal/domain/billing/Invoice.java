package dev.billingportal.domain.billing;

import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An invoice, issued by an {@code INVOICE} transaction. Payments and credits applied to it settle it,
 * refunds applied to it undo payments; its status and amount due follow. Nothing can settle more than is
 * due, nor refund more than was paid, so an invoice's figures always add up.
 */
public final class Invoice {
    private static final String AMOUNT = "amount";

    private final InvoiceId id;
    private final AccountId accountId;
    private final TransactionId transactionId;
    private final long sequence;
    private final String invoiceNumber;
    private final LocalDate issueDate;
    private final LocalDate dueDate;
    private final LocalDate periodStart;
    private final LocalDate periodEnd;
    private final List<InvoiceLine> lines;
    private final List<InvoiceTax> taxes;
    private final Money subtotal;
    private final Money taxTotal;
    private final Money total;
    private final Instant postedAt;
    private Money paid;
    private Money credited;

    private Invoice(InvoiceId id, AccountId accountId, TransactionId transactionId, long sequence, String invoiceNumber,
                    LocalDate issueDate, LocalDate dueDate, LocalDate periodStart, LocalDate periodEnd,
                    List<InvoiceLine> lines, List<InvoiceTax> taxes, Money subtotal, Money taxTotal, Money total,
                    Instant postedAt, Money paid, Money credited) {
        this.id = Objects.requireNonNull(id, "id");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.transactionId = Objects.requireNonNull(transactionId, "transactionId");
        this.sequence = sequence;
        this.invoiceNumber = Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        this.issueDate = Objects.requireNonNull(issueDate, "issueDate");
        this.dueDate = Objects.requireNonNull(dueDate, "dueDate");
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.lines = List.copyOf(lines);
        this.taxes = List.copyOf(taxes);
        this.subtotal = Objects.requireNonNull(subtotal, "subtotal");
        this.taxTotal = Objects.requireNonNull(taxTotal, "taxTotal");
        this.total = Objects.requireNonNull(total, "total");
        this.postedAt = Objects.requireNonNull(postedAt, "postedAt");
        this.paid = Objects.requireNonNull(paid, "paid");
        this.credited = Objects.requireNonNull(credited, "credited");
    }

    /** The invoice an {@code INVOICE} transaction issues, from its checked figures. */
    public static Invoice issue(InvoiceId id, AccountId accountId, TransactionId transactionId, long sequence,
                                InvoiceDraft draft, InvoiceArithmetic.Checked figures, Instant postedAt) {
        Money zero = Money.zero(figures.total().currency());
        return new Invoice(id, accountId, transactionId, sequence, draft.invoiceNumber(), draft.issueDate(),
                draft.dueDate(), draft.periodStart(), draft.periodEnd(), figures.lines(), figures.taxes(),
                figures.subtotal(), figures.taxTotal(), figures.total(), postedAt, zero, zero);
    }

    public static Invoice reconstitute(InvoiceId id, AccountId accountId, TransactionId transactionId, long sequence,
                                       String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
                                       LocalDate periodStart, LocalDate periodEnd, List<InvoiceLine> lines,
                                       List<InvoiceTax> taxes, Money subtotal, Money taxTotal, Money total,
                                       Instant postedAt, Money paid, Money credited) {
        return new Invoice(id, accountId, transactionId, sequence, invoiceNumber, issueDate, dueDate, periodStart,
                periodEnd, lines, taxes, subtotal, taxTotal, total, postedAt, paid, credited);
    }

    /** Applies a payment, credit or refund to this invoice; too large an amount is the posting's {@code amount} to blame. */
    public void apply(TransactionType type, Money amount) {
        switch (type) {
            case PAYMENT -> {
                requireAtMostDue(amount);
                paid = paid.plus(amount);
            }
            case CREDIT -> {
                requireAtMostDue(amount);
                credited = credited.plus(amount);
            }
            case REFUND -> {
                if (amount.compareTo(paid) > 0) {
                    throw RuleViolation.field(AMOUNT, "exceeds what was paid on invoice " + invoiceNumber + " ("
                            + paid.withCurrency() + ")");
                }
                paid = paid.minus(amount);
            }
            case INVOICE -> throw new IllegalArgumentException("An invoice is not applied to another invoice");
        }
    }

    private void requireAtMostDue(Money amount) {
        if (amount.compareTo(amountDue()) > 0) {
            throw RuleViolation.field(AMOUNT, "exceeds the amount due on invoice " + invoiceNumber + " ("
                    + amountDue().withCurrency() + ")");
        }
    }

    /** Payments and credits applied, less refunds. */
    public Money settled() {
        return paid.plus(credited);
    }

    public Money amountDue() {
        return total.minus(settled()).max(Money.zero(total.currency()));
    }

    public InvoiceStatus status() {
        if (!settled().isPositive()) {
            return InvoiceStatus.OPEN;
        }
        return settled().compareTo(total) >= 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
    }

    /** Unpaid after its due date, as of {@code today} (a date in the reader's time zone). */
    public boolean isOverdue(LocalDate today) {
        return amountDue().isPositive() && today.isAfter(dueDate);
    }

    public InvoiceId id() {
        return id;
    }

    public AccountId accountId() {
        return accountId;
    }

    public TransactionId transactionId() {
        return transactionId;
    }

    public long sequence() {
        return sequence;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public LocalDate issueDate() {
        return issueDate;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public LocalDate periodStart() {
        return periodStart;
    }

    public LocalDate periodEnd() {
        return periodEnd;
    }

    public List<InvoiceLine> lines() {
        return lines;
    }

    public List<InvoiceTax> taxes() {
        return taxes;
    }

    public Money subtotal() {
        return subtotal;
    }

    public Money taxTotal() {
        return taxTotal;
    }

    public Money total() {
        return total;
    }

    public Instant postedAt() {
        return postedAt;
    }

    public Money paid() {
        return paid;
    }

    public Money credited() {
        return credited;
    }
}
