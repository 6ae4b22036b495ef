package dev.billingportal.bench;

import dev.billingportal.application.service.paging.KeysetCursor;
import dev.billingportal.domain.access.SecretTokens;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * Goals 1 and 2: a history page about 200 000 rows deep against the first page, through the API; and the API
 * against a bare JAX-RS GET on the hello application, both measured by wrk on one kept-alive connection in rounds
 * taken in turn (the page's whole work — token, account check, query, JSON — against an empty round trip through the
 * same server stack). With the bench's Java client, first and deep pages alternate so that both see the same
 * machine, deep pages starting at a different sequence each time (±1 000 around the depth); the same pages over raw
 * JDBC are reported beside them, as the database's own share.
 */
final class HistoryPages {
    /** Page pairs per piece of the JDBC baseline's warm-up, which repeats them in rounds of a second or more. */
    private static final int RAW_WARMUP_PIECE = 200;

    private final Latencies apiFirst = new Latencies();
    private final Latencies apiDeep = new Latencies();
    private final Latencies rawFirst = new Latencies();
    private final Latencies rawDeep = new Latencies();
    private final Latencies rawSession = new Latencies();
    private final Latencies httpFloor = new Latencies();
    private JitSettling rawWarmUp;
    private final List<Wrk.Run> wrkFirst = new ArrayList<>();
    private final List<Wrk.Run> wrkDeep = new ArrayList<>();
    private final List<Wrk.Run> wrkHello = new ArrayList<>();
    private final long lastSequence;
    private final BenchSettings settings;

    HistoryPages(long lastSequence, BenchSettings settings) {
        this.lastSequence = lastSequence;
        this.settings = settings;
    }

    void measureApi(PortalClient client, PortalClient.Member member) {
        Random depths = new Random(7);
        for (int i = 0; i < settings.warmup() + settings.historySamples(); i++) {
            boolean recorded = i >= settings.warmup();
            String cursor = KeysetCursor.encode(Long.toString(deepSequence(depths)));
            long before = System.nanoTime();
            client.historyPage(member, null);
            long between = System.nanoTime();
            client.historyPage(member, cursor);
            long after = System.nanoTime();
            client.live();
            long floor = System.nanoTime();
            if (recorded) {
                apiFirst.record(between - before);
                apiDeep.record(after - between);
                httpFloor.record(floor - after);
            }
        }
    }

