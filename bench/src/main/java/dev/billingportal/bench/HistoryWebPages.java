package dev.billingportal.bench;

import dev.billingportal.application.service.paging.KeysetCursor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The transaction history page {@code /transactions} (50 rows) about 200 000 rows deep, against its first page and
 * against the JSON API's same page. With wrk (one connection, rounds of each in turn, the median of the rounds'
 * percentiles kept) at one deep cursor; and with the bench's Java client alternating first and deep pages at depths
 * that vary by ±1 000 from request to request, as the API's history measurement does.
 */
final class HistoryWebPages {
    private final BenchSettings settings;
    private final long lastSequence;
    private final Latencies javaFirst = new Latencies();
    private final Latencies javaDeep = new Latencies();
    private final List<Wrk.Run> wrkFirst = new ArrayList<>();
    private final List<Wrk.Run> wrkDeep = new ArrayList<>();
    private final List<Wrk.Run> wrkDeepApi = new ArrayList<>();
    private int deepPageBytes;

    HistoryWebPages(long lastSequence, BenchSettings settings) {
        this.lastSequence = lastSequence;
        this.settings = settings;
    }

    void measure(PortalClient client, PortalClient.Member member, String username) {
        String session = client.signInToPages(username);
        Random depths = new Random(13);
        for (int i = 0; i < settings.warmup() + settings.historySamples(); i++) {
            String cursor = cursor(lastSequence - settings.depth() + depths.nextInt(2_001) - 1_000);
            long start = System.nanoTime();
            client.page("/transactions", session, "table--history");
            long first = System.nanoTime();
            deepPageBytes = client.page("/transactions?cursor=" + cursor, session, "table--history");
            long deep = System.nanoTime();
            if (i >= settings.warmup()) {
                javaFirst.record(first - start);
                javaDeep.record(deep - first);
            }
        }
        if (Wrk.available()) {
            String base = client.base().toString();
            String cursor = cursor(lastSequence - settings.depth());
            Map<String, String> cookie = Map.of("Cookie", session);
            Map<String, String> bearer = Map.of("Authorization", "Bearer " + member.token());
            Duration round = settings.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
            for (int i = 0; i < (settings.quick() ? 2 : 5); i++) {
                wrkFirst.add(Wrk.run(base + "/transactions", cookie, round));
                wrkDeep.add(Wrk.run(base + "/transactions?cursor=" + cursor, cookie, round));
                wrkDeepApi.add(Wrk.run(base + "/api/v1/accounts/" + member.accountId() + "/transactions?limit=50&cursor="
                        + cursor, bearer, round));
            }
        }
    }

    private static String cursor(long belowSequence) {
        return KeysetCursor.encode(Long.toString(belowSequence));
    }

    void report(Report report) {
        boolean byWrk = !wrkDeep.isEmpty();
        String client = byWrk ? "wrk" : "Java client";
        double firstP50 = byWrk ? WebPages.median(wrkFirst, Wrk.Run::p50Millis) : javaFirst.p50Millis();
        double deepP50 = byWrk ? WebPages.median(wrkDeep, Wrk.Run::p50Millis) : javaDeep.p50Millis();
        double firstP99 = byWrk ? WebPages.median(wrkFirst, Wrk.Run::p99Millis) : javaFirst.p99Millis();
        double deepP99 = byWrk ? WebPages.median(wrkDeep, Wrk.Run::p99Millis) : javaDeep.p99Millis();
        String depth = "~" + settings.depth();
        report.ratio("/transactions page at depth " + depth + " / its first page, p50 (" + client + ")",
                Report.ms(deepP50), Report.ms(firstP50) + " (first page)", deepP50 / firstP50, "≤ 1.2",
                deepP50 <= 1.2 * firstP50);
        report.ratio("/transactions page at depth " + depth + " / its first page, p99 (" + client + ")",
                Report.ms(deepP99), Report.ms(firstP99) + " (first page)", deepP99 / firstP99, "≤ 1.2",
                deepP99 <= 1.2 * firstP99);
        List<String> lines = new ArrayList<>();
        if (byWrk) {
            double apiP50 = WebPages.median(wrkDeepApi, Wrk.Run::p50Millis);
            report.ratio("/transactions page at depth " + depth + " / the JSON API's same page, p50 (wrk)",
                    Report.ms(deepP50), Report.ms(apiP50) + " (JSON)", deepP50 / apiP50, "≤ 1.2",
                    deepP50 <= 1.2 * apiP50);
            lines.addAll(List.of("measured with wrk, one connection, in rounds taken in turn, one deep cursor:",
                    "/transactions (first page): " + Wrk.describe(wrkFirst),
                    "/transactions?cursor=… (depth " + depth + "): " + Wrk.describe(wrkDeep),
                    "GET /api/v1/accounts/{id}/transactions?limit=50&cursor=… (the same page as JSON): "
                            + Wrk.describe(wrkDeepApi)));
        }
        lines.addAll(List.of("and with the bench's Java client, first and deep pages alternating, depths ±1 000:",
                "/transactions (first page): " + javaFirst,
                "/transactions?cursor=… (depth " + depth + "): " + javaDeep + ", " + deepPageBytes + " characters of HTML"));
        report.section("The transaction history page (50 rows, server-rendered)", lines);
    }
}
