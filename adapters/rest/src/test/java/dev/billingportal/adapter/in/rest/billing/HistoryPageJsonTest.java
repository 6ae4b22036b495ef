package dev.billingportal.adapter.in.rest.billing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billingportal.adapter.in.rest.JsonResponses;
import dev.billingportal.application.port.in.Page;
import dev.billingportal.application.port.in.billing.HistoryEntry;
import dev.billingportal.domain.account.AccountId;
import dev.billingportal.domain.account.CurrencyCode;
import dev.billingportal.domain.billing.InvoiceId;
import dev.billingportal.domain.billing.Money;
import dev.billingportal.domain.billing.Transaction;
import dev.billingportal.domain.billing.TransactionId;
import dev.billingportal.domain.billing.TransactionType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The history page's streaming writer against today's rendering of the same page — JSON-B over
 * {@link TransactionResponse.PageResponse} — byte for byte: the fields' order, nulls, numbers, instants, and the
 * escaping of whatever a reference or description may hold.
 */
class HistoryPageJsonTest {
    private static final CurrencyCode CAD = new CurrencyCode("CAD");
    private static final Instant POSTED = Instant.parse("2026-11-01T13:45:00Z");

    @Test
    void aPageOfTheSpecsExamplesIsWrittenAsJsonBWritesIt() {
        HistoryEntry invoice = new HistoryEntry(new TransactionId(UUID.randomUUID()), 2, TransactionType.INVOICE,
                new Money(11_300, CAD), POSTED, null, "November services", new InvoiceId(UUID.randomUUID()),
                "INV-2026-11", new Money(11_300, CAD));
        HistoryEntry payment = new HistoryEntry(new TransactionId(UUID.randomUUID()), 3, TransactionType.PAYMENT,
                new Money(5_000, CAD), POSTED.plusSeconds(60), "PAY-77", null, null, null, new Money(6_300, CAD));
        String written = assertSameBytes(new Page<>(List.of(payment, invoice), Optional.of("c2VxOjM")));
        assertEquals("{\"items\":[{\"amount\":\"50.00\",\"balanceAfter\":\"63.00\",\"currency\":\"CAD\","
                + "\"description\":null,\"id\":\"" + payment.id().value() + "\",\"invoiceId\":null,"
                + "\"invoiceNumber\":null,\"postedAt\":\"2026-11-01T13:46:00Z\",\"reference\":\"PAY-77\","
                + "\"sequence\":3,\"type\":\"PAYMENT\"},", written.substring(0, written.indexOf("},") + 2),
                "the documented shape, checked once by hand");
    }

    @Test
    void anEmptyPageAndALastPageAreWrittenAsJsonBWritesThem() {
        assertEquals("{\"items\":[],\"nextCursor\":null}", assertSameBytes(new Page<>(List.of(), Optional.empty())));
        assertSameBytes(new Page<>(List.of(entry(new Random(1))), Optional.empty(), Optional.of("YWJvdmU6MQ")));
    }

    /** Seeded, so a failure repeats: 300 pages of up to 20 rows of random text, amounts, currencies and instants. */
    @Test
    void randomPagesAreWrittenByteForByteAsJsonBWritesThem() {
        Random random = new Random(20261204);
        for (int page = 0; page < 300; page++) {
            List<HistoryEntry> items = new ArrayList<>();
            int rows = random.nextInt(21);
            for (int i = 0; i < rows; i++) {
                items.add(entry(random));
            }
            assertSameBytes(new Page<>(items, random.nextBoolean() ? Optional.of(text(random)) : Optional.empty()));
        }
    }

    private static String assertSameBytes(Page<HistoryEntry> page) {
        byte[] streamed = HistoryPageJson.of(page);
        byte[] today = JsonResponses.json(TransactionResponse.PageResponse.of(new Page<>(page.items().stream()
                .map(HistoryPageJsonTest::transaction).toList(), page.nextCursor()))).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(today, streamed, () -> "expected " + new String(today, StandardCharsets.UTF_8)
                + "\nwritten  " + new String(streamed, StandardCharsets.UTF_8));
        return new String(streamed, StandardCharsets.UTF_8);
    }

    /** The same row as the transaction today's rendering took. */
    private static Transaction transaction(HistoryEntry entry) {
        return new Transaction(entry.id(), new AccountId(UUID.randomUUID()), entry.sequence(), entry.type(),
                entry.amount(), entry.postedAt(), entry.reference(), entry.description(), entry.invoiceId(),
                entry.invoiceNumber(), entry.balanceAfter(), "key-" + entry.sequence(), "fingerprint", entry.postedAt());
    }

    private static final List<CurrencyCode> CURRENCIES = List.of(CAD, new CurrencyCode("USD"),
            new CurrencyCode("JPY"), new CurrencyCode("BHD"));

    private static HistoryEntry entry(Random random) {
        CurrencyCode currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        TransactionType type = TransactionType.values()[random.nextInt(TransactionType.values().length)];
        long amount = 1 + (random.nextBoolean() ? random.nextInt(100_000) : Math.floorMod(random.nextLong(),
                Money.MAX_MINOR));
        long balance = Math.floorMod(random.nextLong(), 2 * Money.MAX_MINOR + 1) - Money.MAX_MINOR;
        // Whole seconds, milliseconds, microseconds and nanoseconds: ISO-8601 writes each differently.
        long nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000L;
            case 2 -> random.nextInt(1_000_000) * 1_000L;
            default -> random.nextInt(1_000_000_000);
        };
        Instant posted = Instant.ofEpochSecond(946_684_800L + random.nextInt(1_500_000_000), nanos);
        boolean invoice = random.nextBoolean();
        return new HistoryEntry(new TransactionId(UUID.randomUUID()), 1 + Math.floorMod(random.nextLong(),
                Long.MAX_VALUE - 1), type, new Money(amount, currency), posted,
                random.nextInt(4) == 0 ? null : text(random), random.nextInt(4) == 0 ? null : text(random),
                invoice ? new InvoiceId(UUID.randomUUID()) : null, invoice ? text(random) : null,
                new Money(balance, currency));
    }

    /**
     * Text a customer's reference may hold: quotes, backslashes, control characters, accents, emoji, lone '/', and
     * halves of a surrogate pair — alone, or meeting their other half by chance.
     */
    private static String text(Random random) {
        String[] pieces = {"a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "\u007f", "é", "ß",
            "€", "\u2028", "\u2029", "😀", "<", ">", "&", "'", "INV-", "日本", "\ud83d", "\ude00", "\udbff"};
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }
}
