package dev.billingportal.application.service.account;

import dev.billingportal.application.port.in.account.FindAccountsQuery;
import dev.billingportal.application.port.out.AccountSearch;
import dev.billingportal.application.port.out.UnitOfWork;
import dev.billingportal.domain.access.Actor;
import dev.billingportal.domain.access.Permission;
import dev.billingportal.domain.access.ProviderAccessPolicy;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.AccountMatch;
import dev.billingportal.domain.account.AccountNumber;
import dev.billingportal.domain.account.SearchWords;
import dev.billingportal.domain.billing.InvoiceDraft;
import dev.billingportal.domain.failure.InvalidInput;
import dev.billingportal.domain.failure.InvalidValue;
import dev.billingportal.domain.user.Username;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The console's one search box (spec §12). Every way the text can be is tried — an account number, an invoice
 * number, a username or e-mail, the words of a name — each through its own index, and the exact matches come first;
 * an account found twice is listed once, under its first match. A way the text cannot be (an e-mail address as a
 * name, a text with spaces as a number) costs no query.
 */
public final class FindAccountsService implements FindAccountsQuery {
    private static final int MAX_TEXT = 200;

    private final UnitOfWork unitOfWork;
    private final AccountSearch search;

    public FindAccountsService(UnitOfWork unitOfWork, AccountSearch search) {
        this.unitOfWork = unitOfWork;
        this.search = search;
    }

    @Override
    public List<AccountMatch> find(Actor caller, String text) {
        ProviderAccessPolicy.require(caller, Permission.READ_ACCOUNTS);
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty() || typed.length() > MAX_TEXT || typed.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInput.field("q", "must be 1 to 200 characters on one line");
        }
        return unitOfWork.inTransaction(() -> {
            List<AccountMatch> found = new ArrayList<>();
            boolean address = typed.contains("@");
            if (!typed.contains(" ")) {
                accountNumber(typed).ifPresent(number -> found.addAll(search.byAccountNumber(number)));
                invoiceNumber(typed).ifPresent(number -> found.addAll(search.byInvoiceNumber(number, LIMIT)));
                String key = typed.toLowerCase(Locale.ROOT);
                if (key.length() >= Username.MIN_LENGTH) {
                    found.addAll(search.byUsername(key));
                }
                if (address) {
                    found.addAll(search.byEmail(key, LIMIT));
                }
            }
            // Each way is a query: an address is a user's, never words of a name.
            Set<String> words = SearchWords.of(typed);
            if (!words.isEmpty() && !address) {
                found.addAll(search.byNameWords(words, LIMIT));
            }
            return firstOfEach(found);
        });
    }

    /** The text as an invoice number, if it can be one. */
    private static Optional<String> invoiceNumber(String typed) {
        try {
            return Optional.of(InvoiceDraft.invoiceNumber(typed));
        } catch (InvalidValue notANumber) {
            return Optional.empty();
        }
    }

    /** The text as an account number, if it can be one. */
    private static Optional<AccountNumber> accountNumber(String typed) {
        try {
            return Optional.of(AccountNumber.parse(typed));
        } catch (InvalidValue notANumber) {
            return Optional.empty();
        }
    }

    private static List<AccountMatch> firstOfEach(List<AccountMatch> found) {
        Set<AccountId> seen = new HashSet<>();
        List<AccountMatch> distinct = new ArrayList<>();
        for (AccountMatch match : found) {
            if (seen.add(match.account().id()) && distinct.size() < LIMIT) {
                distinct.add(match);
            }
        }
        return distinct;
    }
}
