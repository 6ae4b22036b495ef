package dev.billingportal.bench;

import dev.billingportal.application.service.paging.KeysetCursor;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Goals 1 and 2: a history page about 200 000 rows deep against the first page, through the API; and the API
 * against the same keyset query over raw JDBC. First and deep pages alternate so that both see the same
 * machine; deep pages start at a different sequence each time (±1 000 around the depth), the same ones in
 * both runs.
 */
final class HistoryPages {
    /** Page pairs per piece of the JDBC baseline's warm-up, which repeats them in rounds of a second or more. */
    private static final int RAW_WARMUP_PIECE = 200;

    private final Latencies apiFirst = new Latencies();
    private final Latencies apiDeep = new Latencies();
    private final Latencies rawFirst = new Latencies();
    private final Latencies rawDeep = new Latencies();
    private final Latencies httpFloor = new Latencies();
    private JitSettling rawWarmUp;
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

    void measureRaw(RawJdbc raw, UUID account) throws Exception {
        Random warmUpDepths = new Random(11);
        rawWarmUp = JitSettling.run("the raw JDBC history query", JitActivity::ownCompileTime, Duration.ofSeconds(1),
                settings.quick() ? 1 : 3, settings.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(60), () -> {
                    for (int i = 0; i < RAW_WARMUP_PIECE; i++) {
                        rawPair(raw, account, deepSequence(warmUpDepths), false);
                    }
                });
        Random depths = new Random(7); // the deep pages the API's recorded samples read, in the same order
        for (int i = 0; i < settings.warmup(); i++) {
            deepSequence(depths);
        }
        for (int i = 0; i < settings.historySamples(); i++) {
            rawPair(raw, account, deepSequence(depths), true);
        }
    }

    private void rawPair(RawJdbc raw, UUID account, long deep, boolean recorded) throws SQLException {
        long before = System.nanoTime();
        int first = raw.historyPage(account, Long.MAX_VALUE);
        long between = System.nanoTime();
        int below = raw.historyPage(account, deep);
        long after = System.nanoTime();
        if (first != RawJdbc.ROWS || below != RawJdbc.ROWS) {
            throw new IllegalStateException("raw pages held " + first + " and " + below + " rows");
        }
        if (recorded) {
            rawFirst.record(between - before);
            rawDeep.record(after - between);
        }
    }

    private long deepSequence(Random depths) {
        return lastSequence - settings.depth() + depths.nextInt(2_001) - 1_000;
    }

    void report(Report report) {
        report.ratio("history page at depth ~" + settings.depth() + " / first page, p50", Report.ms(apiDeep.p50Millis()),
                Report.ms(apiFirst.p50Millis()) + " (first page)", apiDeep.p50Millis() / apiFirst.p50Millis(), "≤ 1.2",
                apiDeep.p50Millis() <= 1.2 * apiFirst.p50Millis());
        report.ratio("history page at depth ~" + settings.depth() + " / first page, p99", Report.ms(apiDeep.p99Millis()),
                Report.ms(apiFirst.p99Millis()) + " (first page)", apiDeep.p99Millis() / apiFirst.p99Millis(), "≤ 1.2",
                apiDeep.p99Millis() <= 1.2 * apiFirst.p99Millis());
        report.ratio("history API / raw JDBC keyset query, deep page p50", Report.ms(apiDeep.p50Millis()),
                Report.ms(rawDeep.p50Millis()) + " (JDBC)", apiDeep.p50Millis() / rawDeep.p50Millis(), "≤ 3",
                apiDeep.p50Millis() <= 3 * rawDeep.p50Millis());
        report.ratio("history API / raw JDBC keyset query, first page p50", Report.ms(apiFirst.p50Millis()),
                Report.ms(rawFirst.p50Millis()) + " (JDBC)", apiFirst.p50Millis() / rawFirst.p50Millis(), "≤ 3",
                apiFirst.p50Millis() <= 3 * rawFirst.p50Millis());
        report.section("History pages (50 rows, newest first)", List.of(
                "API first page: " + apiFirst, "API page at depth ~" + settings.depth() + ": " + apiDeep,
                "the HTTP floor, GET /health/live on the same connection (no JAX-RS, no token, no database): " + httpFloor,
                "raw JDBC first page: " + rawFirst + " (the query warmed in the bench's JVM: " + rawWarmUp + ")", "raw JDBC page at depth ~" + settings.depth() + ": " + rawDeep,
                String.format(Locale.ROOT, "deep page p50 above the HTTP floor: %.3f ms, %.1f× the JDBC query",
                        apiDeep.p50Millis() - httpFloor.p50Millis(),
                        (apiDeep.p50Millis() - httpFloor.p50Millis()) / rawDeep.p50Millis()),
                "the API figures are whole HTTP round trips over loopback (bearer token checked, account scope checked,"
                        + " JSON written); the JDBC figures are the query and reading every column, in the bench's JVM"));
    }
}
