package dev.billingportal.application.service.demo;

import dev.billingportal.application.port.in.account.AccountCreated;
import dev.billingportal.application.port.in.account.CreateAccountCommand;
import dev.billingportal.application.port.in.account.CreateAccountUseCase;
import dev.billingportal.application.port.in.billing.InvoiceInput;
import dev.billingportal.application.port.in.billing.PostTransactionCommand;
import dev.billingportal.application.port.in.billing.PostTransactionUseCase;
import dev.billingportal.application.port.in.billing.TransactionInput;
import dev.billingportal.application.port.in.demo.SeedDemoUseCase;
import dev.billingportal.application.port.in.user.AddPortalUserCommand;
import dev.billingportal.application.port.in.user.AddPortalUserUseCase;
import dev.billingportal.application.port.in.user.NewPortalUserInput;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.PasswordHasher;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.SecretTokens;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.failure.StateConflict;
import dev.billingportal.domain.user.PortalUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo account: a Quebec telecom customer billed monthly for 18 months (GST 5 % and QST 9.975 %), paying each
 * invoice about three weeks after it is issued — once in two parts, once twice by mistake and refunded, once after a
 * service credit for an outage — with last month's invoice overdue and this month's open. Everything is posted
 * through the use cases, back-dated as an operator may, so balances, statuses and notifications are the real ones.
 */