    /**
     * Goal 2's measure: wrk on the API's first and deep pages and on the hello application's bare GET, in rounds
     * taken in turn, the hello application started beside the portal and warmed by wrk first.
     */
    void measureAgainstHello(PortalClient client, PortalClient.Member member, HelloApplication hello) {
        if (!Wrk.available()) {
            throw new IllegalStateException("the bench measures goal 2 with wrk: apt-get install wrk"
                    + " (./portal.sh bench installs it)");
        }
        String pages = client.base() + "/api/v1/accounts/" + member.accountId() + "/transactions?limit=50";
        String deep = pages + "&cursor=" + KeysetCursor.encode(Long.toString(lastSequence - settings.depth()));
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + member.token());
        Duration round = settings.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(5);
        try (MeasuredProcess helloProcess = hello.start()) {
            for (int i = 0; i < (settings.quick() ? 1 : 4); i++) { // its JIT's turn: the portal is warm already
                Wrk.run(hello.url().toString(), Map.of(), round);
            }
            for (int i = 0; i < (settings.quick() ? 2 : 5); i++) {
                wrkFirst.add(Wrk.run(pages, bearer, round));
                wrkDeep.add(Wrk.run(deep, bearer, round));
                wrkHello.add(Wrk.run(hello.url().toString(), Map.of(), round));
            }
            helloProcess.stop();
        }
    }

    void measureRaw(RawJdbc raw, PortalClient.Member member) throws Exception {
        UUID account = UUID.fromString(member.accountId());
        String tokenHash = SecretTokens.hash(member.token());
        Random warmUpDepths = new Random(11);
        rawWarmUp = JitSettling.run("the raw JDBC history query", JitActivity::ownCompileTime, Duration.ofSeconds(1),
                settings.quick() ? 1 : 3, settings.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(60), () -> {
                    for (int i = 0; i < RAW_WARMUP_PIECE; i++) {
                        rawPair(raw, account, tokenHash, deepSequence(warmUpDepths), false);
                    }
                });
        Random depths = new Random(7); // the deep pages the API's recorded samples read, in the same order
        for (int i = 0; i < settings.warmup(); i++) {
            deepSequence(depths);
        }
        for (int i = 0; i < settings.historySamples(); i++) {
            rawPair(raw, account, tokenHash, deepSequence(depths), true);
        }
    }

    /** The session check every request makes, then a first and a deep page: each of the API's queries once. */
    private void rawPair(RawJdbc raw, UUID account, String tokenHash, long deep, boolean recorded)
            throws SQLException {
        long start = System.nanoTime();
        boolean signedIn = raw.sessionRead(tokenHash);
        long before = System.nanoTime();
        int first = raw.historyPage(account, Long.MAX_VALUE);
        long between = System.nanoTime();
        int below = raw.historyPage(account, deep);
        long after = System.nanoTime();
        if (!signedIn || first != RawJdbc.ROWS || below != RawJdbc.ROWS) {
            throw new IllegalStateException("raw reads found " + (signedIn ? "the" : "no") + " session, pages of "
                    + first + " and " + below + " rows");
        }
        if (recorded) {
            rawSession.record(before - start);
            rawFirst.record(between - before);
            rawDeep.record(after - between);
        }
    }

    private long deepSequence(Random depths) {
        return lastSequence - settings.depth() + depths.nextInt(2_001) - 1_000;
    }

    Latencies apiFirst() {
        return apiFirst;
    }

    Latencies apiDeep() {
        return apiDeep;
    }

    Latencies httpFloor() {
        return httpFloor;
    }

    Latencies rawFirst() {
        return rawFirst;
    }

    Latencies rawDeep() {
        return rawDeep;
    }

    /** What goal 2's wrk rounds measured. */
    enum WrkTarget {
        FIRST_PAGE, DEEP_PAGE, HELLO
    }

    /** Goal 2's figure by wrk for {@code target}: the median over the rounds of one percentile. */
    double wrk(WrkTarget target, ToDoubleFunction<Wrk.Run> percentile) {
        return WebPages.median(switch (target) {
            case FIRST_PAGE -> wrkFirst;
            case DEEP_PAGE -> wrkDeep;
            case HELLO -> wrkHello;
        }, percentile);
    }

    void report(Report report) {
        double helloP50 = wrk(WrkTarget.HELLO, Wrk.Run::p50Millis);
        double firstP50 = wrk(WrkTarget.FIRST_PAGE, Wrk.Run::p50Millis);
        double deepP50 = wrk(WrkTarget.DEEP_PAGE, Wrk.Run::p50Millis);
        report.ratio("history API first page / bare JAX-RS GET on the hello application, p50 (wrk)",
                Report.ms(firstP50), Report.ms(helloP50) + " (hello)", firstP50 / helloP50, "≤ 3.0",
                firstP50 <= 3.0 * helloP50);
        report.ratio("history API page at depth ~" + settings.depth() + " / bare JAX-RS GET on the hello"
                        + " application, p50 (wrk)", Report.ms(deepP50), Report.ms(helloP50) + " (hello)",
                deepP50 / helloP50, "≤ 3.0", deepP50 <= 3.0 * helloP50);
        // The measure of the read path: the page against what it cannot do without — a bare JAX-RS GET and
        // its own query, read to the last column (the same SQL, in the bench's JVM) — so the ratio is the portal's
        // own cost: token, scope, mapping, JSON.
        double rawFirstP50 = rawFirst.p50Millis();
        double rawDeepP50 = rawDeep.p50Millis();
        report.ratio("history API first page / bare JAX-RS GET + the raw JDBC query of the same page, p50",
                Report.ms(firstP50), Report.ms(helloP50 + rawFirstP50) + " (hello + JDBC)",
                firstP50 / (helloP50 + rawFirstP50), "≤ 2.0", firstP50 <= 2.0 * (helloP50 + rawFirstP50));
        report.ratio("history API page at depth ~" + settings.depth() + " / bare JAX-RS GET + the raw JDBC query of"
                        + " the same page, p50", Report.ms(deepP50), Report.ms(helloP50 + rawDeepP50)
                        + " (hello + JDBC)", deepP50 / (helloP50 + rawDeepP50), "≤ 2.0",
                deepP50 <= 2.0 * (helloP50 + rawDeepP50));
        // What the two figures above leave out: a request's first query is the session check, a round trip of its
        // own before the page's — a deleted user's sessions end at once (spec §4), whichever process serves them.
        double rawSessionP50 = rawSession.p50Millis();
        report.reference("history API first page / bare JAX-RS GET + the raw JDBC session check and query of the"
                        + " same page (both of the request's queries), p50", Report.ms(firstP50),
                Report.ms(helloP50 + rawSessionP50 + rawFirstP50) + " (hello + JDBC)",
                firstP50 / (helloP50 + rawSessionP50 + rawFirstP50));
        report.ratio("history page at depth ~" + settings.depth() + " / first page, p50", Report.ms(apiDeep.p50Millis()),
                Report.ms(apiFirst.p50Millis()) + " (first page)", apiDeep.p50Millis() / apiFirst.p50Millis(), "≤ 1.2",
                apiDeep.p50Millis() <= 1.2 * apiFirst.p50Millis());
        report.ratio("history page at depth ~" + settings.depth() + " / first page, p99", Report.ms(apiDeep.p99Millis()),
                Report.ms(apiFirst.p99Millis()) + " (first page)", apiDeep.p99Millis() / apiFirst.p99Millis(), "≤ 1.2",
                apiDeep.p99Millis() <= 1.2 * apiFirst.p99Millis());
        report.reference("history API / raw JDBC keyset query, deep page p50 (wrk / JDBC)", Report.ms(deepP50),
                Report.ms(rawDeep.p50Millis()) + " (JDBC)", deepP50 / rawDeep.p50Millis());
        report.section("History pages (50 rows, newest first)", List.of(
                "by wrk, one kept-alive connection, rounds taken in turn (the hello application started beside the"
                        + " portal, warmed by wrk first):",
                "GET …/transactions?limit=50 (first page): " + Wrk.describe(wrkFirst),
                "GET …/transactions?limit=50&cursor=… (depth ~" + settings.depth() + "): " + Wrk.describe(wrkDeep),
                "GET /hello (a bare Helidon MP JAX-RS resource, same JVM options): " + Wrk.describe(wrkHello),
                String.format(Locale.ROOT, "the portal's own time above the bare GET, deep page p50: %.3f ms, %.1f×"
                        + " the JDBC query", deepP50 - helloP50, (deepP50 - helloP50) / rawDeep.p50Millis()),
                "and by the bench's Java client (its own cost included), first and deep pages alternating:",
                "API first page: " + apiFirst, "API page at depth ~" + settings.depth() + ": " + apiDeep,
                "the HTTP floor, GET /health/live on the same connection (no JAX-RS, no token, no database): " + httpFloor,
                "raw JDBC session check (the query letting each request in): " + rawSession,
                "raw JDBC first page: " + rawFirst + " (the query warmed in the bench's JVM: " + rawWarmUp + ")", "raw JDBC page at depth ~" + settings.depth() + ": " + rawDeep,
                "the API figures are whole HTTP round trips over loopback (bearer token checked, account scope checked,"
                        + " JSON written); the JDBC figures are the query and reading every column, in the bench's JVM"));
    }
}
