package dev.billingportal.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Runs a baseline's loop, uncounted, until the bench's own JIT has settled: rounds of at least a second until
 * compiling takes less than a tenth of two rounds in a row, as {@link WarmUp} does for the portal. A fixed
 * number of warm-up calls was not enough: after 1 000 pages the JDBC baseline was measured while C2 compiled
 * beside it on one of the two cores (seen with top), and a baseline measured half-compiled flatters the portal's
 * ratio. Rounds last a second because the JVM counts a compilation's time only once it finishes; a long C2
 * compilation in progress is invisible to a short round.
 */
final class BaselineWarmUp {
    private static final double SETTLED = 0.10;
    private static final long ROUND_NANOS = 1_000_000_000L;

    /** A piece of the baseline's own work, uncounted; a round repeats it for at least a second. */
    interface Round {
        void run() throws Exception;
    }

    private final String name;
    private int rounds;
    private double lastShare = Double.NaN;
    private Duration took = Duration.ZERO;
    private boolean settled;

    private BaselineWarmUp(String name) {
        this.name = name;
    }

    /** Runs at least {@code minimumRounds} rounds, then more until settled or {@code limit} has passed. */
    static BaselineWarmUp run(String name, int minimumRounds, Duration limit, Round round) throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            throw new IllegalStateException("this JVM does not report its JIT compile time");
        }
        BaselineWarmUp warmUp = new BaselineWarmUp(name);
        long started = System.nanoTime();
        long compiledMillis = jit.getTotalCompilationTime();
        int quietRounds = 0;
        do {
            long roundStarted = System.nanoTime();
            do {
                round.run();
            } while (System.nanoTime() - roundStarted < ROUND_NANOS);
            long roundNanos = System.nanoTime() - roundStarted;
            long nowCompiled = jit.getTotalCompilationTime();
            warmUp.lastShare = (nowCompiled - compiledMillis) * 1e6 / roundNanos;
            compiledMillis = nowCompiled;
            warmUp.rounds++;
            quietRounds = warmUp.lastShare < SETTLED ? quietRounds + 1 : 0;
        } while ((warmUp.rounds < minimumRounds || quietRounds < 2) && System.nanoTime() - started < limit.toNanos());
        warmUp.took = Duration.ofNanos(System.nanoTime() - started);
        warmUp.settled = quietRounds >= 2;
        System.out.printf(Locale.ROOT, "[bench] %s%n", warmUp);
        return warmUp;
    }

    /** For the report: how long the baseline warmed and how quiet the JIT was at the end. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s warmed for %d round(s), %.1f s, %s %.0f %% of two rounds in a row"
                + " (last: %.1f %%)", name, rounds, took.toMillis() / 1000.0, settled
                ? "until the bench's JIT compiled for less than" : "and stopped at its time limit, its JIT not yet under",
                SETTLED * 100, lastShare * 100);
    }
}