public final class DemoAccountService implements SeedDemoUseCase {
    static final int MONTHS = 18;
    private static final ZoneId MONTREAL = ZoneId.of("America/Toronto"); // same offsets as Montréal
    private static final String GST = "5";
    private static final String QST = "9.975";

    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final CreateAccountUseCase createAccount;
    private final AddPortalUserUseCase addUser;
    private final PostTransactionUseCase post;
    private final PortalUsers users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public DemoAccountService(UnitOfWork unitOfWork, Accounts accounts, CreateAccountUseCase createAccount,
                              AddPortalUserUseCase addUser, PostTransactionUseCase post, PortalUsers users,
                              PasswordHasher hasher, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.createAccount = createAccount;
        this.addUser = addUser;
        this.post = post;
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public AccountCreated seed() {
        if (unitOfWork.inTransaction(accounts::any)) {
            throw new StateConflict("DEMO_NEEDS_AN_EMPTY_PORTAL",
                    "The demo fills an empty portal only; this one already holds accounts.");
        }
        AccountCreated created = createAccount.create(Actor.INSTALLATION, CreateAccountCommand.of(null, "Érablière Télécom inc.", "CAD",
                new NewPortalUserInput("alice.tremblay@example.com", null, "Alice", "Tremblay", "America/Toronto",
                        true, "en-CA")));
        AccountId account = created.account().id();
        Actor alice = new Actor.PortalUserActor(created.firstUser().id(), account,
                created.firstUser().username().value());
        // Chloé and Bob have been using the portal for a while (signed in with passwords nobody knows here): Chloé
        // wants billing notifications, in French, so the account has its mails from the first invoice on. Alice,
        // the first user, is the one the demo signs in: her invitation is the link it prints.
        activate(addUser.add(AddPortalUserCommand.of(alice, account, new NewPortalUserInput("chloe.gagnon@example.com",
                null, "Chloé", "Gagnon", "America/Toronto", true, "fr-CA"))));
        activate(addUser.add(AddPortalUserCommand.of(alice, account, new NewPortalUserInput("bob.nguyen@example.com",
                null, "Bob", "Nguyen", "America/Vancouver", false, "en-CA"))));

        YearMonth thisMonth = YearMonth.from(clock.instant().atZone(MONTREAL));
        for (int ago = MONTHS - 1; ago >= 0; ago--) {
            month(account, thisMonth.minusMonths(ago), ago);
        }
        return created;
    }

    private void activate(PortalUser user) {
        String password = hasher.hash(SecretTokens.generate());
        unitOfWork.inTransaction(() -> {
            PortalUser stored = users.find(user.id()).orElseThrow();
            stored.choosePassword(password, clock.instant());
            return users.update(stored);
        });
    }

    /** One month: its invoice, then what the customer did about it. */
    private void month(AccountId account, YearMonth month, int ago) {
        LocalDate issued = month.atDay(1);
        // Last month's invoice was due on the 16th and is still unpaid: overdue. This month's is due in 30 days.
        LocalDate due = ago <= 1 ? issued.plusDays(ago == 1 ? 15 : 30) : issued.plusDays(30);
        String number = "INV-" + month.getYear() + "-" + String.format("%02d", month.getMonthValue());
        int seats = 10 + (MONTHS - ago) / 4; // the customer grows
        int minutes = 900 + (month.getMonthValue() * 137) % 700;
        List<InvoiceInput.Line> lines = List.of(
                line("Hosted PBX seat", seats, "24.00"),
                line("SIP trunk, 10 channels", 1, "89.00"),
                line("Long-distance minutes", minutes, "0.04"));
        BigDecimal subtotal = lines.stream().map(l -> new BigDecimal(l.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gst = tax(subtotal, GST);
        BigDecimal qst = tax(subtotal, QST);
        BigDecimal total = subtotal.add(gst).add(qst);
        String invoiceId = post(account, number, new TransactionInput("INVOICE", money(total), "CAD",
                at(issued, 9), "BILLRUN-" + month, "Telecom services, " + month, null,
                new InvoiceInput(number, issued.toString(), due.toString(), month.minusMonths(1).atDay(1).toString(),
                        month.minusMonths(1).atEndOfMonth().toString(), lines,
                        List.of(new InvoiceInput.Tax("GST", GST, money(gst)),
                                new InvoiceInput.Tax("QST", QST, money(qst))))))
                .invoiceId().toString();
        if (ago <= 1) {
            return; // last month's is overdue, this month's open
        }
        LocalDate paidOn = issued.plusDays(21);
        if (ago == 12) { // paid in two parts
            BigDecimal first = total.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
            pay(account, number + "-1", first, invoiceId, paidOn, "Cheque 4471");
            pay(account, number + "-2", total.subtract(first), invoiceId, paidOn.plusDays(9), "Cheque 4488");
        } else if (ago == 8) { // paid twice by mistake; the second payment went back the next week
            pay(account, number, total, invoiceId, paidOn, "Pre-authorized debit");
            post(account, number + "-dup", new TransactionInput("PAYMENT", money(total), "CAD", at(paidOn, 15),
                    "Online banking", "Paid twice by mistake", null, null));
            post(account, number + "-refund", new TransactionInput("REFUND", money(total), "CAD",
                    at(paidOn.plusDays(6), 11), "REFUND-" + number, "Refund of the duplicate payment", null, null));
        } else if (ago == 5) { // a service credit after an outage, then the rest
            BigDecimal credit = new BigDecimal("25.00");
            post(account, number + "-credit", new TransactionInput("CREDIT", money(credit), "CAD",
                    at(issued.plusDays(3), 14), "CREDIT-" + number, "Service credit: 6-hour outage", invoiceId,
                    null));
            pay(account, number, total.subtract(credit), invoiceId, paidOn, "Pre-authorized debit");
        } else {
            pay(account, number, total, invoiceId, paidOn, "Pre-authorized debit");
        }
    }

    private void pay(AccountId account, String key, BigDecimal amount, String invoiceId, LocalDate on,
                     String reference) {
        post(account, key + "-payment", new TransactionInput("PAYMENT", money(amount), "CAD", at(on, 10), reference,
                null, invoiceId, null));
    }

    private dev.billingportal.domain.billing.Transaction post(AccountId account, String key, TransactionInput input) {
        return post.post(PostTransactionCommand.of(Actor.INSTALLATION, account, "demo-" + key, input)).transaction();
    }

    private static InvoiceInput.Line line(String description, int quantity, String unitPrice) {
        BigDecimal amount = new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity))
                .setScale(2, RoundingMode.HALF_UP);
        return new InvoiceInput.Line(description, Integer.toString(quantity), unitPrice, money(amount));
    }

    /** As InvoiceArithmetic checks it: subtotal × rate / 100, rounded half-up to the cent. */
    private static BigDecimal tax(BigDecimal subtotal, String rate) {
        return subtotal.multiply(new BigDecimal(rate)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A business time on {@code day}, never in the future (this month's payments are not made up). */
    private String at(LocalDate day, int hour) {
        Instant at = day.atTime(LocalTime.of(hour, 0)).atZone(MONTREAL).toInstant();
        Instant now = clock.instant();
        return (at.isAfter(now) ? now : at).toString();
    }
}
