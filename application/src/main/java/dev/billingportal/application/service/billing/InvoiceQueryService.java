package dev.billingportal.application.service.billing;

import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.PageRequest;
import dev.billingportal.application.port.in.billing.GetDashboardQuery;
import dev.billingportal.application.port.in.billing.GetInvoiceQuery;
import dev.billingportal.application.port.in.billing.InvoiceDetail;
import dev.billingportal.application.port.in.billing.InvoiceView;
import dev.billingportal.application.port.in.billing.ListInvoicesQuery;
import dev.billingportal.application.port.in.billing.RenderInvoiceQuery;
import dev.billingportal.application.port.out.Accounts;
import dev.billingportal.application.port.out.InvoiceDocuments;
import dev.billingportal.application.port.out.Transactions;
import dev.billingportal.application.port.out.Invoices;
import dev.billingportal.application.port.out.Ledgers;
import dev.billingportal.application.port.out.PortalUsers;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.AccountAccessPolicy;
import dev.billingportal.application.service.paging.KeysetCursor;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.billing.Invoice;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.NotFound;
import dev.billingportal.domain.user.Language;
import dev.billingportal.domain.user.PortalUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Invoices as readers see them, and the account dashboard; "overdue" is decided on the reader's date. */
public final class InvoiceQueryService implements ListInvoicesQuery, GetInvoiceQuery, RenderInvoiceQuery,
        GetDashboardQuery {
    private final UnitOfWork unitOfWork;
    private final Accounts accounts;
    private final PortalUsers users;
    private final Invoices invoices;
    private final Ledgers ledgers;
    private final Transactions transactions;
    private final InvoiceDocuments documents;
    private final Clock clock;

    public InvoiceQueryService(UnitOfWork unitOfWork, Accounts accounts, PortalUsers users, Invoices invoices,
                               Ledgers ledgers, Transactions transactions, InvoiceDocuments documents, Clock clock) {
        this.unitOfWork = unitOfWork;
        this.accounts = accounts;
        this.users = users;
        this.invoices = invoices;
        this.ledgers = ledgers;
        this.transactions = transactions;
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public Page<InvoiceView> list(Actor actor, AccountId account, PageRequest page) {
        AccountAccessPolicy.require(actor, account);
        OptionalLong before = page.cursor().map(InvoiceQueryService::sequence).orElse(OptionalLong.empty());
        return unitOfWork.inTransaction(() -> {
            account(account);
            LocalDate today = today(actor);
            List<Invoice> found = invoices.newestFirst(account, before, page.limit() + 1);
            List<InvoiceView> views = found.stream().limit(page.limit())
                    .map(invoice -> new InvoiceView(invoice, invoice.isOverdue(today))).toList();
            Optional<String> next = found.size() > page.limit()
                    ? Optional.of(KeysetCursor.encode(Long.toString(views.get(views.size() - 1).invoice().sequence())))
                    : Optional.empty();
            return new Page<>(views, next);
        });
    }

    @Override
    public InvoiceView get(Actor actor, AccountId account, InvoiceId id) {
        AccountAccessPolicy.require(actor, account);
        return unitOfWork.inTransaction(() -> {
            Invoice invoice = invoice(account, id);
            return new InvoiceView(invoice, invoice.isOverdue(today(actor)));
        });
    }

    @Override
    public InvoiceDetail detail(Actor actor, AccountId account, InvoiceId id) {
        AccountAccessPolicy.require(actor, account);
        return unitOfWork.inTransaction(() -> {
            Invoice invoice = invoice(account, id);
            return new InvoiceDetail(new InvoiceView(invoice, invoice.isOverdue(today(actor))),
                    transactions.appliedTo(account, id));
        });
    }

    @Override
    public byte[] render(Actor actor, AccountId account, InvoiceId id) {
        AccountAccessPolicy.require(actor, account);
        record Document(Account account, Invoice invoice, Language language) {
        }
        Document document = unitOfWork.inTransaction(() -> new Document(account(account), invoice(account, id),
                language(actor)));
        return documents.render(document.account(), document.invoice(), document.language());
    }

    @Override
    public Dashboard get(Actor actor, AccountId id) {
        AccountAccessPolicy.require(actor, id);
        return unitOfWork.inTransaction(() -> {
            Account account = account(id);
            LocalDate today = today(actor);
            Optional<InvoiceView> last = invoices.newestFirst(id, OptionalLong.empty(), 1).stream().findFirst()
                    .map(invoice -> new InvoiceView(invoice, invoice.isOverdue(today)));
            return new Dashboard(account, ledgers.read(id).balance(), last,
                    invoices.overdue(id, account.currency(), today));
        });
    }

    @Override
    public List<MonthTotals> lastMonths(Actor actor, AccountId id, int months) {
        AccountAccessPolicy.require(actor, id);
        if (months < 1 || months > 60) {
            throw InvalidInput.field("months", "must be between 1 and 60");
        }
        return unitOfWork.inTransaction(() -> {
            Account account = account(id);
            ZoneId zone = ReaderZone.of(actor, users);
            YearMonth first = YearMonth.from(clock.instant().atZone(zone)).minusMonths(months - 1L);
            List<Instant> boundaries = new ArrayList<>(months + 1);
            for (int i = 0; i <= months; i++) {
                boundaries.add(first.plusMonths(i).atDay(1).atStartOfDay(zone).toInstant());
            }
            List<Transactions.Totals> totals = transactions.totalsBetween(id, boundaries);
            List<MonthTotals> result = new ArrayList<>(months);
            for (int i = 0; i < months; i++) {
                result.add(new MonthTotals(first.plusMonths(i),
                        new Money(totals.get(i).invoicedMinor(), account.currency()),
                        new Money(totals.get(i).paidMinor(), account.currency())));
            }
            return result;
        });
    }

    private Account account(AccountId id) {
        return accounts.find(id).orElseThrow(() -> new NotFound("The account"));
    }

    private Invoice invoice(AccountId account, InvoiceId id) {
        return invoices.find(account, id).orElseThrow(() -> new NotFound("The invoice"));
    }

    /** A portal user's document is in their language; an operator's in the default one. */
    private Language language(Actor actor) {
        if (actor instanceof Actor.PortalUserActor user) {
            return users.find(user.userId()).map(PortalUser::language).orElse(Language.EN_CA);
        }
        return Language.EN_CA;
    }

    private LocalDate today(Actor actor) {
        return clock.instant().atZone(ReaderZone.of(actor, users)).toLocalDate();
    }

    private static OptionalLong sequence(String cursor) {
        try {
            return OptionalLong.of(Long.parseLong(KeysetCursor.decode(cursor, 1).get(0)));
        } catch (NumberFormatException malformed) {
            throw KeysetCursor.invalid();
        }
    }
}
