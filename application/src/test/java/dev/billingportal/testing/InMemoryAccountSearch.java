package dev.billingportal.testing;

import dev.billingportal.application.port.out.AccountSearch;
import dev.billingportal.domain.account.Account;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountMatch;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.SearchWords;
import dev.billingportal.domain.user.PortalUser;
import dev.billingportal.domain.user.UserStatus;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** The console's search over the fakes, by reading everything: the contract says what, the database says how fast. */
public final class InMemoryAccountSearch implements AccountSearch {
    private static final Comparator<AccountMatch> BY_NAME = Comparator
            .comparing((AccountMatch match) -> match.account().name().value())
            .thenComparing(match -> match.account().id().value());

    private final InMemoryAccounts accounts;
    private final InMemoryPortalUsers users;
    private final InMemoryInvoices invoices;

    public InMemoryAccountSearch(InMemoryAccounts accounts, InMemoryPortalUsers users, InMemoryInvoices invoices) {
        this.accounts = accounts;
        this.users = users;
        this.invoices = invoices;
    }

    private Account account(AccountId id) {
        return accounts.find(id).orElseThrow();
    }

    @Override
    public List<AccountMatch> byAccountNumber(AccountNumber number) {
        return accounts.all().stream().filter(account -> account.number().equals(number))
                .map(account -> new AccountMatch(account, AccountMatch.By.ACCOUNT_NUMBER, Optional.empty()))
                .toList();
    }

    @Override
    public List<AccountMatch> byInvoiceNumber(String invoiceNumber, int limit) {
        return invoices.all().stream().filter(invoice -> invoice.invoiceNumber().equals(invoiceNumber))
                .map(invoice -> new AccountMatch(account(invoice.accountId()), AccountMatch.By.INVOICE_NUMBER,
                        Optional.empty()))
                .sorted(BY_NAME).limit(limit).toList();
    }

    @Override
    public List<AccountMatch> byUsername(String usernameKey) {
        return users(user -> user.username().key().equals(usernameKey), AccountMatch.By.USERNAME, 1);
    }

    @Override
    public List<AccountMatch> byEmail(String emailKey, int limit) {
        return users(user -> user.email().value().toLowerCase(Locale.ROOT).equals(emailKey), AccountMatch.By.EMAIL,
                limit);
    }

    private List<AccountMatch> users(Predicate<PortalUser> matches, AccountMatch.By by, int limit) {
        return users.all().stream().filter(matches)
                .map(user -> new AccountMatch(account(user.accountId()), by, Optional.of(new AccountMatch.MatchedUser(
                        user.username().value(), user.status() == UserStatus.DELETED))))
                .sorted(BY_NAME.thenComparing(match -> match.user().orElseThrow().username()))
                .limit(limit).toList();
    }

    @Override
    public List<AccountMatch> byNameWords(Set<String> words, int limit) {
        return accounts.all().stream()
                .filter(account -> {
                    Set<String> nameWords = SearchWords.of(account.name().value());
                    return words.stream().allMatch(typed -> nameWords.stream().anyMatch(w -> w.startsWith(typed)));
                })
                .map(account -> new AccountMatch(account, AccountMatch.By.NAME, Optional.empty()))
                .sorted(BY_NAME).limit(limit).toList();
    }

}
